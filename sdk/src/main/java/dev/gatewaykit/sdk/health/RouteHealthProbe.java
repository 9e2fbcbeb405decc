package dev.gatewaykit.sdk.health;

import dev.gatewaykit.sdk.errors.GatewayError;
import dev.gatewaykit.sdk.errors.GatewayErrorTranslator;
import dev.gatewaykit.sdk.gateway.Gateway;
import dev.gatewaykit.sdk.settings.ApiKey;
import dev.gatewaykit.sdk.settings.RouteSettings;
import dev.gatewaykit.sdk.settings.Secrets;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * Probes a route cheaply and never billably: LiteLLM {@code GET /health/liveliness} (never {@code /health}, which
 * calls every model) and then a keyed {@code GET <base>/models} that proves the route's key, Portkey's self-hosted
 * gateway {@code GET /}, Portkey cloud and OpenAI {@code GET /v1/models}, others {@code GET <base>/models}.
 * Credentials (the route's key and the gateway's own, e.g. {@code x-portkey-api-key} on a keyless Portkey route)
 * are sent only where the endpoint needs them, and only to the route's own origin.
 */
public final class RouteHealthProbe {

    private static final int MAX_DETAIL = 120;
    /** A health answer is small; reading more would let a misbehaving server fill memory. */
    static final long MAX_BODY_BYTES = 8192;

    private final OkHttpClient http;

    /** Default limit for one probe: a health check that hangs for the read timeout (minutes) is no check. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /** Probes with {@code http} (normally the shared client, so probes reuse its pool), at most 10 s each. */
    public RouteHealthProbe(OkHttpClient http) {
        this(http, DEFAULT_TIMEOUT);
    }

    /** Probes with {@code http}, each probe limited to {@code timeout}; pool and dispatcher stay shared. */
    public RouteHealthProbe(OkHttpClient http, Duration timeout) {
        this.http = http.newBuilder().callTimeout(timeout).build();
    }

    /**
     * Probes one route: its gateway's health URL, then, where that URL takes no credentials (LiteLLM), a keyed
     * call that proves the route's key. Up only when both answer 2xx.
     */
    public HealthResult probe(RouteSettings route) {
        Gateway gateway = Gateway.forRoute(route);
        long start = System.nanoTime();
        String url = gateway.healthUrl(route);
        Step health = call(route, url, gateway.healthNeedsCredentials(), gateway, start);
        if (!health.result().up()) {
            return health.result();
        }
        Optional<String> keyCheck = gateway.keyCheckUrl(route);
        if (keyCheck.isEmpty()) {
            return health.result();
        }
        Step key = call(route, keyCheck.get(), true, gateway, start);
        if (!key.result().up()) {
            HealthResult refused = key.result();
            String detail = "gateway up (" + health.result().detail().orElse("") + " at " + path(url) + "), but GET "
                    + path(keyCheck.get()) + " with the route's key: " + refused.detail().orElse("failed");
            return new HealthResult(route.role(), false, refused.url(), refused.latency(), Optional.of(detail),
                    refused.error());
        }
        String detail = health.result().detail().orElse("") + "; key accepted by GET " + path(keyCheck.get())
                + " (HTTP " + key.status() + ")";
        return new HealthResult(route.role(), true, url, key.result().latency(), Optional.of(detail),
                Optional.empty());
    }

    private record Step(HealthResult result, int status) {
    }

    private Step call(RouteSettings route, String url, boolean credentials, Gateway gateway, long start) {
        Request.Builder request = new Request.Builder().url(url).get();
        if (credentials) {
            route.apiKey().ifPresent(key -> request.header("Authorization", "Bearer " + key.reveal()));
            gateway.routeHeaders(route).forEach(request::header);
            route.headers().forEach(request::header);
        }
        try (Response response = http.newCall(request.build()).execute()) {
            String body = response.peekBody(MAX_BODY_BYTES).string();
            Duration latency = Duration.ofNanos(System.nanoTime() - start);
            if (response.isSuccessful()) {
                return new Step(new HealthResult(route.role(), true, url, latency,
                        Optional.of("HTTP " + response.code() + summary(body, route)), Optional.empty()),
                        response.code());
            }
            GatewayError error = GatewayErrorTranslator.translateResponse(response.code(),
                    response.headers().toMultimap(), body, route, path(url));
            return new Step(new HealthResult(route.role(), false, url, latency, Optional.of("HTTP " + response.code()),
                    Optional.of(error)), response.code());
        } catch (IOException | RuntimeException e) {
            Duration latency = Duration.ofNanos(System.nanoTime() - start);
            return new Step(new HealthResult(route.role(), false, url, latency,
                    Optional.of(e.getClass().getSimpleName()), Optional.of(GatewayErrorTranslator.translate(e, route))),
                    0);
        }
    }

    private static String path(String url) {
        HttpUrl parsed = HttpUrl.parse(url);
        return parsed == null ? url : parsed.encodedPath();
    }

    private static String summary(String body, RouteSettings route) {
        String oneLine = Secrets.maskIn(body, route.keys().stream().map(ApiKey::reveal).toList())
                .replaceAll("\\s+", " ").strip();
        if (oneLine.isEmpty() || oneLine.startsWith("{") || oneLine.startsWith("[")) {
            return "";
        }
        return " " + (oneLine.length() > MAX_DETAIL ? oneLine.substring(0, MAX_DETAIL) + "..." : oneLine);
    }
}
