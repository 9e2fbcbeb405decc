package dev.gatewaykit.sdk.client;

import com.openai.core.Sleeper;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * openai-java's wait between retries, lengthened to the gateway's {@code retry-after} when that is longer than
 * openai-java's own 8 s cap and within {@code OPENAI_MAX_RETRY_AFTER} (see {@link ServerRequestedDelay}).
 */
final class ServerDelaySleeper implements Sleeper {

    private final Sleeper delegate;

    ServerDelaySleeper(Sleeper delegate) {
        this.delegate = delegate;
    }

    @Override
    public void sleep(Duration duration) {
        delegate.sleep(longest(duration));
    }

    @Override
    public CompletableFuture<Void> sleepAsync(Duration duration) {
        return delegate.sleepAsync(longest(duration));
    }

    private static Duration longest(Duration asked) {
        return ServerRequestedDelay.take().filter(server -> server.compareTo(asked) > 0).orElse(asked);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
