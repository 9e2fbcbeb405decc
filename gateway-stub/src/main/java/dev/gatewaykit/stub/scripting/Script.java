package dev.gatewaykit.stub.scripting;

import dev.gatewaykit.stub.conversation.Conversation;
import dev.gatewaykit.stub.conversation.ConversationMatch;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * A scripted reply for chat completions, completions and responses: text (or stream chunks), tool calls, or
 * both; optionally paced, optionally only a number of times. A script of several steps is a sequence: step k
 * answers model turn {@code start + k} of a conversation, where {@code start} is the script's {@code turn}
 * condition (default 1), so "turn 1: call read_file; after its output: answer" is two steps.
 */
public final class Script {

    /** Longest pause between streamed chunks, so a script cannot hold a worker forever. */
    public static final long MAX_CHUNK_DELAY_MILLIS = 10_000;
    /** Longest scripted tool-call arguments text. */
    public static final int MAX_ARGUMENT_CHARS = 1 << 16;
    /** Most steps in a sequence and tool calls in one step. */
    public static final int MAX_STEPS = 64;

    private final RequestMatch match;
    private final List<ScriptStep> steps;
    private final long chunkDelayMillis;
    private final Integer times;

    private Script(Builder b) {
        this.match = Objects.requireNonNull(b.match, "match");
        List<ScriptStep> all = new ArrayList<>(b.steps);
        if (!b.chunks.isEmpty() || !b.toolCalls.isEmpty() || all.isEmpty()) {
            all.add(new ScriptStep(b.chunks, b.toolCalls));
        }
        if (all.size() > MAX_STEPS) {
            throw new IllegalArgumentException("a script has at most " + MAX_STEPS + " steps, got " + all.size());
        }
        this.steps = List.copyOf(all);
        if (b.chunkDelayMillis < 0 || b.chunkDelayMillis > MAX_CHUNK_DELAY_MILLIS) {
            throw new IllegalArgumentException("chunkDelayMs must be within 0.." + MAX_CHUNK_DELAY_MILLIS + ", got " + b.chunkDelayMillis);
        }
        this.chunkDelayMillis = b.chunkDelayMillis;
        if (b.times != null && b.times <= 0) {
            throw new IllegalArgumentException("times must be > 0, got " + b.times);
        }
        this.times = b.times;
    }

    /** A new builder matching every request. */
    public static Builder builder() {
        return new Builder();
    }

    /** Which requests get this reply. */
    public RequestMatch match() {
        return match;
    }

    /** The first step's text (all chunks joined). */
    public String reply() {
        return steps.get(0).text();
    }

    /** The first step's stream pieces, in order. */
    public List<String> chunks() {
        return steps.get(0).chunks();
    }

    /** Every step, in order (one unless this is a sequence). */
    public List<ScriptStep> steps() {
        return steps;
    }

    /** Pause before each streamed chunk after the first. */
    public long chunkDelayMillis() {
        return chunkDelayMillis;
    }

    /** How many requests it answers; absent = all. */
    public OptionalInt times() {
        return times == null ? OptionalInt.empty() : OptionalInt.of(times);
    }

    /**
     * The step answering this request, if the script matches it: for a single step, every condition must hold;
     * for a sequence, the turn condition gives the first turn and the step is chosen by the conversation's turn.
     */
    public Optional<ScriptStep> stepFor(String endpointPath, String model, Supplier<String> prompt, Conversation conversation) {
        if (!match.matches(endpointPath, model, prompt)) {
            return Optional.empty();
        }
        ConversationMatch cm = match.conversation();
        if (steps.size() == 1) {
            return cm.matches(conversation) ? Optional.of(steps.get(0)) : Optional.empty();
        }
        int start = cm.turn() == null ? 1 : cm.turn();
        int index = conversation.turn() - start;
        if (index < 0 || index >= steps.size() || !cm.withTurn(null).matches(conversation)) {
            return Optional.empty();
        }
        return Optional.of(steps.get(index));
    }

    @Override
    public String toString() {
        return "Script[" + match + ", steps=" + steps.size() + ", chunks=" + chunks().size() + ", toolCalls="
                + steps.get(0).toolCalls().stream().map(ScriptedToolCall::name).toList() + ", times=" + times + "]";
    }

    /** Builder of {@link Script}. */
    public static final class Builder {
        private RequestMatch match = RequestMatch.ANY;
        private final List<ScriptStep> steps = new ArrayList<>();
        private final List<String> chunks = new ArrayList<>();
        private final List<ScriptedToolCall> toolCalls = new ArrayList<>();
        private long chunkDelayMillis;
        private Integer times;

        private Builder() {
        }

        /** Which requests match. */
        public Builder match(RequestMatch match) {
            this.match = match;
            return this;
        }

        /** Matches on endpoint path only, e.g. {@code /chat/completions}. */
        public Builder path(String path) {
            this.match = match.withPath(path);
            return this;
        }

        /** Matches on model only. */
        public Builder model(String model) {
            this.match = match.withModel(model);
            return this;
        }

        /** Matches prompts containing {@code text}. */
        public Builder contains(String text) {
            this.match = match.withContains(text);
            return this;
        }

        /** Matches model turn {@code turn} (1 = first); for a sequence, the turn of its first step. */
        public Builder turn(int turn) {
            this.match = match.withConversation(match.conversation().withTurn(turn));
            return this;
        }

        /** Matches when the last message has this role, e.g. {@code tool}. */
        public Builder lastRole(String role) {
            this.match = match.withConversation(match.conversation().withLastRole(role));
            return this;
        }

        /** Matches when the client just sent back an output of a call of {@code function}. */
        public Builder afterToolResult(String function) {
            this.match = match.withConversation(match.conversation().withToolResultName(function));
            return this;
        }

        /** Matches when the client just sent back the output of call {@code callId}. */
        public Builder afterToolCallId(String callId) {
            this.match = match.withConversation(match.conversation().withToolResultCallId(callId));
            return this;
        }

        /** Matches when a tool output just sent back contains {@code text}. */
        public Builder toolResultContains(String text) {
            this.match = match.withConversation(match.conversation().withToolResultContains(text));
            return this;
        }

        /** Matches requests that offer tools ({@code true}) or offer none ({@code false}). */
        public Builder hasTools(boolean hasTools) {
            this.match = match.withConversation(match.conversation().withHasTools(hasTools));
            return this;
        }

        /** Matches when system/developer text (or Responses instructions) contains {@code text}. */
        public Builder instructionsContain(String text) {
            this.match = match.withConversation(match.conversation().withInstructionsContain(text));
            return this;
        }

        /** The whole reply text; streamed split after each space. */
        public Builder reply(String reply) {
            chunks.clear();
            chunks.addAll(splitWords(reply));
            return this;
        }

        /** A JSON reply (for structured outputs: validated against the request's schema when served). */
        public Builder json(String json) {
            return reply(json);
        }

        /** The reply as explicit stream chunks. */
        public Builder chunks(List<String> chunks) {
            this.chunks.clear();
            this.chunks.addAll(chunks);
            return this;
        }

        /** The reply as explicit stream chunks. */
        public Builder chunks(String... chunks) {
            return chunks(List.of(chunks));
        }

        /** Adds a call of {@code function} with these JSON arguments. */
        public Builder toolCall(String function, String argumentsJson) {
            return toolCall(new ScriptedToolCall(function, argumentsJson, null));
        }

        /** Adds a call of {@code function} with arguments synthesized from the tool's schema in the request. */
        public Builder toolCall(String function) {
            return toolCall(new ScriptedToolCall(function, null, null));
        }

        /** Adds a tool call. */
        public Builder toolCall(ScriptedToolCall call) {
            if (call.arguments() != null && call.arguments().length() > MAX_ARGUMENT_CHARS) {
                throw new IllegalArgumentException("tool call arguments of '" + call.name() + "' are longer than "
                        + MAX_ARGUMENT_CHARS + " characters");
            }
            if (toolCalls.size() >= MAX_STEPS) {
                throw new IllegalArgumentException("a script reply has at most " + MAX_STEPS + " tool calls");
            }
            toolCalls.add(call);
            return this;
        }

        /** Ends the current step; what follows answers the next model turn. */
        public Builder then() {
            steps.add(new ScriptStep(chunks, toolCalls));
            chunks.clear();
            toolCalls.clear();
            return this;
        }

        /** Pause before each streamed chunk after the first. */
        public Builder chunkDelayMillis(long millis) {
            this.chunkDelayMillis = millis;
            return this;
        }

        /** Answers only this many requests, then is removed. */
        public Builder times(int times) {
            this.times = times;
            return this;
        }

        /** The immutable script. */
        public Script build() {
            return new Script(this);
        }
    }

    /** Splits text into stream pieces after each space, keeping the spaces. */
    public static List<String> splitWords(String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            out.add(text == null ? "" : text);
            return out;
        }
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == ' ') {
                out.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            out.add(text.substring(start));
        }
        return out;
    }
}
