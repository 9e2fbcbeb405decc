package dev.gatewaykit.stub.http;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes server-sent events one at a time, flushing each so the client sees it before the next is made;
 * can cut the connection after k events to imitate a dying upstream.
 */
public final class SseStream {

    private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII);

    private final OutputStream out;
    private final int cutAfterEvents;
    private final Runnable beforeLast;
    private int written;

    SseStream(OutputStream out, int cutAfterEvents, Runnable beforeLast) {
        this.out = out;
        this.cutAfterEvents = cutAfterEvents;
        this.beforeLast = beforeLast;
    }

    /** Writes {@code event: name} plus {@code data: json} (the Responses API style). */
    public void event(String name, JsonNode data) throws IOException {
        beforeEvent();
        String text = "event: " + name + "\ndata: " + Json.string(data) + "\n\n";
        send(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes the stream's final named event (the request is journaled just before it leaves). */
    public void lastEvent(String name, JsonNode data) throws IOException {
        beforeEvent();
        beforeLast.run();
        String text = "event: " + name + "\ndata: " + Json.string(data) + "\n\n";
        send(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@code data: json} only (the Chat Completions style). */
    public void data(JsonNode data) throws IOException {
        beforeEvent();
        send(("data: " + Json.string(data) + "\n\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Writes the {@code data: [DONE]} terminator. */
    public void done() throws IOException {
        beforeEvent();
        beforeLast.run();
        send(DONE);
    }

    /** Events written so far. */
    public int written() {
        return written;
    }

    private void beforeEvent() throws ConnectionDrop {
        if (cutAfterEvents >= 0 && written >= cutAfterEvents) {
            throw new ConnectionDrop("stream cut after " + written + " events by a fault", true);
        }
    }

    private void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        written++;
    }
}
