package dev.gatewaykit.sdk.metrics;

import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.RequestReplySenderContext;
import okhttp3.Request;
import okhttp3.Response;

/**
 * What an observation of one gateway call knows: the GenAI attributes the metrics use, the route, and, once
 * answered, the gateway's request id, cost and token usage. A client-kind sender context, so a tracing handler
 * propagates the trace into the request headers ({@code traceparent}) before the call leaves.
 */
public final class GatewayCallContext extends RequestReplySenderContext<Request.Builder, Response> {

    private final String operation;
    private final String requestModel;
    private final String role;
    private final String gatewayKind;
    private volatile String serverAddress;
    private volatile String errorType = MetricNames.NO_ERROR;
    private volatile String gatewayRequestId;
    private volatile Double cost;
    private final TokenUsage usage = new TokenUsage();

    GatewayCallContext(String operation, String requestModel, String role, String gatewayKind, String serverAddress) {
        super((carrier, key, value) -> carrier.header(key, value), Kind.CLIENT);
        this.operation = operation;
        this.requestModel = requestModel;
        this.role = role;
        this.gatewayKind = gatewayKind;
        this.serverAddress = serverAddress;
    }

    /** {@code gen_ai.operation.name}: {@code chat}, {@code text_completion} or {@code embeddings}. */
    public String operation() {
        return operation;
    }

    /** {@code gen_ai.request.model}, as sent. */
    public String requestModel() {
        return requestModel;
    }

    /** {@code gateway.role}: {@code embeddings}, {@code llm} or {@code codex}. */
    public String role() {
        return role;
    }

    /** {@code gateway.kind}: {@code openai}, {@code litellm}, {@code portkey} or {@code generic}. */
    public String gatewayKind() {
        return gatewayKind;
    }

    /** {@code server.address}: the host that answered (the failover origin's after a switch-over). */
    public String serverAddress() {
        return serverAddress;
    }

    /** {@code error.type}: HTTP status, exception name, {@code stream_error}, {@code cancelled} or {@code none}. */
    public String errorType() {
        return errorType;
    }

    /** The gateway's request id ({@code x-litellm-call-id}, {@code x-portkey-trace-id}, ...), or null. */
    public String gatewayRequestId() {
        return gatewayRequestId;
    }

    /** The cost the gateway reported in US dollars, or null. */
    public Double cost() {
        return cost;
    }

    /** Prompt tokens, or -1 when the reply did not say. */
    public long inputTokens() {
        return usage.input().orElse(-1);
    }

    /** Completion tokens, or -1 when the reply did not say. */
    public long outputTokens() {
        return usage.output().orElse(-1);
    }

    TokenUsage usage() {
        return usage;
    }

    void answeredBy(String host) {
        this.serverAddress = host;
    }

    void gatewayRequestId(String id) {
        this.gatewayRequestId = id;
    }

    void cost(double usd) {
        this.cost = usd;
    }

    void errorType(String type) {
        this.errorType = type;
    }
}
