package dev.gatewaykit.stub.endpoints;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaykit.stub.gateway.Ids;
import dev.gatewaykit.stub.http.Json;
import dev.gatewaykit.stub.http.SseStream;

import java.io.IOException;

/**
 * {@code POST /chat/completions}: a JSON completion, or chunks streamed one event at a time with a usage chunk
 * only when {@code stream_options.include_usage} is true, ended by {@code data: [DONE]}.
 */
public final class ChatCompletionsEndpoint implements ModelEndpoint {

    @Override
    public void serve(ModelCall call) throws IOException {
        ObjectNode body = call.body();
        PromptText prompt = Prompts.chat(body);
        boolean stream = Fields.bool(body, "stream", false);
        boolean includeUsage = Fields.includeUsage(body);
        Fields.number(body, "temperature", 0, 2);
        Fields.number(body, "top_p", 0, 1);
        Fields.integer(body, "n", 1, 128);
        Integer maxTokens = Fields.integer(body, "max_completion_tokens", 1, Integer.MAX_VALUE);
        if (maxTokens == null) {
            maxTokens = Fields.integer(body, "max_tokens", 1, Integer.MAX_VALUE);
        }
        Reply reply = call.reply(prompt, maxTokens);
        long completionTokens = reply.tokens();
        call.charge(prompt.promptTokens(), completionTokens);
        String id = Ids.withPrefix("chatcmpl-");
        long created = ModelCall.now();
        if (!stream) {
            ObjectNode root = head(id, "chat.completion", created, call.model());
            ObjectNode choice = root.putArray("choices").addObject();
            choice.put("index", 0);
            ObjectNode message = choice.putObject("message");
            message.put("role", "assistant");
            message.put("content", reply.text());
            message.putNull("refusal");
            message.putArray("annotations");
            choice.putNull("logprobs");
            choice.put("finish_reason", reply.finishReason());
            root.set("usage", Usage.chat(prompt.promptTokens(), completionTokens));
            call.request().sendJson(200, root);
            return;
        }
        SseStream events = call.startStream();
        ObjectNode first = chunk(id, created, call.model(), includeUsage);
        ObjectNode firstDelta = first.withArray("choices").addObject();
        firstDelta.put("index", 0);
        firstDelta.putObject("delta").put("role", "assistant").put("content", "").putNull("refusal");
        firstDelta.putNull("logprobs");
        firstDelta.putNull("finish_reason");
        events.data(first);
        boolean firstPiece = true;
        for (String piece : reply.chunks()) {
            if (!firstPiece) {
                ModelCall.pause(reply.delayMillis());
            }
            firstPiece = false;
            ObjectNode c = chunk(id, created, call.model(), includeUsage);
            ObjectNode choice = c.withArray("choices").addObject();
            choice.put("index", 0);
            choice.putObject("delta").put("content", piece);
            choice.putNull("logprobs");
            choice.putNull("finish_reason");
            events.data(c);
        }
        ObjectNode last = chunk(id, created, call.model(), includeUsage);
        ObjectNode lastChoice = last.withArray("choices").addObject();
        lastChoice.put("index", 0);
        lastChoice.putObject("delta");
        lastChoice.putNull("logprobs");
        lastChoice.put("finish_reason", reply.finishReason());
        events.data(last);
        if (includeUsage) {
            ObjectNode usage = head(id, "chat.completion.chunk", created, call.model());
            usage.putArray("choices");
            usage.set("usage", Usage.chat(prompt.promptTokens(), completionTokens));
            events.data(usage);
        }
        events.done();
        call.request().finish();
    }

    private static ObjectNode head(String id, String object, long created, String model) {
        ObjectNode root = Json.object();
        root.put("id", id);
        root.put("object", object);
        root.put("created", created);
        root.put("model", model);
        root.put("system_fingerprint", "fp_gateway_stub");
        return root;
    }

    private static ObjectNode chunk(String id, long created, String model, boolean includeUsage) {
        ObjectNode c = head(id, "chat.completion.chunk", created, model);
        c.putArray("choices");
        if (includeUsage) {
            c.putNull("usage");
        }
        return c;
    }
}
