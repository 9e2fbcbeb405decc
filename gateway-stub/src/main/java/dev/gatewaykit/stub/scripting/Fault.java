package dev.gatewaykit.stub.scripting;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An injected failure: a status with headers and body, added latency, a stream cut after k events, or a
 * dropped connection; optionally only a number of times. Applied in that order: latency, drop, status, cut.
 */
public final class Fault {

    /** Longest injectable latency, so a fault cannot hold a worker forever. */
    public static final long MAX_LATENCY_MILLIS = 60_000;

    private final RequestMatch match;
    private final int status;
    private final Map<String, String> headers;
    private final String body;
    private final long latencyMillis;
    private final int cutStreamAfterEvents;
    private final boolean dropConnection;
    private final Integer times;
    private final StreamError streamError;

    private Fault(Builder b) {
        this.match = Objects.requireNonNull(b.match, "match");
        if (b.status != 0 && (b.status < 100 || b.status > 599)) {
            throw new IllegalArgumentException("status must be within 100..599, got " + b.status);
        }
        this.status = b.status;
        this.headers = Map.copyOf(b.headers);
        this.body = b.body;
        if (b.latencyMillis < 0 || b.latencyMillis > MAX_LATENCY_MILLIS) {
            throw new IllegalArgumentException("latencyMs must be within 0.." + MAX_LATENCY_MILLIS + ", got " + b.latencyMillis);
        }
        this.latencyMillis = b.latencyMillis;
        if (b.cutStreamAfterEvents < -1) {
            throw new IllegalArgumentException("cutStreamAfterEvents must be >= 0, got " + b.cutStreamAfterEvents);
        }
        this.cutStreamAfterEvents = b.cutStreamAfterEvents;
        this.dropConnection = b.dropConnection;
        if (b.times != null && b.times <= 0) {
            throw new IllegalArgumentException("times must be > 0, got " + b.times);
        }
        this.times = b.times;
        this.streamError = b.streamError;
        if (status == 0 && latencyMillis == 0 && cutStreamAfterEvents < 0 && !dropConnection && streamError == null) {
            throw new IllegalArgumentException("a fault needs at least one of status, latencyMs, cutStreamAfterEvents, "
                    + "dropConnection, streamError");
        }
    }

    /** A new builder matching every request. */
    public static Builder builder() {
        return new Builder();
    }

    /** Which requests fail. */
    public RequestMatch match() {
        return match;
    }

    /** Status to answer with, if any. */
    public OptionalInt status() {
        return status == 0 ? OptionalInt.empty() : OptionalInt.of(status);
    }

    /** Extra response headers (e.g. {@code retry-after-ms}). */
    public Map<String, String> headers() {
        return headers;
    }

    /** Raw response body; absent = the mode's error shape with message "Injected fault". */
    public Optional<String> body() {
        return Optional.ofNullable(body);
    }

    /** Delay before answering. */
    public long latencyMillis() {
        return latencyMillis;
    }

    /** Events sent before a stream is cut, if set. */
    public OptionalInt cutStreamAfterEvents() {
        return cutStreamAfterEvents < 0 ? OptionalInt.empty() : OptionalInt.of(cutStreamAfterEvents);
    }

    /** Whether the connection is closed without a response. */
    public boolean dropConnection() {
        return dropConnection;
    }

    /** How many requests it hits; absent = all. */
    public OptionalInt times() {
        return times == null ? OptionalInt.empty() : OptionalInt.of(times);
    }

    /** A mid-stream error event to end streamed replies with, if set. */
    public Optional<StreamError> streamError() {
        return Optional.ofNullable(streamError);
    }

    @Override
    public String toString() {
        return "Fault[" + match + ", status=" + status + ", latencyMs=" + latencyMillis + ", cut=" + cutStreamAfterEvents
                + ", drop=" + dropConnection + ", times=" + times
                + (streamError == null ? "" : ", streamError after " + streamError.afterEvents()) + "]";
    }

    /** Builder of {@link Fault}. */
    public static final class Builder {
        private RequestMatch match = RequestMatch.ANY;
        private int status;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String body;
        private long latencyMillis;
        private int cutStreamAfterEvents = -1;
        private boolean dropConnection;
        private Integer times;
        private StreamError streamError;

        private Builder() {
        }

        /** Which requests match. */
        public Builder match(RequestMatch match) {
            this.match = match;
            return this;
        }

        /** Ends streamed replies with a gateway error event after some events (see {@link StreamError}). */
        public Builder streamError(StreamError error) {
            this.streamError = error;
            return this;
        }

        /** Matches on endpoint path, e.g. {@code /chat/completions}. */
        public Builder path(String path) {
            this.match = match.withPath(path);
            return this;
        }

        /** Matches on model. */
        public Builder model(String model) {
            this.match = match.withModel(model);
            return this;
        }

        /** Answers with this status. */
        public Builder status(int status) {
            this.status = status;
            return this;
        }

        /** Adds a response header. */
        public Builder header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /** Raw response body. */
        public Builder body(String body) {
            this.body = body;
            return this;
        }

        /** Delay before answering. */
        public Builder latencyMillis(long millis) {
            this.latencyMillis = millis;
            return this;
        }

        /** Cuts a streamed reply after {@code events} events. */
        public Builder cutStreamAfterEvents(int events) {
            this.cutStreamAfterEvents = events;
            return this;
        }

        /** Closes the connection without answering. */
        public Builder dropConnection(boolean drop) {
            this.dropConnection = drop;
            return this;
        }

        /** Hits only this many requests, then is removed. */
        public Builder times(int times) {
            this.times = times;
            return this;
        }

        /** The immutable fault. */
        public Fault build() {
            return new Fault(this);
        }
    }
}
