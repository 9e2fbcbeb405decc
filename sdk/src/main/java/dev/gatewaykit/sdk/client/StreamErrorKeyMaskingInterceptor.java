package dev.gatewaykit.sdk.client;

import dev.gatewaykit.sdk.settings.Secrets;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Okio;

import java.io.IOException;
import java.util.List;

/**
 * Masks keys in the error events of event streams (of any status), which {@link ErrorBodyKeyMaskingInterceptor}
 * leaves alone: LiteLLM reports a mid-stream failure as {@code data: {"error":…}} under HTTP 200, quoting the key,
 * and openai-java puts that event into its {@code SseException} message. Only error events and data lines that are
 * not JSON objects (their text ends up in parser messages) are masked; model output passes unchanged, so generated
 * text that happens to look like a key is not altered.
 */
final class StreamErrorKeyMaskingInterceptor implements Interceptor {

    private final List<String> routeKeys;

    StreamErrorKeyMaskingInterceptor(List<String> routeKeys) {
        this.routeKeys = RouteHttpClients.nonBlank(routeKeys);
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        ResponseBody body = response.body();
        if (body == null || !isEventStream(body.contentType())) {
            return response;
        }
        SseErrorMaskingSource masked = new SseErrorMaskingSource(body.source(), text -> Secrets.maskIn(text,
                routeKeys));
        return response.newBuilder().body(ResponseBody.create(Okio.buffer(masked), body.contentType(), -1))
                .build();
    }

    static boolean isEventStream(MediaType type) {
        return type != null && "event-stream".equals(type.subtype());
    }
}
