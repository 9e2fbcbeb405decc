package dev.gatewaykit.sdk.metrics;

import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.gateway.Gateway;
import dev.gatewaykit.sdk.GatewayKind;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Okio;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Makes each GenAI call of one route a Micrometer {@link Observation} ({@link GatewayCallContext}): started before
 * the request leaves (so a tracing handler can add {@code traceparent}), the child of whatever observation is
 * current on the calling thread (e.g. Spring AI's model observation), stopped when the reply ends, which for a
 * stream is its last event, read as the body is read, exactly as the meters are.
 */
final class ObservationInterceptor implements Interceptor {

    private final ObservationRegistry registry;
    private final GatewayCallObservationConvention convention;
    private final String role;
    private final String kind;
    private final List<String> requestIdHeaders;

    ObservationInterceptor(ObservationRegistry registry, GatewayCallObservationConvention convention, Role role,
            GatewayKind kind) {
        this.registry = registry;
        this.convention = convention;
        this.role = role.propertyName();
        this.kind = kind.id();
        this.requestIdHeaders = Gateway.of(kind).requestIdHeaders();
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Optional<GenAiOperation> operation = GenAiOperation.of(chain.request());
        if (operation.isEmpty() || registry.isNoop()) {
            return chain.proceed(chain.request());
        }
        RequestModel model = RequestModel.of(chain.request());
        Request.Builder carrier = model.request().newBuilder();
        GatewayCallContext context = new GatewayCallContext(operation.get().otelName(), model.model(), role, kind,
                model.request().url().host());
        context.setCarrier(carrier);
        Observation observation = Observation.createNotStarted(null, convention, () -> context, registry).start();
        ObservedCall call = new ObservedCall(observation, context);
        Response response;
        try {
            response = chain.proceed(carrier.build());
        } catch (IOException | RuntimeException e) {
            call.fail(e);
            throw e;
        }
        context.setResponse(response);
        context.answeredBy(response.request().url().host());
        requestId(response).ifPresent(context::gatewayRequestId);
        MetricsInterceptor.cost(response).ifPresent(context::cost);
        ResponseBody body = response.body();
        if (!response.isSuccessful() || body == null) {
            call.finish(response.isSuccessful() ? MetricNames.NO_ERROR : String.valueOf(response.code()));
            return response;
        }
        MeteredSource observed = new MeteredSource(body.source(),
                BodyObserver.forContentType(body.contentType(), context.usage()), call);
        return response.newBuilder()
                .body(ResponseBody.create(Okio.buffer(observed), body.contentType(), body.contentLength()))
                .build();
    }

    private Optional<String> requestId(Response response) {
        return requestIdHeaders.stream().map(response::header).filter(v -> v != null && !v.isBlank()).findFirst();
    }
}
