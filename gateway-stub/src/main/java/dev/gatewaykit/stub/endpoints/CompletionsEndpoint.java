package dev.gatewaykit.stub.endpoints;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaykit.stub.gateway.Ids;
import dev.gatewaykit.stub.http.Json;
import dev.gatewaykit.stub.http.SseStream;

import java.io.IOException;

/** Legacy {@code POST /completions}: JSON or streamed {@code text_completion} chunks. */
public final class CompletionsEndpoint implements ModelEndpoint {

    @Override
    public void serve(ModelCall call) throws IOException {
        ObjectNode body = call.body();
        PromptText prompt = Prompts.completion(body);
        boolean stream = Fields.bool(body, "stream", false);
        boolean includeUsage = Fields.includeUsage(body);
        Fields.number(body, "temperature", 0, 2);
        Fields.integer(body, "n", 1, 128);
        Integer maxTokens = Fields.integer(body, "max_tokens", 0, Integer.MAX_VALUE);
        Reply reply = call.reply(prompt, maxTokens == null || maxTokens == 0 ? null : maxTokens);
        long completionTokens = reply.tokens();
        call.charge(prompt.promptTokens(), completionTokens);
        String id = Ids.withPrefix("cmpl-");
        long created = ModelCall.now();
        if (!stream) {
            ObjectNode root = head(id, created, call.model());
            choice(root, reply.text(), reply.finishReason());
            root.set("usage", Usage.chat(prompt.promptTokens(), completionTokens));
            call.request().sendJson(200, root);
            return;
        }
        SseStream events = call.startStream();
        boolean firstPiece = true;
        for (String piece : reply.chunks()) {
            if (!firstPiece) {
                ModelCall.pause(reply.delayMillis());
            }
            firstPiece = false;
            ObjectNode c = head(id, created, call.model());
            choice(c, piece, null);
            events.data(c);
        }
        ObjectNode last = head(id, created, call.model());
        choice(last, "", reply.finishReason());
        events.data(last);
        if (includeUsage) {
            ObjectNode usage = head(id, created, call.model());
            usage.putArray("choices");
            usage.set("usage", Usage.chat(prompt.promptTokens(), completionTokens));
            events.data(usage);
        }
        events.done();
        call.request().finish();
    }

    private static ObjectNode head(String id, long created, String model) {
        ObjectNode root = Json.object();
        root.put("id", id);
        root.put("object", "text_completion");
        root.put("created", created);
        root.put("model", model);
        return root;
    }

    private static void choice(ObjectNode root, String text, String finishReason) {
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("text", text);
        choice.put("index", 0);
        choice.putNull("logprobs");
        choice.put("finish_reason", finishReason);
    }
}
