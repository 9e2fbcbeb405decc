package dev.gatewaykit.stub.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** One HTTP exchange as the stub sees it: bounded body, parsed JSON, presented key, and the reply sent. */
public final class StubRequest {

    private final HttpExchange exchange;
    private final long startNanos = System.nanoTime();
    private final Instant timestamp = Instant.now();
    private final String method;
    private final String rawPath;
    private byte[] body = new byte[0];
    private BodyReader.Body held;
    private ObjectNode json;
    private StubError parseError;
    private String model;
    private PresentedKey presentedKey;
    private int status;
    private boolean sent;
    private Runnable beforeComplete = () -> { };
    private boolean completed;

    /** Wraps a JDK exchange. */
    public StubRequest(HttpExchange exchange) {
        this.exchange = exchange;
        this.method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        this.rawPath = path == null || path.isEmpty() ? "/" : path;
    }

    /** Reads the body, refusing more than {@code maxBytes} with a 413 and undecodable framing with a 400. */
    public void readBody(int maxBytes, BodyBudget budget) throws IOException {
        BodyReader.Body read = BodyReader.read(exchange, maxBytes, budget);
        body = read.bytes();
        held = read;
    }

    /** Returns the body's share of the in-flight budget (the exchange is over). */
    public void release() {
        if (held != null) {
            held.close();
        }
    }

    /**
     * Parses the body as a JSON object; a failure is kept and thrown by {@link #json()} so that faults and
     * key checks (which come first at a real gateway) can still run. More than {@code maxValues} JSON values
     * is a 413.
     */
    public void parseJson(int maxValues) {
        if (body.length == 0) {
            parseError = StubError.malformedBody("Request body is empty; expected a JSON object");
            return;
        }
        try {
            JsonNode node = Json.parse(body, maxValues);
            if (node == null || !node.isObject()) {
                parseError = StubError.malformedBody("Request body must be a JSON object, got "
                        + (node == null ? "nothing" : node.getNodeType().name().toLowerCase()));
                return;
            }
            json = (ObjectNode) node;
            JsonNode m = json.get("model");
            if (m != null && m.isTextual()) {
                model = m.asText();
            }
        } catch (Json.TooManyValues e) {
            parseError = new StubError(StubError.Kind.TOO_LARGE, 413, "invalid_request_error", null,
                    "request_too_large", "Request body has more than " + e.limit()
                    + " JSON values (limit maxJsonValues); send fewer messages, inputs or fields");
        } catch (IOException | RuntimeException e) {
            parseError = StubError.malformedBody("Request body is not valid JSON: " + firstLine(e.getMessage()));
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "parse error";
        }
        int nl = message.indexOf('\n');
        String line = nl < 0 ? message : message.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) : line;
    }

    /** The parsed JSON object, or the parse error thrown. */
    public ObjectNode json() {
        if (json == null) {
            throw parseError != null ? parseError : StubError.malformedBody("Request body is missing");
        }
        return json;
    }

    /** The {@code model} string of the body if it had one (before validation). */
    public String model() {
        return model;
    }

    /** Replaces the model seen by journal and matching (Portkey strips {@code @slug/}). */
    public void model(String model) {
        this.model = model;
    }

    /** HTTP method. */
    public String method() {
        return method;
    }

    /** Raw request path without query. */
    public String rawPath() {
        return rawPath;
    }

    /** Raw query string or {@code null}. */
    public String rawQuery() {
        return exchange.getRequestURI().getRawQuery();
    }

    /** Request headers. */
    public Headers headers() {
        return exchange.getRequestHeaders();
    }

    /** The key the client presented (LiteLLM header order). */
    public PresentedKey presentedKey() {
        if (presentedKey == null) {
            presentedKey = PresentedKey.from(exchange.getRequestHeaders());
        }
        return presentedKey;
    }

    /** The body bytes read so far. */
    public byte[] body() {
        return body;
    }

    /** Response headers to fill before sending. */
    public Headers responseHeaders() {
        return exchange.getResponseHeaders();
    }

    /** Sends a JSON reply. */
    public void sendJson(int status, JsonNode node) throws IOException {
        send(status, "application/json", Json.bytes(node));
    }

    /**
     * Runs {@code action} once, just before the client can see the end of the reply, so that whatever the client
     * does next (e.g. read the journal) sees this request recorded.
     */
    public void beforeComplete(Runnable action) {
        this.beforeComplete = action;
    }

    /** Runs the before-complete action if it has not run yet. */
    public void complete() {
        if (!completed) {
            completed = true;
            beforeComplete.run();
        }
    }

    /** Sends a complete reply. */
    public void send(int status, String contentType, byte[] bytes) throws IOException {
        ReadPhase.replying();
        exchange.getResponseHeaders().set("Content-Type", contentType);
        this.status = status;
        this.sent = true;
        complete();
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } else {
            exchange.close();
        }
    }

    /** Starts a 200 {@code text/event-stream} reply; {@code cutAfterEvents} &lt; 0 means never cut. */
    public SseStream startEventStream(int cutAfterEvents) throws IOException {
        Headers h = exchange.getResponseHeaders();
        h.set("Content-Type", "text/event-stream; charset=utf-8");
        h.set("Cache-Control", "no-cache");
        this.status = 200;
        this.sent = true;
        exchange.sendResponseHeaders(200, 0);
        return new SseStream(exchange.getResponseBody(), cutAfterEvents, this::complete);
    }

    /** Ends a streamed reply normally. */
    public void finish() throws IOException {
        ReadPhase.replying();
        exchange.close();
    }

    /** Whether the status line was sent. */
    public boolean sent() {
        return sent;
    }

    /** Status sent, or 0. */
    public int status() {
        return status;
    }

    /** Records a status for the journal when the connection was dropped before a reply. */
    public void status(int status) {
        this.status = status;
    }

    /** Start of handling, for the journal. */
    public Instant timestamp() {
        return timestamp;
    }

    /** Milliseconds since handling started. */
    public double elapsedMillis() {
        return (System.nanoTime() - startNanos) / 1_000_000.0;
    }
}
