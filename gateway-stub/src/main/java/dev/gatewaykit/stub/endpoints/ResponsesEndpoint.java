package dev.gatewaykit.stub.endpoints;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaykit.stub.conversation.Conversation;
import dev.gatewaykit.stub.conversation.ConversationParser;
import dev.gatewaykit.stub.conversation.Message;
import dev.gatewaykit.stub.gateway.Ids;
import dev.gatewaykit.stub.http.Json;
import dev.gatewaykit.stub.http.StubError;
import dev.gatewaykit.stub.responses.InputItems;
import dev.gatewaykit.stub.responses.StoredResponse;
import dev.gatewaykit.stub.tools.ToolCall;
import dev.gatewaykit.stub.tools.ToolRequest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code POST /responses}: a Response object, or the event sequence openai-java's {@code ResponseStreamEvent}
 * parses: {@code response.created}, {@code response.in_progress}, then per output item
 * {@code response.output_item.added}, its content ({@code response.content_part.added},
 * {@code response.output_text.delta}…, {@code response.output_text.done}, {@code response.content_part.done} for a
 * message; {@code response.function_call_arguments.delta}…, {@code response.function_call_arguments.done} for a
 * function call), {@code response.output_item.done}; finally {@code response.completed}. With {@code store} (default
 * true) the response is kept for {@code previous_response_id} and {@code GET /responses/{id}}.
 */
public final class ResponsesEndpoint implements ModelEndpoint {

    @Override
    public void serve(ModelCall call) throws IOException {
        ObjectNode body = call.body();
        PromptText prompt = Prompts.responses(body);
        boolean stream = Fields.bool(body, "stream", false);
        boolean store = Fields.bool(body, "store", true);
        Fields.number(body, "temperature", 0, 2);
        Integer maxTokens = Fields.integer(body, "max_output_tokens", 1, Integer.MAX_VALUE);
        String instructions = Fields.string(body, "instructions");
        String previousId = Fields.string(body, "previous_response_id");
        List<Message> history = previousId == null ? List.of() : call.agent().responses().history(previousId)
                .orElseThrow(() -> new StubError(StubError.Kind.INVALID_REQUEST, 400, "invalid_request_error",
                        "previous_response_id", "previous_response_not_found", "Previous response with id '"
                        + cut(previousId) + "' not found."));
        ToolRequest tools = ToolRequest.responses(body);
        List<Message> input = ConversationParser.responses(body.get("input"), history);
        List<Message> messages = new ArrayList<>();
        if (instructions != null) {
            messages.add(Message.text("developer", instructions));
        }
        messages.addAll(history);
        messages.addAll(input);
        OutputFormat format = OutputFormat.responses(body);
        Reply reply = call.reply(new ReplyRequest(prompt, new Conversation(messages, tools), format, maxTokens));
        long outputTokens = reply.tokens();
        call.charge(prompt.promptTokens(), outputTokens);
        String responseId = Ids.withPrefix("resp_");
        long created = ModelCall.now();
        ResponseShape shape = new ResponseShape(responseId, created, call.model(), body, store, previousId, maxTokens);
        String messageId = reply.hasText() ? Ids.withPrefix("msg_") : null;
        List<String> callItemIds = new ArrayList<>();
        reply.toolCalls().forEach(c -> callItemIds.add(Ids.withPrefix("fc_")));
        ObjectNode done = shape.response("completed");
        addOutput(done, reply, messageId, callItemIds);
        done.set("usage", Usage.responses(prompt.promptTokens(), outputTokens));
        if (store) {
            List<Message> turn = new ArrayList<>(input);
            turn.add(new Message("assistant", reply.text(), reply.toolCalls(), null, null));
            // Input and output are held about twice (items and messages): count both.
            long size = 2L * (call.request().body().length + outputTokens * 4L) + 1024;
            call.agent().responses().put(new StoredResponse(responseId, previousId, done,
                    InputItems.of(body.get("input")), List.copyOf(turn), size));
        }
        if (!stream) {
            call.request().sendJson(200, done);
            return;
        }
        StreamEvents events = call.startEvents(StreamEvents.Style.RESPONSES);
        events.failedResponse(() -> shape.response("failed"));
        Sequence seq = new Sequence(events);
        try {
            stream(seq, shape, reply, messageId, callItemIds, done);
        } catch (StreamEvents.Ended ended) {
            return;
        }
        call.request().finish();
    }

    private static void stream(Sequence seq, ResponseShape shape, Reply reply, String messageId,
                               List<String> callItemIds, ObjectNode done) throws IOException {
        seq.send("response.created", e -> e.set("response", shape.response("in_progress")));
        seq.send("response.in_progress", e -> e.set("response", shape.response("in_progress")));
        int outputIndex = 0;
        if (reply.hasText()) {
            streamMessage(seq, reply, messageId, outputIndex++);
        }
        for (int i = 0; i < reply.toolCalls().size(); i++) {
            streamFunctionCall(seq, reply.toolCalls().get(i), callItemIds.get(i), outputIndex++);
        }
        seq.sendLast("response.completed", e -> e.set("response", done));
    }

    private static void addOutput(ObjectNode response, Reply reply, String messageId, List<String> callItemIds) {
        if (reply.hasText()) {
            response.withArray("output").add(message(messageId, reply.text(), "completed"));
        }
        for (int i = 0; i < reply.toolCalls().size(); i++) {
            response.withArray("output").add(functionCall(callItemIds.get(i), reply.toolCalls().get(i),
                    reply.toolCalls().get(i).arguments(), "completed"));
        }
    }

    private static void streamMessage(Sequence seq, Reply reply, String itemId, int index) throws IOException {
        seq.send("response.output_item.added", e -> e.put("output_index", index)
                .set("item", message(itemId, null, "in_progress")));
        seq.send("response.content_part.added", e -> e.put("item_id", itemId).put("output_index", index)
                .put("content_index", 0).set("part", outputText("")));
        boolean firstPiece = true;
        for (String piece : reply.chunks()) {
            if (!firstPiece) {
                ModelCall.pause(reply.delayMillis());
            }
            firstPiece = false;
            seq.send("response.output_text.delta", e -> {
                e.put("item_id", itemId).put("output_index", index).put("content_index", 0).put("delta", piece);
                e.putArray("logprobs");
            });
        }
        String text = reply.text();
        seq.send("response.output_text.done", e -> {
            e.put("item_id", itemId).put("output_index", index).put("content_index", 0).put("text", text);
            e.putArray("logprobs");
        });
        seq.send("response.content_part.done", e -> e.put("item_id", itemId).put("output_index", index)
                .put("content_index", 0).set("part", outputText(text)));
        seq.send("response.output_item.done", e -> e.put("output_index", index)
                .set("item", message(itemId, text, "completed")));
    }

    private static void streamFunctionCall(Sequence seq, ToolCall c, String itemId, int index) throws IOException {
        seq.send("response.output_item.added", e -> e.put("output_index", index)
                .set("item", functionCall(itemId, c, "", "in_progress")));
        for (String piece : Reply.argumentPieces(c.arguments(), ChatCompletionsEndpoint.ARGUMENT_PIECE)) {
            seq.send("response.function_call_arguments.delta", e -> e.put("item_id", itemId)
                    .put("output_index", index).put("delta", piece));
        }
        seq.send("response.function_call_arguments.done", e -> e.put("item_id", itemId).put("output_index", index)
                .put("name", c.name()).put("arguments", c.arguments()));
        seq.send("response.output_item.done", e -> e.put("output_index", index)
                .set("item", functionCall(itemId, c, c.arguments(), "completed")));
    }

    private static ObjectNode functionCall(String itemId, ToolCall c, String arguments, String status) {
        ObjectNode f = Json.object();
        f.put("id", itemId);
        f.put("type", "function_call");
        f.put("status", status);
        f.put("arguments", arguments);
        f.put("call_id", c.id());
        f.put("name", c.name());
        return f;
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

    private static String cut(String s) {
        return s.length() > 100 ? s.substring(0, 100) + "..." : s;
    }

    /** The Response object's fields that echo the request. */
    private record ResponseShape(String id, long created, String model, ObjectNode body, boolean store,
                                 String previousId, Integer maxTokens) {

        ObjectNode response(String status) {
            ObjectNode r = Json.object();
            r.put("id", id);
            r.put("object", "response");
            r.put("created_at", created);
            r.put("status", status);
            r.put("background", false);
            r.putNull("error");
            r.putNull("incomplete_details");
            r.put("instructions", body.path("instructions").isTextual() ? body.get("instructions").asText() : null);
            if (maxTokens == null) {
                r.putNull("max_output_tokens");
            } else {
                r.put("max_output_tokens", maxTokens);
            }
            r.put("model", model);
            r.putArray("output");
            r.put("parallel_tool_calls", body.path("parallel_tool_calls").asBoolean(true));
            r.put("previous_response_id", previousId);
            r.putObject("reasoning").putNull("effort").putNull("summary");
            r.put("store", store);
            r.put("temperature", 1.0);
            JsonNode text = body.get("text");
            if (text != null && text.isObject() && text.path("format").isObject()) {
                r.set("text", text.deepCopy());
            } else {
                r.putObject("text").putObject("format").put("type", "text");
            }
            JsonNode toolChoice = body.get("tool_choice");
            if (toolChoice == null || toolChoice.isNull()) {
                r.put("tool_choice", "auto");
            } else {
                r.set("tool_choice", toolChoice.deepCopy());
            }
            JsonNode tools = body.get("tools");
            var echoed = r.putArray("tools");
            if (tools != null && tools.isArray()) {
                for (JsonNode tool : tools) {
                    JsonNode copy = tool.deepCopy();
                    // The API answers every function tool with its 'strict' (default true); the spec requires it.
                    if (copy instanceof ObjectNode o && "function".equals(o.path("type").asText()) && !o.has("strict")) {
                        o.put("strict", true);
                    }
                    echoed.add(copy);
                }
            }
            r.put("top_p", 1.0);
            r.put("truncation", "disabled");
            r.putNull("usage");
            // 'user' is typed string in the spec: echo it when sent, else leave it out (never null).
            if (body.path("user").isTextual()) {
                r.put("user", body.get("user").asText());
            }
            JsonNode metadata = body.get("metadata");
            if (metadata != null && metadata.isObject()) {
                r.set("metadata", metadata.deepCopy());
            } else {
                r.putObject("metadata");
            }
            return r;
        }
    }

    /** Numbers events with {@code sequence_number} from 0. */
    private static final class Sequence {
        private final StreamEvents events;

        Sequence(StreamEvents events) {
            this.events = events;
        }

        void send(String type, Consumer<ObjectNode> fill) throws IOException {
            events.event(type, event(type, fill));
        }

        void sendLast(String type, Consumer<ObjectNode> fill) throws IOException {
            events.lastEvent(type, event(type, fill));
        }

        private ObjectNode event(String type, Consumer<ObjectNode> fill) {
            ObjectNode e = Json.object();
            e.put("type", type);
            e.put("sequence_number", events.nextSequence());
            fill.accept(e);
            return e;
        }
    }
}
