package dev.gatewaykit.sdk.metrics;

import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.GatewayKind;
import io.micrometer.core.instrument.Tags;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Okio;

import java.io.IOException;
import java.util.Optional;

/**
 * Measures the GenAI calls of one route. A failed call (exception, or an HTTP error status) is recorded at once; a
 * successful one when its body ends, which for a stream is when the caller has read (or abandoned) it, so
 * streamed calls are timed to their last event and their usage is read from the events as they pass. Each HTTP
 * attempt is one measurement: openai-java's retries show up as separate calls with their own {@code error.type}.
 * {@code server.address} is the host that answered ({@code response.request()}), so a call that failover re-sent
 * to the direct provider is counted against that host, while {@code gen_ai.request.model} stays the caller's model.
 */
final class MetricsInterceptor implements Interceptor {

    /** LiteLLM's per-call cost in US dollars. */
    static final String COST_HEADER = "x-litellm-response-cost";

    private final GenAiMeters meters;
    private final String role;
    private final String kind;

    MetricsInterceptor(GenAiMeters meters, Role role, GatewayKind kind) {
        this.meters = meters;
        this.role = role.propertyName();
        this.kind = kind.id();
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Optional<GenAiOperation> operation = GenAiOperation.of(chain.request());
        if (operation.isEmpty()) {
            return chain.proceed(chain.request());
        }
        long start = meters.now();
        RequestModel model = RequestModel.of(chain.request());
        Request request = model.request();
        CallMeasurement call = new CallMeasurement(meters, Tags.of(
                MetricNames.OPERATION_NAME, operation.get().otelName(),
                MetricNames.REQUEST_MODEL, model.model(),
                MetricNames.GATEWAY_ROLE, role,
                MetricNames.GATEWAY_KIND, kind), request.url().host(), start);
        Response response;
        try {
            response = chain.proceed(request);
        } catch (IOException | RuntimeException e) {
            call.finish(CallMeasurement.errorType(e));
            throw e;
        }
        call.answeredBy(response.request().url().host());
        cost(response).ifPresent(call::cost);
        ResponseBody body = response.body();
        if (!response.isSuccessful() || body == null) {
            call.finish(response.isSuccessful() ? MetricNames.NO_ERROR : String.valueOf(response.code()));
            return response;
        }
        MeteredSource metered = new MeteredSource(body.source(),
                BodyObserver.forContentType(body.contentType(), call.usage()), call);
        return response.newBuilder()
                .body(ResponseBody.create(Okio.buffer(metered), body.contentType(), body.contentLength()))
                .build();
    }

    /** The gateway-reported cost; absent when missing or not a finite, non-negative number. */
    static Optional<Double> cost(Response response) {
        String header = response.header(COST_HEADER);
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        try {
            double usd = Double.parseDouble(header.strip());
            return Double.isFinite(usd) && usd >= 0 ? Optional.of(usd) : Optional.empty();
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }
}
