package dev.gatewaykit.sdk.health;

import dev.gatewaykit.sdk.errors.GatewayError;
import dev.gatewaykit.sdk.errors.GatewayErrorTranslator;
import dev.gatewaykit.sdk.gateway.Gateway;
import dev.gatewaykit.sdk.settings.ApiKey;
import dev.gatewaykit.sdk.settings.RouteSettings;
import dev.gatewaykit.sdk.settings.Secrets;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * Probes a route cheaply and never billably: LiteLLM {@code GET /health/liveliness} (never {@code /health}, which
 * calls every model), Portkey OSS {@code GET /}, Portkey cloud and OpenAI {@code GET /v1/models}, others
 * {@code GET <base>/models}. Credentials (the route's key and the gateway's own, e.g. {@code x-portkey-api-key} on a
 * keyless Portkey route) are sent only where the endpoint needs them, and only to the route's own origin.
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

    /** Probes one route. */
    public HealthResult probe(RouteSettings route) {
        Gateway gateway = Gateway.forRoute(route);
        String url = gateway.healthUrl(route);
        Request.Builder request = new Request.Builder().url(url).get();
        if (gateway.healthNeedsCredentials()) {
            route.apiKey().ifPresent(key -> request.header("Authorization", "Bearer " + key.reveal()));
            gateway.routeHeaders(route).forEach(request::header);
            route.headers().forEach(request::header);
        }
        long start = System.nanoTime();
        try (Response response = http.newCall(request.build()).execute()) {
            String body = response.peekBody(MAX_BODY_BYTES).string();
            Duration latency = Duration.ofNanos(System.nanoTime() - start);
            if (response.isSuccessful()) {
                return new HealthResult(route.role(), true, url, latency,
                        Optional.of("HTTP " + response.code() + summary(body, route)), Optional.empty());
            }
            GatewayError error = GatewayErrorTranslator.translateResponse(response.code(),
                    response.headers().toMultimap(), body, route);
            return new HealthResult(route.role(), false, url, latency, Optional.of("HTTP " + response.code()),
                    Optional.of(error));
        } catch (IOException | RuntimeException e) {
            Duration latency = Duration.ofNanos(System.nanoTime() - start);
            return new HealthResult(route.role(), false, url, latency, Optional.of(e.getClass().getSimpleName()),
                    Optional.of(GatewayErrorTranslator.translate(e, route)));
        }
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
