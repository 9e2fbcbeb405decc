package dev.gatewaykit.stub.endpoints;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaykit.stub.http.Json;
import dev.gatewaykit.stub.http.SseStream;
import dev.gatewaykit.stub.http.StubRequest;
import dev.gatewaykit.stub.scripting.StreamError;

import java.io.IOException;
import java.util.function.Supplier;

/**
 * An endpoint's event stream: passes events to the {@link SseStream}, and when a {@link StreamError} fault applies,
 * replaces the event at its position with the gateway's error event and ends the stream there (no {@code [DONE]},
 * no {@code response.completed}) by throwing {@link Ended}, which the endpoint catches.
 */
public final class StreamEvents {

    /** Which API's error event to send. */
    public enum Style {
        /** {@code data: {"error": {...}}}. */
        CHAT,
        /** {@code response.failed} or {@code error}. */
        RESPONSES
    }

    /** The stream ended early by a fault; the endpoint stops sending. */
    public static final class Ended extends IOException {
        Ended() {
            super("stream ended by a stream-error fault", null);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    private final SseStream out;
    private final StubRequest request;
    private final StreamError error;
    private final Style style;
    private Supplier<ObjectNode> failedResponse = Json::object;
    private long sequence;
    private int sent;

    StreamEvents(SseStream out, StubRequest request, StreamError error, Style style) {
        this.out = out;
        this.request = request;
        this.error = error;
        this.style = style;
    }

    /** The Response object a {@code response.failed} event carries (status and error are filled in here). */
    public void failedResponse(Supplier<ObjectNode> response) {
        this.failedResponse = response;
    }

    /** The next {@code sequence_number} (Responses events count from 0). */
    public long nextSequence() {
        return sequence++;
    }

    /** A {@code data:} event. */
    public void data(JsonNode data) throws IOException {
        before();
        out.data(data);
    }

    /** A named event. */
    public void event(String name, JsonNode data) throws IOException {
        before();
        out.event(name, data);
    }

    /** The final named event. */
    public void lastEvent(String name, JsonNode data) throws IOException {
        before();
        out.lastEvent(name, data);
    }

    /** {@code data: [DONE]}. */
    public void done() throws IOException {
        before();
        out.done();
    }

    private void before() throws IOException {
        if (error == null || sent++ < error.afterEvents()) {
            return;
        }
        // The replaced event already took its sequence number and is never sent: the error event takes it over.
        long replacedSequence = Math.max(0, sequence - 1);
        // Journal first: the client may look at the journal as soon as it sees the stream end.
        request.complete();
        if (style == Style.CHAT) {
            ObjectNode e = Json.object();
            ObjectNode body = e.putObject("error");
            body.put("message", error.message());
            body.put("type", error.type());
            body.putNull("param");
            body.put("code", error.code());
            out.data(e);
        } else if (error.responsesEvent().equals("error")) {
            ObjectNode e = Json.object();
            e.put("type", "error");
            e.put("sequence_number", replacedSequence);
            e.put("code", error.code());
            e.put("message", error.message());
            e.putNull("param");
            out.event("error", e);
        } else {
            ObjectNode response = failedResponse.get();
            response.put("status", "failed");
            response.putObject("error").put("code", error.code()).put("message", error.message());
            ObjectNode e = Json.object();
            e.put("type", "response.failed");
            e.put("sequence_number", replacedSequence);
            e.set("response", response);
            out.event("response.failed", e);
        }
        request.finish();
        throw new Ended();
    }
}
