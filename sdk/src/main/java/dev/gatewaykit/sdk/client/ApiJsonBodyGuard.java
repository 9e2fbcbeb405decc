package dev.gatewaykit.sdk.client;

import dev.gatewaykit.sdk.settings.Secrets;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Okio;

import java.io.IOException;
import java.util.List;

/**
 * Checks that a successful answer to a model call is the API's JSON as it is read, and otherwise fails the read
 * with an {@link dev.gatewaykit.sdk.errors.UnexpectedBodyException} naming the content type and the first bytes
 * (masked), or with a {@link dev.gatewaykit.sdk.errors.ResponseTooLargeException} when it holds more JSON values
 * than {@code OPENAI_MAX_RESPONSE_BYTES} allows. Without it a login page, an empty or a truncated body under HTTP 200 surfaced as a JSON parser error
 * (quoting the body) explained as a broken connection. Only the calls the roles make are checked
 * ({@code POST …/chat/completions}, {@code /responses}, {@code /embeddings}, {@code /completions}), and never event
 * streams: other endpoints may answer binary or text on purpose (audio, file contents).
 */
final class ApiJsonBodyGuard implements Interceptor {

    private static final List<String> JSON_ENDPOINTS = List.of("/chat/completions", "/responses", "/embeddings",
            "/completions");

    private final List<String> routeKeys;
    private final long maxValues;

    ApiJsonBodyGuard(List<String> routeKeys, long maxValues) {
        this.routeKeys = RouteHttpClients.nonBlank(routeKeys);
        this.maxValues = maxValues;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        Response response = chain.proceed(request);
        ResponseBody body = response.body();
        if (!response.isSuccessful() || body == null || !isModelCall(request)
                || StreamErrorKeyMaskingInterceptor.isEventStream(body.contentType())) {
            return response;
        }
        String contentType = body.contentType() == null ? "(none)" : body.contentType().toString();
        JsonBodyCheckingSource checked = new JsonBodyCheckingSource(body.source(), response.code(), contentType,
                maxValues, text -> Secrets.maskIn(text, routeKeys));
        return response.newBuilder()
                .body(ResponseBody.create(Okio.buffer(checked), body.contentType(), body.contentLength())).build();
    }

    private static boolean isModelCall(Request request) {
        if (!"POST".equals(request.method())) {
            return false;
        }
        String path = request.url().encodedPath();
        return JSON_ENDPOINTS.stream().anyMatch(path::endsWith);
    }
}
