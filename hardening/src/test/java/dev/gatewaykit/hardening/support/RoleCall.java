package dev.gatewaykit.hardening.support;

import com.openai.client.OpenAIClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.EmbeddingCreateParams;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseOutputText;
import com.openai.models.responses.ResponseStreamEvent;
import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.client.GatewayClients;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One kind of call a backend makes, on its role's client, with the answer checked: embeddings, chat (plain and
 * streamed) and Responses (plain and streamed). A call that returns normally produced a complete, sane answer; a
 * stream that ends without its final event counts as a failure, not as a short answer.
 */
public enum RoleCall {

    /** {@code POST /embeddings} on the internal route. */
    EMBEDDINGS(Role.EMBEDDINGS, "/embeddings", false) {
        @Override
        String call(OpenAIClient client, String prompt) {
            CreateEmbeddingResponse response = client.embeddings().create(EmbeddingCreateParams.builder()
                    .model(EMBEDDING_MODEL).input(prompt).build());
            List<Float> vector = response.data().get(0).embedding();
            if (vector.isEmpty()) {
                throw new AssertionError("empty embedding for " + prompt);
            }
            return vector.size() + " floats";
        }
    },
    /** {@code POST /chat/completions}, one JSON answer. */
    CHAT(Role.LLM, "/chat/completions", false) {
        @Override
        String call(OpenAIClient client, String prompt) {
            ChatCompletion completion = client.chat().completions().create(chat(prompt).build());
            return completion.choices().get(0).message().content().orElseThrow(
                    () -> new AssertionError("chat answer without content"));
        }
    },
    /** {@code POST /chat/completions} streamed event by event, usage included. */
    CHAT_STREAM(Role.LLM, "/chat/completions", true) {
        @Override
        String call(OpenAIClient client, String prompt) {
            StringBuilder text = new StringBuilder();
            boolean[] usage = {false};
            try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(chat(prompt)
                    .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build())) {
                stream.stream().forEach(chunk -> {
                    chunk.choices().forEach(choice -> choice.delta().content().ifPresent(text::append));
                    if (chunk.usage().isPresent()) {
                        usage[0] = true;
                    }
                });
            }
            if (!usage[0] || text.isEmpty()) {
                throw new AssertionError("chat stream ended before its usage chunk: '" + text + "'");
            }
            return text.toString();
        }
    },
    /** {@code POST /responses}, one JSON answer. */
    RESPONSES(Role.CODEX, "/responses", false) {
        @Override
        String call(OpenAIClient client, String prompt) {
            Response response = client.responses().create(ResponseCreateParams.builder().model(CHAT_MODEL)
                    .input(prompt).build());
            String text = response.output().stream()
                    .flatMap(item -> item.message().stream())
                    .flatMap(message -> message.content().stream())
                    .flatMap(content -> content.outputText().stream())
                    .map(ResponseOutputText::text)
                    .collect(Collectors.joining());
            if (text.isEmpty()) {
                throw new AssertionError("response without output text");
            }
            return text;
        }
    },
    /** {@code POST /responses} streamed: created … output_text.delta … completed. */
    RESPONSES_STREAM(Role.CODEX, "/responses", true) {
        @Override
        String call(OpenAIClient client, String prompt) {
            StringBuilder text = new StringBuilder();
            boolean[] completed = {false};
            try (StreamResponse<ResponseStreamEvent> stream = client.responses().createStreaming(
                    ResponseCreateParams.builder().model(CHAT_MODEL).input(prompt).build())) {
                stream.stream().forEach(event -> {
                    event.outputTextDelta().ifPresent(delta -> text.append(delta.delta()));
                    if (event.completed().isPresent()) {
                        completed[0] = true;
                    }
                });
            }
            if (!completed[0] || text.isEmpty()) {
                throw new AssertionError("responses stream ended before response.completed: '" + text + "'");
            }
            return text.toString();
        }
    };

    /** Chat and Responses model served by the stub. */
    public static final String CHAT_MODEL = "gpt-4o-mini";
    /** Embeddings model served by the stub. */
    public static final String EMBEDDING_MODEL = "text-embedding-3-small";

    private final Role role;
    private final String path;
    private final boolean streamed;

    RoleCall(Role role, String path, boolean streamed) {
        this.role = role;
        this.path = path;
        this.streamed = streamed;
    }

    /** The role whose client makes the call. */
    public Role role() {
        return role;
    }

    /** The endpoint path below {@code /v1}. */
    public String path() {
        return path;
    }

    /** Whether the answer is an event stream. */
    public boolean streamed() {
        return streamed;
    }

    /** Makes the call on the role's client; returns the answer's text, or throws what the client threw. */
    public String run(GatewayClients clients, String prompt) {
        return call(clients.client(role), prompt);
    }

    abstract String call(OpenAIClient client, String prompt);

    private static ChatCompletionCreateParams.Builder chat(String prompt) {
        return ChatCompletionCreateParams.builder().model(CHAT_MODEL).addUserMessage(prompt);
    }
}
