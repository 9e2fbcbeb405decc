package dev.gatewaykit.sdk.metrics;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and key values of gateway call observations: low-cardinality {@code gen_ai.operation.name},
 * {@code gen_ai.request.model}, {@code server.address}, {@code error.type}, {@code gateway.role},
 * {@code gateway.kind}; high-cardinality {@code gateway.request.id}, {@code gateway.cost},
 * {@code gen_ai.usage.input_tokens} and {@code gen_ai.usage.output_tokens}. The name differs from Spring AI's model
 * observation ({@code gen_ai.client.operation}), whose child a gateway call is, and from the gateway's meters.
 */
public class GatewayCallObservationConvention implements ObservationConvention<GatewayCallContext> {

    /** The observation name (and, through Micrometer's default handler, the timer name). */
    public static final String NAME = "gateway.client.operation";

    /** High-cardinality key: the gateway's request id. */
    public static final String REQUEST_ID = "gateway.request.id";

    /** High-cardinality key: the gateway-reported cost in US dollars. */
    public static final String COST = "gateway.cost";

    /** High-cardinality key: prompt tokens (OpenTelemetry GenAI span attribute). */
    public static final String INPUT_TOKENS = "gen_ai.usage.input_tokens";

    /** High-cardinality key: completion tokens (OpenTelemetry GenAI span attribute). */
    public static final String OUTPUT_TOKENS = "gen_ai.usage.output_tokens";

    @Override
    public String getName() {
        return NAME;
    }

    /** {@code "chat gpt-4o-mini"}: the OpenTelemetry GenAI span name, operation then model. */
    @Override
    public String getContextualName(GatewayCallContext context) {
        return context.operation() + " " + context.requestModel();
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(GatewayCallContext context) {
        return KeyValues.of(KeyValue.of(MetricNames.OPERATION_NAME, context.operation()),
                KeyValue.of(MetricNames.REQUEST_MODEL, context.requestModel()),
                KeyValue.of(MetricNames.SERVER_ADDRESS, context.serverAddress()),
                KeyValue.of(MetricNames.ERROR_TYPE, context.errorType()),
                KeyValue.of(MetricNames.GATEWAY_ROLE, context.role()),
                KeyValue.of(MetricNames.GATEWAY_KIND, context.gatewayKind()));
    }

    @Override
    public KeyValues getHighCardinalityKeyValues(GatewayCallContext context) {
        KeyValues values = KeyValues.empty();
        if (context.gatewayRequestId() != null) {
            values = values.and(REQUEST_ID, context.gatewayRequestId());
        }
        if (context.cost() != null) {
            values = values.and(COST, String.valueOf(context.cost()));
        }
        if (context.inputTokens() >= 0) {
            values = values.and(INPUT_TOKENS, String.valueOf(context.inputTokens()));
        }
        if (context.outputTokens() >= 0) {
            values = values.and(OUTPUT_TOKENS, String.valueOf(context.outputTokens()));
        }
        return values;
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
        return context instanceof GatewayCallContext;
    }
}
