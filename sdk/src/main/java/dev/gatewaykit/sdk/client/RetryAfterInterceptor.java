package dev.gatewaykit.sdk.client;

import dev.gatewaykit.sdk.errors.RetryAfter;
import dev.gatewaykit.sdk.errors.SdkErrorTypes;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Applies {@code OPENAI_MAX_RETRY_AFTER} to answers openai-java would retry (408, 409, 429, 5xx, unless
 * {@code X-Should-Retry} says otherwise): a wait within the ceiling is honoured in full (through
 * {@link ServerDelaySleeper}); a longer one marks the answer {@code X-Should-Retry: false}, so the call ends at
 * once instead of retrying early into the same limit; an unreadable value is removed, because openai-java would read
 * {@code -5000} as "retry now", and the answer is marked so the explanation can say so.
 */
final class RetryAfterInterceptor implements Interceptor {

    private static final String RETRY_COUNT_HEADER = "X-Stainless-Retry-Count";

    private final Duration ceiling;
    private final int maxRetries;
    private final Clock clock;

    RetryAfterInterceptor(Duration ceiling, int maxRetries, Clock clock) {
        this.ceiling = ceiling;
        this.maxRetries = maxRetries;
        this.clock = clock;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        ServerRequestedDelay.clear();
        Request request = chain.request();
        Response response = chain.proceed(request);
        if (!retryable(response)) {
            return response;
        }
        Optional<RetryAfter> retryAfter = RetryAfter.of(response::header, clock);
        if (retryAfter.isEmpty()) {
            return response;
        }
        if (!retryAfter.get().valid()) {
            return response.newBuilder().removeHeader(RetryAfter.MS_HEADER).removeHeader(RetryAfter.HEADER)
                    .header(SdkErrorTypes.RETRY_AFTER_INVALID_HEADER, "true").build();
        }
        Duration delay = retryAfter.get().delay().orElseThrow();
        if (delay.compareTo(ceiling) > 0) {
            return response.newBuilder().header("X-Should-Retry", "false").build();
        }
        if (willBeRetried(request)) {
            ServerRequestedDelay.offer(delay);
        }
        return response;
    }

    /** openai-java's rule for retrying an answer. */
    private static boolean retryable(Response response) {
        String should = response.header("X-Should-Retry");
        if (should != null) {
            return should.equals("true");
        }
        int code = response.code();
        return code == 408 || code == 409 || code == 429 || code >= 500;
    }

    /** Whether openai-java has a retry left for this attempt (it numbers attempts in {@value #RETRY_COUNT_HEADER}). */
    private boolean willBeRetried(Request request) {
        if (request.body() != null && request.body().isOneShot()) {
            return false;
        }
        try {
            String count = request.header(RETRY_COUNT_HEADER);
            return count != null && Integer.parseInt(count.strip()) < maxRetries;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
