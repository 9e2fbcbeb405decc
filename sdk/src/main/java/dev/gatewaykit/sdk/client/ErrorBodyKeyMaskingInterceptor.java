package dev.gatewaykit.sdk.client;

import dev.gatewaykit.sdk.settings.Secrets;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;

import java.io.IOException;
import java.util.List;

/**
 * Masks keys in error response bodies before openai-java reads them. Gateways quote the presented key in their
 * errors (LiteLLM: "Received API Key = sk-..."), and openai-java puts the body into its exception's message, which
 * applications log: without this, a rejected key would be printed in full.
 */
final class ErrorBodyKeyMaskingInterceptor implements Interceptor {

    /** Error bodies are small; anything longer is cut to this size rather than held in memory. */
    static final long MAX_ERROR_BODY_BYTES = 64 * 1024;

    private final List<String> routeKeys;

    ErrorBodyKeyMaskingInterceptor(List<String> routeKeys) {
        this.routeKeys = RouteHttpClients.nonBlank(routeKeys);
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        ResponseBody body = response.body();
        if (response.isSuccessful() || body == null) {
            return response;
        }
        MediaType type = body.contentType();
        if (type != null && "event-stream".equals(type.subtype())) {
            return response;
        }
        String text = response.peekBody(MAX_ERROR_BODY_BYTES).string();
        String masked = mask(text);
        if (masked.equals(text) && body.contentLength() >= 0 && body.contentLength() <= MAX_ERROR_BODY_BYTES) {
            return response;
        }
        body.close();
        return response.newBuilder().body(ResponseBody.create(masked, type)).build();
    }

    String mask(String text) {
        return Secrets.maskIn(text, routeKeys);
    }
}
