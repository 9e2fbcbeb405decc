package dev.gatewaykit.sdk.testing;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.openai.client.OpenAIClient;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.EmbeddingCreateParams;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import dev.gatewaykit.sdk.settings.GatewaySettings;
import dev.gatewaykit.sdk.settings.MapSource;
import dev.gatewaykit.sdk.settings.SettingsSources;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/** OpenAI-shaped replies for WireMock and one-line calls for each role. */
public final class Fixtures {

    public static final String EMBEDDING_JSON = """
            {"object":"list","data":[{"object":"embedding","index":0,"embedding":[0.6,0.8]}],
             "model":"text-embedding-3-small","usage":{"prompt_tokens":1,"total_tokens":1}}""";
    public static final String CHAT_JSON = """
            {"id":"chatcmpl-test","object":"chat.completion","created":1,"model":"gpt-4o-mini",
             "choices":[{"index":0,"message":{"role":"assistant","content":"hello"},"finish_reason":"stop"}],
             "usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2}}""";
    public static final String RESPONSE_JSON = """
            {"id":"resp-test","object":"response","created_at":1,"model":"gpt-5-codex","status":"completed",
             "output":[],"parallel_tool_calls":false,"tool_choice":"auto","tools":[]}""";

    private Fixtures() {
    }

    /** Resolves settings from a single "env" layer holding exactly {@code values}. */
    public static GatewaySettings settings(Map<String, String> values) {
        return GatewaySettings.resolve(SettingsSources.of(new MapSource("env", values)));
    }

    /** Stubs all three endpoints with success under any prefix. */
    public static MappingBuilder[] openAiEndpoints() {
        return new MappingBuilder[] {
                post(urlPathMatching(".*/embeddings")).willReturn(okJson(EMBEDDING_JSON)),
                post(urlPathMatching(".*/chat/completions")).willReturn(okJson(CHAT_JSON)),
                post(urlPathMatching(".*/responses")).willReturn(okJson(RESPONSE_JSON))};
    }

    public static ResponseDefinitionBuilder jsonError(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    public static CreateEmbeddingResponse embed(OpenAIClient client) {
        return client.embeddings().create(EmbeddingCreateParams.builder().input("hello")
                .model("text-embedding-3-small").build());
    }

    public static ChatCompletion chat(OpenAIClient client) {
        return client.chat().completions().create(ChatCompletionCreateParams.builder().addUserMessage("hi")
                .model("gpt-4o-mini").build());
    }

    public static Response codex(OpenAIClient client) {
        return client.responses().create(ResponseCreateParams.builder().input("write a test")
                .model("gpt-5-codex").build());
    }

    /** A loopback port nothing listens on (bound, then released). */
    public static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
