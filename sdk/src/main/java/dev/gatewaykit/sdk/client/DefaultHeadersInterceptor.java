package dev.gatewaykit.sdk.client;

import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;
import java.util.Map;

/**
 * Adds headers a request does not already carry. "Only if absent" is what lets per-request values (set with
 * {@code putAdditionalHeader} or a request context) override route defaults.
 */
public final class DefaultHeadersInterceptor implements Interceptor {

    private final Map<String, String> headers;

    /** Adds {@code headers} to every request that lacks them. */
    public DefaultHeadersInterceptor(Map<String, String> headers) {
        this.headers = Map.copyOf(headers);
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        Request.Builder builder = null;
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (request.header(header.getKey()) == null) {
                if (builder == null) {
                    builder = request.newBuilder();
                }
                builder.header(header.getKey(), header.getValue());
            }
        }
        return chain.proceed(builder == null ? request : builder.build());
    }
}
