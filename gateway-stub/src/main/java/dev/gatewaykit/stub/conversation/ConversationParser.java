package dev.gatewaykit.stub.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaykit.stub.endpoints.Prompts;
import dev.gatewaykit.stub.http.StubError;
import dev.gatewaykit.stub.tools.ToolCall;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the messages of a Chat Completions or Responses request (after {@link Prompts} validated their text), and
 * checks that every tool output answers a call made earlier in the conversation.
 */
public final class ConversationParser {

    private ConversationParser() {
    }

    /** Chat Completions {@code messages}. */
    public static List<Message> chat(ObjectNode body) {
        JsonNode messages = body.get("messages");
        List<Message> out = new ArrayList<>();
        Map<String, String> calls = new HashMap<>();
        for (int i = 0; i < messages.size(); i++) {
            JsonNode m = messages.get(i);
            String role = m.get("role").asText();
            String where = "messages[" + i + "]";
            String text = Prompts.content(m.get("content"), where + ".content", false);
            switch (role) {
                case "assistant" -> {
                    List<ToolCall> toolCalls = chatToolCalls(m.get("tool_calls"), where + ".tool_calls");
                    toolCalls.forEach(c -> calls.put(c.id(), c.name()));
                    out.add(new Message(role, text, toolCalls, null, null));
                }
                case "tool" -> {
                    JsonNode id = m.get("tool_call_id");
                    if (id == null || !id.isTextual()) {
                        throw StubError.invalidRequest(where + ".tool_call_id", "Missing required parameter: '"
                                + where + ".tool_call_id'.");
                    }
                    if (calls.isEmpty()) {
                        throw StubError.invalidRequest("messages.[" + i + "].role", "Invalid parameter: messages with "
                                + "role 'tool' must be a response to a preceeding message with 'tool_calls'.");
                    }
                    if (!calls.containsKey(id.asText())) {
                        throw StubError.invalidRequest("messages.[" + i + "].tool_call_id", "Invalid parameter: "
                                + "'tool_call_id' of '" + cut(id.asText()) + "' not found in 'tool_calls' of previous "
                                + "message.");
                    }
                    out.add(new Message(role, text, List.of(), id.asText(), calls.get(id.asText())));
                }
                case "function" -> out.add(Message.text("tool", text));
                default -> out.add(Message.text(role, text));
            }
        }
        return out;
    }

    private static List<ToolCall> chatToolCalls(JsonNode node, String where) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw StubError.invalidRequest(where, "Invalid type for '" + where + "': expected an array.");
        }
        List<ToolCall> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode c = node.get(i);
            String at = where + "[" + i + "]";
            JsonNode fn = c.path("function");
            if (!c.path("id").isTextual()) {
                throw StubError.invalidRequest(at + ".id", "Missing required parameter: '" + at + ".id'.");
            }
            if (!fn.path("name").isTextual()) {
                throw StubError.invalidRequest(at + ".function.name", "Missing required parameter: '" + at
                        + ".function.name'.");
            }
            out.add(new ToolCall(c.get("id").asText(), fn.get("name").asText(), fn.path("arguments").asText("")));
        }
        return out;
    }

    /**
     * Responses {@code input} (a string or items), after {@code history} (the stored turns of the previous
     * response chain).
     */
    public static List<Message> responses(JsonNode input, List<Message> history) {
        List<Message> out = new ArrayList<>();
        Map<String, String> calls = new HashMap<>();
        for (Message m : history) {
            m.toolCalls().forEach(c -> calls.put(c.id(), c.name()));
        }
        if (input.isTextual()) {
            out.add(Message.text("user", input.asText()));
            return out;
        }
        for (int i = 0; i < input.size(); i++) {
            JsonNode item = input.get(i);
            String where = "input[" + i + "]";
            String type = item.path("type").asText(item.has("role") ? "message" : "");
            switch (type) {
                case "message" -> out.add(Message.text(item.get("role").asText(),
                        Prompts.content(item.get("content"), where + ".content", true)));
                case "function_call" -> {
                    for (String field : List.of("call_id", "name", "arguments")) {
                        if (!item.path(field).isTextual()) {
                            throw StubError.invalidRequest(where + "." + field, "Missing required parameter: '"
                                    + where + "." + field + "'.");
                        }
                    }
                    ToolCall call = new ToolCall(item.get("call_id").asText(), item.get("name").asText(),
                            item.get("arguments").asText());
                    calls.put(call.id(), call.name());
                    out.add(new Message("assistant", "", List.of(call), null, null));
                }
                case "function_call_output" -> {
                    JsonNode callId = item.get("call_id");
                    if (callId == null || !callId.isTextual()) {
                        throw StubError.invalidRequest(where + ".call_id", "Missing required parameter: '" + where
                                + ".call_id'.");
                    }
                    if (!calls.containsKey(callId.asText())) {
                        throw StubError.invalidRequest("input", "No tool call found for function call output with "
                                + "call_id " + cut(callId.asText()) + ".");
                    }
                    JsonNode output = item.get("output");
                    if (output == null || output.isNull()) {
                        throw StubError.invalidRequest(where + ".output", "Missing required parameter: '" + where
                                + ".output'.");
                    }
                    String text = output.isTextual() ? output.asText() : Prompts.content(output, where + ".output", true);
                    out.add(new Message("tool", text, List.of(), callId.asText(), calls.get(callId.asText())));
                }
                default -> {
                    // Reasoning, hosted tool calls and other item types carry nothing the stub answers to.
                }
            }
        }
        return out;
    }

    private static String cut(String s) {
        return s.length() > 100 ? s.substring(0, 100) + "..." : s;
    }
}
