package dev.gatewaykit.sdk.metrics;

/**
 * Names of the meters and tags {@link GatewayMetrics} records: the OpenTelemetry GenAI semantic-convention names,
 * plus {@code gateway.*} for what only this product knows. Plain strings, so code can refer to them without
 * loading Micrometer.
 */
public final class MetricNames {

    /** Timer: how long a GenAI operation took, request sent to last byte read (streams: to stream end). */
    public static final String OPERATION_DURATION = "gen_ai.client.operation.duration";
    /** Distribution summary: tokens per operation, split by {@link #TOKEN_TYPE}. */
    public static final String TOKEN_USAGE = "gen_ai.client.token.usage";
    /** Counter: US dollars the gateway reported for calls ({@code x-litellm-response-cost}). */
    public static final String COST = "gateway.cost";

    /** Tag: {@code chat}, {@code text_completion} or {@code embeddings}. */
    public static final String OPERATION_NAME = "gen_ai.operation.name";
    /** Tag: the {@code model} of the JSON request body, as sent (e.g. {@code openai/gpt-4o-mini}). */
    public static final String REQUEST_MODEL = "gen_ai.request.model";
    /** Tag: host that answered (the failover origin's when failover re-sent the call); the route's host if none did. */
    public static final String SERVER_ADDRESS = "server.address";
    /** Tag: HTTP status of a failed call, exception class simple name, or {@link #NO_ERROR}. */
    public static final String ERROR_TYPE = "error.type";
    /** Tag of {@link #TOKEN_USAGE}: {@code input} or {@code output}. */
    public static final String TOKEN_TYPE = "gen_ai.token.type";
    /** Tag: the route's role, {@code embeddings}, {@code llm} or {@code codex}. */
    public static final String GATEWAY_ROLE = "gateway.role";
    /** Tag: the route's gateway, {@code openai}, {@code litellm}, {@code portkey} or {@code generic}. */
    public static final String GATEWAY_KIND = "gateway.kind";

    /**
     * {@link #ERROR_TYPE} of a successful call. OpenTelemetry leaves the attribute out on success, but Prometheus
     * needs every series of one name to carry the same tag keys, so success says {@code none} (Micrometer's own
     * convention for absent exceptions).
     */
    public static final String NO_ERROR = "none";
    /** {@link #ERROR_TYPE} of a stream that announced an error in-band ({@code data: {"error":…}}, {@code response.failed}). */
    public static final String STREAM_ERROR = "stream_error";
    /** {@link #ERROR_TYPE} of a stream the caller closed before its end. */
    public static final String CANCELLED = "cancelled";
    /** {@link #REQUEST_MODEL} when the request body names no model (or cannot be read). */
    public static final String UNKNOWN_MODEL = "unknown";
    /** {@link #TOKEN_TYPE} of prompt tokens. */
    public static final String INPUT = "input";
    /** {@link #TOKEN_TYPE} of completion tokens. */
    public static final String OUTPUT = "output";

    private MetricNames() {
    }
}
