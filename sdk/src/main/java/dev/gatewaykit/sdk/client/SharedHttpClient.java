package dev.gatewaykit.sdk.client;

import dev.gatewaykit.sdk.settings.GatewaySettings;
import dev.gatewaykit.sdk.settings.ProxySettings;
import okhttp3.Credentials;
import okhttp3.OkHttpClient;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one OkHttp client (connection pool and dispatcher) every role and credential shares, with explicit timeouts
 * (OkHttp's stock 10 s read timeout is too short for model calls). Per-route clients are derived from it with
 * {@code newBuilder()}, which shares the pool and dispatcher; only this object releases them, once. Guards that
 * must hold for every call (routes, failover, health probes) sit here as network interceptors, so every derived
 * client has them: {@link CrossOriginRedirectGuard}.
 */
public final class SharedHttpClient implements AutoCloseable {

    private final OkHttpClient okHttpClient;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SharedHttpClient(OkHttpClient okHttpClient) {
        this.okHttpClient = okHttpClient;
    }

    /** Builds the shared client from the transport settings (timeouts, outbound proxy). */
    public static SharedHttpClient create(GatewaySettings settings) {
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .writeTimeout(settings.readTimeout())
                .callTimeout(settings.callTimeout())
                .addNetworkInterceptor(new CrossOriginRedirectGuard());
        settings.proxy().ifPresent(proxy -> configureProxy(builder, proxy));
        return new SharedHttpClient(builder.build());
    }

    /**
     * Adopts an existing client (e.g. one an application already tunes); closing this releases it. The adopted
     * client gets the network-level guards every gateway call needs (no redirect to another origin), on its own
     * pool and dispatcher.
     */
    public static SharedHttpClient of(OkHttpClient okHttpClient) {
        boolean guarded = okHttpClient.networkInterceptors().stream()
                .anyMatch(CrossOriginRedirectGuard.class::isInstance);
        return new SharedHttpClient(guarded ? okHttpClient
                : okHttpClient.newBuilder().addNetworkInterceptor(new CrossOriginRedirectGuard()).build());
    }

    private static void configureProxy(OkHttpClient.Builder builder, ProxySettings proxy) {
        builder.proxy(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(proxy.host(), proxy.port())));
        proxy.username().ifPresent(user -> builder.proxyAuthenticator((route, response) -> {
            if (response.request().header("Proxy-Authorization") != null) {
                return null; // credentials were already rejected; do not loop
            }
            String password = proxy.password().map(p -> p.reveal()).orElse("");
            return response.request().newBuilder()
                    .header("Proxy-Authorization", Credentials.basic(user, password)).build();
        }));
    }

    /** The shared client; derive per-route clients with {@code newBuilder()}. */
    public OkHttpClient okHttpClient() {
        return okHttpClient;
    }

    /** Whether {@link #close()} has run. */
    public boolean isClosed() {
        return closed.get();
    }

    /** Evicts the pool and shuts the dispatcher down; later calls do nothing. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            okHttpClient.dispatcher().executorService().shutdown();
            okHttpClient.connectionPool().evictAll();
            if (okHttpClient.cache() != null) {
                try {
                    okHttpClient.cache().close();
                } catch (java.io.IOException ignored) {
                    // closing a cache only releases file handles; nothing to report
                }
            }
        }
    }
}
