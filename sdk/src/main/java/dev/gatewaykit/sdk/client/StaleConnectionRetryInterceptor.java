package dev.gatewaykit.sdk.client;

import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;

/**
 * Sends a request once more on a new connection when it failed on a pooled connection the gateway had closed
 * ({@link StaleConnectionException}). openai-java turns off OkHttp's own retry on connection failure, so without
 * this the call either fails (no retries configured) or silently spends one of its retries. This retry happens below
 * openai-java's, so it never counts against {@code OPENAI_MAX_RETRIES}. Requests with one-shot bodies are not sent
 * again.
 */
final class StaleConnectionRetryInterceptor implements Interceptor {

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        try {
            return chain.proceed(request);
        } catch (StaleConnectionException stale) {
            if ((request.body() != null && request.body().isOneShot()) || chain.call().isCanceled()) {
                throw stale;
            }
            // The failed connection takes no new exchanges, so the pool hands out another one or connects anew.
            return chain.proceed(request);
        }
    }
}
