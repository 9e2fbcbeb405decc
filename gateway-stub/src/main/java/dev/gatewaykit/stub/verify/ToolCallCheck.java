package dev.gatewaykit.stub.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.gatewaykit.stub.conversation.Message;
import dev.gatewaykit.stub.http.Json;
import dev.gatewaykit.stub.tools.ToolCall;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Counts tool calls (or tool outputs) of one function, optionally narrowed by their JSON, and asserts the count.
 * For calls the JSON is the parsed arguments; for outputs it is the parsed output (or the output as a JSON string
 * when it is not JSON).
 */
public final class ToolCallCheck {

    private final String function;
    private final boolean outputs;
    private final Supplier<List<RecordedCall>> calls;
    private final Predicate<JsonNode> filter;
    private final String filterText;

    private ToolCallCheck(String function, boolean outputs, Supplier<List<RecordedCall>> calls,
                          Predicate<JsonNode> filter, String filterText) {
        this.function = Objects.requireNonNull(function, "function");
        this.outputs = outputs;
        this.calls = calls;
        this.filter = filter;
        this.filterText = filterText;
    }

    static ToolCallCheck replies(String function, Supplier<List<RecordedCall>> calls) {
        return new ToolCallCheck(function, false, calls, j -> true, "");
    }

    static ToolCallCheck outputs(String function, Supplier<List<RecordedCall>> calls) {
        return new ToolCallCheck(function, true, calls, j -> true, "");
    }

    /** Only those whose JSON satisfies {@code predicate}. */
    public ToolCallCheck withArguments(Predicate<JsonNode> predicate) {
        return new ToolCallCheck(function, outputs, calls, filter.and(predicate), " matching the given predicate");
    }

    /** Asserts exactly {@code expected} matches. */
    public ToolCallCheck times(int expected) {
        int n = count();
        if (n != expected) {
            throw failure("exactly " + expected, n);
        }
        return this;
    }

    /** Asserts at least one match. */
    public ToolCallCheck atLeastOnce() {
        int n = count();
        if (n == 0) {
            throw failure("at least one", n);
        }
        return this;
    }

    /** Asserts no match. */
    public ToolCallCheck never() {
        return times(0);
    }

    /** The matching JSON values, in order. */
    public List<JsonNode> values() {
        List<JsonNode> out = new ArrayList<>();
        if (outputs) {
            for (Message m : distinctOutputs(calls.get(), function)) {
                JsonNode v = parse(m.text());
                if (filter.test(v)) {
                    out.add(v);
                }
            }
            return out;
        }
        for (RecordedCall c : calls.get()) {
            for (ToolCall t : c.toolCalls()) {
                if (t.name().equals(function)) {
                    JsonNode v = parse(t.arguments());
                    if (filter.test(v)) {
                        out.add(v);
                    }
                }
            }
        }
        return out;
    }

    /** Number of matches. */
    public int count() {
        return values().size();
    }

    static List<Message> distinctOutputs(List<RecordedCall> calls, String function) {
        // Chat clients resend the whole history each turn: count each call id's output once.
        Map<String, Message> byCall = new LinkedHashMap<>();
        List<Message> anonymous = new ArrayList<>();
        for (RecordedCall c : calls) {
            for (Message m : c.toolResults()) {
                if (function != null && !function.equals(m.toolName())) {
                    continue;
                }
                if (m.toolCallId() == null) {
                    anonymous.add(m);
                } else {
                    byCall.putIfAbsent(m.toolCallId(), m);
                }
            }
        }
        List<Message> out = new ArrayList<>(byCall.values());
        out.addAll(anonymous);
        return out;
    }

    private static JsonNode parse(String text) {
        try {
            JsonNode v = Json.parse(text);
            return v == null ? JsonNodeFactory.instance.textNode("") : v;
        } catch (IOException | RuntimeException e) {
            return JsonNodeFactory.instance.textNode(text);
        }
    }

    private AssertionError failure(String expected, int actual) {
        return new AssertionError("expected " + expected + " " + (outputs ? "output(s) sent back for tool '"
                : "call(s) of tool '") + function + "'" + filterText + ", found " + actual + "\nconversation seen:\n"
                + Transcript.of(calls.get()));
    }
}
