package dev.gatewaykit.sdk.client;

import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;

/**
 * Removes the placeholder {@code Authorization} of keyless routes. openai-java's {@code build()} insists on a
 * credential, so keyless clients are built with {@link #PLACEHOLDER_KEY}; this interceptor guarantees the
 * placeholder never leaves the process.
 */
public final class KeylessAuthorizationInterceptor implements Interceptor {

    /** The key given to openai-java for keyless routes; never sent. */
    public static final String PLACEHOLDER_KEY = "gatewaykit-keyless-route-placeholder";

    private static final String PLACEHOLDER_HEADER = "Bearer " + PLACEHOLDER_KEY;

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (PLACEHOLDER_HEADER.equals(request.header("Authorization"))) {
            request = request.newBuilder().removeHeader("Authorization").build();
        }
        return chain.proceed(request);
    }
}
