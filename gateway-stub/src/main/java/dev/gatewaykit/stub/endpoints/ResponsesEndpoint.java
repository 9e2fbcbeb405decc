package dev.gatewaykit.stub.endpoints;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaykit.stub.gateway.Ids;
import dev.gatewaykit.stub.http.Json;
import dev.gatewaykit.stub.http.SseStream;

import java.io.IOException;

/**
 * {@code POST /responses}: a Response object, or the event sequence openai-java's {@code ResponseStreamEvent}
 * parses: {@code response.created}, {@code response.in_progress}, {@code response.output_item.added},
 * {@code response.content_part.added}, {@code response.output_text.delta}…, {@code response.output_text.done},
 * {@code response.content_part.done}, {@code response.output_item.done}, {@code response.completed}.
 */
public final class ResponsesEndpoint implements ModelEndpoint {

    @Override
    public void serve(ModelCall call) throws IOException {
        ObjectNode body = call.body();
        PromptText prompt = Prompts.responses(body);
        boolean stream = Fields.bool(body, "stream", false);
        Fields.number(body, "temperature", 0, 2);
        Integer maxTokens = Fields.integer(body, "max_output_tokens", 1, Integer.MAX_VALUE);
        Reply reply = call.reply(prompt, maxTokens);
        long outputTokens = reply.tokens();
        call.charge(prompt.promptTokens(), outputTokens);
        String responseId = Ids.withPrefix("resp_");
        String itemId = Ids.withPrefix("msg_");
        long created = ModelCall.now();
        String instructions = Fields.string(body, "instructions");
        if (!stream) {
            ObjectNode response = response(responseId, created, call.model(), instructions, "completed", maxTokens);
            response.withArray("output").add(message(itemId, reply.text(), "completed"));
            response.set("usage", Usage.responses(prompt.promptTokens(), outputTokens));
            call.request().sendJson(200, response);
            return;
        }
        SseStream events = call.startStream();
        Sequence seq = new Sequence(events);
        seq.send("response.created", e -> e.set("response",
                response(responseId, created, call.model(), instructions, "in_progress", maxTokens)));
        seq.send("response.in_progress", e -> e.set("response",
                response(responseId, created, call.model(), instructions, "in_progress", maxTokens)));
        seq.send("response.output_item.added", e -> e.put("output_index", 0)
                .set("item", message(itemId, null, "in_progress")));
        seq.send("response.content_part.added", e -> e.put("item_id", itemId).put("output_index", 0)
                .put("content_index", 0).set("part", outputText("")));
        boolean firstPiece = true;
        for (String piece : reply.chunks()) {
            if (!firstPiece) {
                ModelCall.pause(reply.delayMillis());
            }
            firstPiece = false;
            seq.send("response.output_text.delta", e -> {
                e.put("item_id", itemId).put("output_index", 0).put("content_index", 0).put("delta", piece);
                e.putArray("logprobs");
            });
        }
        String text = reply.text();
        seq.send("response.output_text.done", e -> {
            e.put("item_id", itemId).put("output_index", 0).put("content_index", 0).put("text", text);
            e.putArray("logprobs");
        });
        seq.send("response.content_part.done", e -> e.put("item_id", itemId).put("output_index", 0)
                .put("content_index", 0).set("part", outputText(text)));
        seq.send("response.output_item.done", e -> e.put("output_index", 0)
                .set("item", message(itemId, text, "completed")));
        ObjectNode done = response(responseId, created, call.model(), instructions, "completed", maxTokens);
        done.withArray("output").add(message(itemId, text, "completed"));
        done.set("usage", Usage.responses(prompt.promptTokens(), outputTokens));
        seq.sendLast("response.completed", e -> e.set("response", done));
        call.request().finish();
    }

    private static ObjectNode response(String id, long created, String model, String instructions, String status,
                                       Integer maxTokens) {
        ObjectNode r = Json.object();
        r.put("id", id);
        r.put("object", "response");
        r.put("created_at", created);
        r.put("status", status);
        r.put("background", false);
        r.putNull("error");
        r.putNull("incomplete_details");
        r.put("instructions", instructions);
        if (maxTokens == null) {
            r.putNull("max_output_tokens");
        } else {
            r.put("max_output_tokens", maxTokens);
        }
        r.put("model", model);
        r.putArray("output");
        r.put("parallel_tool_calls", true);
        r.putNull("previous_response_id");
        r.putObject("reasoning").putNull("effort").putNull("summary");
        r.put("store", false);
        r.put("temperature", 1.0);
        r.putObject("text").putObject("format").put("type", "text");
        r.put("tool_choice", "auto");
        r.putArray("tools");
        r.put("top_p", 1.0);
        r.put("truncation", "disabled");
        r.putNull("usage");
        r.putNull("user");
        r.putObject("metadata");
        return r;
    }

    private static ObjectNode message(String id, String text, String status) {
        ObjectNode m = Json.object();
        m.put("id", id);
        m.put("type", "message");
        m.put("status", status);
        m.put("role", "assistant");
        var content = m.putArray("content");
        if (text != null) {
            content.add(outputText(text));
        }
        return m;
    }

    private static ObjectNode outputText(String text) {
        ObjectNode part = Json.object();
        part.put("type", "output_text");
        part.put("text", text);
        part.putArray("annotations");
        part.putArray("logprobs");
        return part;
    }

    /** Numbers events with {@code sequence_number} from 0. */
    private static final class Sequence {
        private final SseStream events;
        private long next;

        Sequence(SseStream events) {
            this.events = events;
        }

        void send(String type, java.util.function.Consumer<ObjectNode> fill) throws IOException {
            ObjectNode e = Json.object();
            e.put("type", type);
            e.put("sequence_number", next++);
            fill.accept(e);
            events.event(type, e);
        }

        void sendLast(String type, java.util.function.Consumer<ObjectNode> fill) throws IOException {
            ObjectNode e = Json.object();
            e.put("type", type);
            e.put("sequence_number", next++);
            fill.accept(e);
            events.lastEvent(type, e);
        }
    }
}
