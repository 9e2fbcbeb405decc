package dev.gatewaykit.sdk.client;

import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.gateway.Gateway;
import dev.gatewaykit.sdk.gateway.GatewayRequestContext;
import dev.gatewaykit.sdk.settings.ApiKey;
import dev.gatewaykit.sdk.settings.GatewaySettings;
import dev.gatewaykit.sdk.settings.ModelMap;
import dev.gatewaykit.sdk.settings.RouteSettings;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Composes a route's OkHttp client in one place: derived from the shared client with {@code newBuilder()} (same
 * pool, same dispatcher) plus the route's interceptors, each doing one job. Later features (metrics, failover)
 * add their interceptor here. Application interceptors run outermost first on the request and see the answer
 * last; body wrappers nest the other way (an inner one reads the network first). Network-level guards (no redirect
 * to another origin, marking failures on connections the gateway closed) sit on the shared client instead, so
 * failover calls and health probes have them too.
 */
final class RouteHttpClients {

    private RouteHttpClients() {
    }

    static OkHttpClient forRoute(OkHttpClient shared, GatewaySettings settings, RouteSettings route,
            List<RouteInterceptors> extras, Optional<Interceptor> failover) {
        OkHttpClient.Builder builder = shared.newBuilder();
        // Before all: a route without a key fails its call here, before any interceptor or the network sees it.
        if (route.missingKey().isPresent()) {
            builder.addInterceptor(new MissingKeyInterceptor(route, route.missingKey().get()));
        }
        List<String> keys = keysOf(settings, route);
        // Outermost: whatever an inner interceptor or the failover origin answers, a quoted key is masked before
        // openai-java turns the body into an exception message.
        builder.addInterceptor(new ErrorBodyKeyMaskingInterceptor(keys));
        // The same for error events inside event streams (also under HTTP 200), which openai-java raises as
        // exceptions.
        builder.addInterceptor(new StreamErrorKeyMaskingInterceptor(keys));
        // A 200 whose body is not the API's JSON fails with what it was, before a parser quotes it; so does one with
        // more values than the heap should hold.
        builder.addInterceptor(new ApiJsonBodyGuard(keys, settings.limits().maxJsonValues()));
        // Next to openai-java's retry loop, so what it sees of retry-after is what OPENAI_MAX_RETRY_AFTER allows.
        builder.addInterceptor(new RetryAfterInterceptor(settings.limits().maxRetryAfter(), settings.maxRetries(),
                Clock.systemUTC()));
        for (Interceptor interceptor : interceptors(settings, route)) {
            builder.addInterceptor(interceptor);
        }
        for (RouteInterceptors extra : extras) {
            for (Interceptor interceptor : extra.forRoute(settings, route)) {
                builder.addInterceptor(interceptor);
            }
        }
        // Inside the interceptors that read bodies, so none of them ever holds more than the limit.
        builder.addInterceptor(new ResponseSizeLimitInterceptor(settings.limits().maxResponseBytes()));
        // Below every interceptor that counts or decorates calls: a request sent again because the gateway had
        // closed its pooled connection is one call to them, and to openai-java's retry count.
        builder.addInterceptor(new StaleConnectionRetryInterceptor());
        // Innermost: failover must see every header the others added, to strip the proxy's before a call leaves
        // for the failover origin. Outer interceptors find the origin actually called in response.request().
        if (failover.isPresent()) {
            builder.addInterceptor(failover.get());
        }
        if (route.timeout().isPresent()) {
            builder.callTimeout(route.timeout().get());
        }
        return builder.build();
    }

    private static List<String> keysOf(GatewaySettings settings, RouteSettings route) {
        List<String> keys = new ArrayList<>();
        for (ApiKey key : route.keys()) {
            keys.add(key.reveal());
        }
        // The global Portkey key too: masking a key this route never sends costs nothing.
        if (settings.portkey().apiKey().isPresent()) {
            keys.add(settings.portkey().apiKey().get().reveal());
        }
        return keys;
    }

    /** The keys worth masking: the blank ones would match everywhere. */
    static List<String> nonBlank(List<String> keys) {
        List<String> nonBlank = new ArrayList<>();
        for (String key : keys) {
            if (!key.isBlank()) {
                nonBlank.add(key);
            }
        }
        return List.copyOf(nonBlank);
    }

    static List<Interceptor> interceptors(GatewaySettings settings, RouteSettings route) {
        List<Interceptor> interceptors = new ArrayList<>();
        if (route.keyless()) {
            interceptors.add(new KeylessAuthorizationInterceptor());
        }
        // The model map runs before the gateway's own interceptors and failover, which see the gateway's name.
        ModelMap modelMap = ModelMap.of(route.modelMap());
        if (!modelMap.isEmpty()) {
            interceptors.add(new ModelRewriteInterceptor(modelMap));
        }
        interceptors.addAll(gatewayInterceptors(Gateway.of(route.gateway()), settings, route));
        if (!route.headers().isEmpty()) {
            interceptors.add(new DefaultHeadersInterceptor(route.headers()));
        }
        if (route.role() == Role.EMBEDDINGS) {
            interceptors.add(new FloatEncodingInterceptor());
        }
        return interceptors;
    }

    /**
     * The gateway's route headers, then the attribution defaults from settings. Both only add what a request lacks,
     * so per-request values win.
     */
    private static List<Interceptor> gatewayInterceptors(Gateway gateway, GatewaySettings settings,
            RouteSettings route) {
        List<Interceptor> interceptors = new ArrayList<>();
        Map<String, String> routeHeaders = gateway.routeHeaders(route);
        if (!routeHeaders.isEmpty()) {
            interceptors.add(new DefaultHeadersInterceptor(routeHeaders));
        }
        Map<String, String> attribution = gateway.attributionHeaders(GatewayRequestContext.defaults(settings, route));
        if (!attribution.isEmpty()) {
            interceptors.add(new DefaultHeadersInterceptor(attribution));
        }
        return interceptors;
    }
}
