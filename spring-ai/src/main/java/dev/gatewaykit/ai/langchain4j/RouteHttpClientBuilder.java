package dev.gatewaykit.ai.langchain4j;

import java.time.Duration;
import java.util.Objects;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import okhttp3.OkHttpClient;

/**
 * Builds a {@link RouteHttpClient} on a route's OkHttp client. Timeouts LangChain4j asks for are applied to a
 * client derived with {@code newBuilder()} (same pool and dispatcher); unset, the route's own timeouts apply.
 */
final class RouteHttpClientBuilder implements HttpClientBuilder {

    private final OkHttpClient routeClient;

    private Duration connectTimeout;

    private Duration readTimeout;

    RouteHttpClientBuilder(OkHttpClient routeClient) {
        this.routeClient = Objects.requireNonNull(routeClient, "routeClient");
    }

    @Override
    public Duration connectTimeout() {
        return connectTimeout;
    }

    @Override
    public HttpClientBuilder connectTimeout(Duration timeout) {
        this.connectTimeout = timeout;
        return this;
    }

    @Override
    public Duration readTimeout() {
        return readTimeout;
    }

    @Override
    public HttpClientBuilder readTimeout(Duration timeout) {
        this.readTimeout = timeout;
        return this;
    }

    @Override
    public HttpClient build() {
        if (connectTimeout == null && readTimeout == null) {
            return new RouteHttpClient(routeClient);
        }
        OkHttpClient.Builder derived = routeClient.newBuilder();
        if (connectTimeout != null) {
            derived.connectTimeout(connectTimeout);
        }
        if (readTimeout != null) {
            derived.readTimeout(readTimeout);
        }
        return new RouteHttpClient(derived.build());
    }
}
