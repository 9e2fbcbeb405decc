package dev.gatewaykit.stub.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Answers for problems of the stub's HTTP layer rather than of the impersonated gateway (the server is at its cap,
 * the JVM ran out of memory or stack): OpenAI's error shape in every mode, and the connection is closed after.
 */
public final class HttpErrors {

    /** Built before it is needed: after an OutOfMemoryError there may be no heap left to build it. */
    private static final byte[] EXHAUSTED = ("{\"error\":{\"message\":\"Gateway stub ran out of memory or stack while"
            + " serving this request; it keeps serving others. Send smaller requests or start it with more heap.\","
            + "\"type\":\"server_error\",\"param\":null,\"code\":\"stub_resources_exhausted\"}}")
            .getBytes(StandardCharsets.US_ASCII);

    private HttpErrors() {
    }

    /** 503 for an exchange over the connection cap and the queue. */
    public static void refuse(HttpExchange exchange, int maxConnections, int queueCapacity) throws IOException {
        ObjectNode root = Json.object();
        ObjectNode error = root.putObject("error");
        error.put("message", "Gateway stub is at its limit of " + maxConnections + " exchanges in progress"
                + " (limit maxConnections) with " + queueCapacity + " waiting (limit queueCapacity); retry later");
        error.put("type", "server_error");
        error.putNull("param");
        error.put("code", "stub_overloaded");
        exchange.getResponseHeaders().set("Retry-After", "1");
        send(exchange, 503, Json.bytes(root));
    }

    /**
     * Best effort after an {@link Error} (out of memory, stack overflow): a 503 when nothing was sent yet, and the
     * exchange closed in every case, so that no client waits on a socket nobody serves.
     */
    public static void exhausted(HttpExchange exchange) {
        try {
            if (exchange.getResponseCode() == -1) {
                send(exchange, 503, EXHAUSTED);
            }
        } catch (IOException | RuntimeException | Error ignored) {
            // The connection is closed below; there is nothing better to do.
        } finally {
            exchange.close();
        }
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        ReadPhase.replying();
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Connection", "close");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
