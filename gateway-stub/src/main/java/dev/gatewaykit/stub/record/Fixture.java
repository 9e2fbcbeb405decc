package dev.gatewaykit.stub.record;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * One recorded exchange, as stored in one readable JSON file:
 * <pre>{@code
 * {"request":  {"method": "POST", "path": "/chat/completions", "model": "gpt-4o-mini", "body": {...}},
 *  "response": {"status": 200, "headers": {...}, "body": {...}}}          // or "events": [{"event","data"}...]
 * }</pre>
 *
 * @param file     file name (for messages)
 * @param method   HTTP method
 * @param path     endpoint path below {@code /v1}
 * @param model    the request's model, or {@code null}
 * @param body     the request body, keys redacted
 * @param status   response status
 * @param headers  response headers kept (no keys, no hop-by-hop headers)
 * @param response a JSON response body ({@code null} for a stream)
 * @param events   a streamed response, event by event ({@code null} for a JSON body)
 */
public record Fixture(String file, String method, String path, String model, JsonNode body, int status,
                      Map<String, String> headers, JsonNode response, List<Event> events) {

    /** Whether the response was streamed. */
    public boolean streamed() {
        return events != null;
    }

    /**
     * One server-sent event.
     *
     * @param event the {@code event:} name, or {@code null}
     * @param data  the {@code data:} payload: JSON, or text such as {@code [DONE]}
     */
    public record Event(String event, JsonNode data) {
    }
}
