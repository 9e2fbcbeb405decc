package dev.gatewaykit.sdk.client;

import dev.gatewaykit.sdk.settings.GatewaySettings;
import dev.gatewaykit.sdk.settings.ProxySettings;
import okhttp3.Authenticator;
import okhttp3.ConnectionPool;
import okhttp3.Credentials;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.Route;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one OkHttp client (connection pool and dispatcher) every role and credential shares, with explicit timeouts
 * (OkHttp's stock 10 s read timeout is too short for model calls). Per-route clients are derived from it with
 * {@code newBuilder()}, which shares the pool and dispatcher; only this object releases them, once. Guards that
 * must hold for every call (routes, failover, health probes) sit here as network interceptors, so every derived
 * client has them: {@link CrossOriginRedirectGuard}, {@link ConnectionReuseMarker}. Idle connections leave the pool
 * after {@code OPENAI_POOL_KEEP_ALIVE} (default 4 s), before gateways close them (Node and uvicorn: 5 s).
 */
public final class SharedHttpClient implements AutoCloseable {

    /** OkHttp's default; the keep-alive is what must differ, to stay below the gateways' idle timeout. */
    private static final int MAX_IDLE_CONNECTIONS = 5;

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
                .connectionPool(new ConnectionPool(MAX_IDLE_CONNECTIONS,
                        settings.limits().poolKeepAlive().toMillis(), TimeUnit.MILLISECONDS));
        addGuards(builder);
        if (settings.proxy().isPresent()) {
            configureProxy(builder, settings.proxy().get());
        }
        return new SharedHttpClient(builder.build());
    }

    /**
     * Adopts an existing client (e.g. one an application already tunes); closing this releases it. The adopted
     * client gets the network-level guards every gateway call needs (no redirect to another origin), on its own
     * pool and dispatcher.
     */
    public static SharedHttpClient of(OkHttpClient okHttpClient) {
        if (hasRedirectGuard(okHttpClient)) {
            return new SharedHttpClient(okHttpClient);
        }
        OkHttpClient.Builder builder = okHttpClient.newBuilder();
        addGuards(builder);
        return new SharedHttpClient(builder.build());
    }

    private static boolean hasRedirectGuard(OkHttpClient okHttpClient) {
        for (Interceptor interceptor : okHttpClient.networkInterceptors()) {
            if (interceptor instanceof CrossOriginRedirectGuard) {
                return true;
            }
        }
        return false;
    }

    /** Network-level guards: no redirect to another origin; failures on connections the gateway closed marked. */
    private static void addGuards(OkHttpClient.Builder builder) {
        builder.addNetworkInterceptor(new CrossOriginRedirectGuard());
        builder.addNetworkInterceptor(new ConnectionReuseMarker());
    }

    private static void configureProxy(OkHttpClient.Builder builder, ProxySettings proxy) {
        builder.proxy(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(proxy.host(), proxy.port())));
        if (proxy.username().isPresent()) {
            builder.proxyAuthenticator(new ProxyCredentials(proxy));
        }
    }

    /** Answers the proxy's 407 once with the configured user and password. */
    private static final class ProxyCredentials implements Authenticator {

        private final ProxySettings proxy;

        ProxyCredentials(ProxySettings proxy) {
            this.proxy = proxy;
        }

        @Override
        public Request authenticate(Route route, Response response) {
            if (response.request().header("Proxy-Authorization") != null) {
                return null; // credentials were already rejected; do not loop
            }
            String password = proxy.password().isPresent() ? proxy.password().get().reveal() : "";
            return response.request().newBuilder()
                    .header("Proxy-Authorization", Credentials.basic(proxy.username().get(), password)).build();
        }
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
