package dev.gatewaykit.stub.scripting;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A scripted reply for chat completions, completions and responses: fixed text (or stream chunks), optionally
 * paced, optionally only a number of times.
 */
public final class Script {

    /** Longest pause between streamed chunks, so a script cannot hold a worker forever. */
    public static final long MAX_CHUNK_DELAY_MILLIS = 10_000;

    private final RequestMatch match;
    private final List<String> chunks;
    private final long chunkDelayMillis;
    private final Integer times;

    private Script(Builder b) {
        this.match = Objects.requireNonNull(b.match, "match");
        if (b.chunks.isEmpty()) {
            throw new IllegalArgumentException("a script needs a reply or chunks");
        }
        this.chunks = List.copyOf(b.chunks);
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

    /** The reply text (all chunks joined). */
    public String reply() {
        return String.join("", chunks);
    }

    /** Stream pieces, in order. */
    public List<String> chunks() {
        return chunks;
    }

    /** Pause before each streamed chunk after the first. */
    public long chunkDelayMillis() {
        return chunkDelayMillis;
    }

    /** How many requests it answers; absent = all. */
    public OptionalInt times() {
        return times == null ? OptionalInt.empty() : OptionalInt.of(times);
    }

    @Override
    public String toString() {
        return "Script[" + match + ", chunks=" + chunks.size() + ", times=" + times + "]";
    }

    /** Builder of {@link Script}. */
    public static final class Builder {
        private RequestMatch match = RequestMatch.ANY;
        private final List<String> chunks = new ArrayList<>();
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

        /** The whole reply; streamed split after each space. */
        public Builder reply(String reply) {
            chunks.clear();
            chunks.addAll(splitWords(reply));
            return this;
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
