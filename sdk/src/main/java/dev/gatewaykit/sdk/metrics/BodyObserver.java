package dev.gatewaykit.sdk.metrics;

import okhttp3.MediaType;

import java.util.Locale;

/** Watches a response body's bytes as the caller reads them, to learn token usage and whether the reply ended. */
interface BodyObserver {

    /** Bytes just read; consumed before this returns. */
    void onBytes(byte[] bytes, int offset, int length);

    /** The body reached its end. */
    void onEnd();

    /** Whether the reply is known to be whole (closing now would lose nothing). */
    boolean complete();

    /** Whether the reply announced a failure in-band. */
    boolean reportsError();

    /** The observer for a body of this type: SSE streams event by event, JSON as one document, others not at all. */
    static BodyObserver forContentType(MediaType type, TokenUsage usage) {
        if (type == null) {
            return Ignore.INSTANCE;
        }
        String subtype = type.subtype().toLowerCase(Locale.ROOT);
        if (type.type().equalsIgnoreCase("text") && subtype.equals("event-stream")) {
            return new SseObserver(usage);
        }
        if (subtype.equals("json") || subtype.endsWith("+json")) {
            return new JsonObserver(usage);
        }
        return Ignore.INSTANCE;
    }

    /** A body that carries no usage: complete whenever it is closed. */
    enum Ignore implements BodyObserver {
        INSTANCE;

        @Override
        public void onBytes(byte[] bytes, int offset, int length) {
        }

        @Override
        public void onEnd() {
        }

        @Override
        public boolean complete() {
            return true;
        }

        @Override
        public boolean reportsError() {
            return false;
        }
    }
}
