package dev.gatewaykit.stub.endpoints;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaykit.stub.gateway.LiteLlmBehaviour;
import dev.gatewaykit.stub.http.Json;
import dev.gatewaykit.stub.http.StubRequest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** LiteLLM's free probes ({@code /health/liveliness}, {@code /health/liveness}, {@code /health/readiness}) and Portkey's {@code GET /}. */
public final class HealthEndpoints {

    private static final byte[] ALIVE = "\"I'm alive!\"".getBytes(StandardCharsets.UTF_8);
    private static final byte[] PORTKEY_ROOT = "AI Gateway says hey!".getBytes(StandardCharsets.UTF_8);

    private HealthEndpoints() {
    }

    /** LiteLLM liveliness/liveness: the JSON string {@code "I'm alive!"}. */
    public static void alive(StubRequest request) throws IOException {
        request.send(200, "application/json", ALIVE);
    }

    /** LiteLLM readiness JSON. */
    public static void readiness(StubRequest request) throws IOException {
        ObjectNode body = Json.object();
        body.put("status", "healthy");
        body.put("db", "Not connected");
        body.putNull("cache");
        body.put("litellm_version", LiteLlmBehaviour.VERSION);
        body.putArray("success_callbacks");
        body.put("last_updated", Instant.now().toString());
        request.sendJson(200, body);
    }

    /** Portkey's open-source gateway answers {@code GET /} with a greeting when ready. */
    public static void portkeyRoot(StubRequest request) throws IOException {
        request.send(200, "text/plain; charset=utf-8", PORTKEY_ROOT);
    }
}
