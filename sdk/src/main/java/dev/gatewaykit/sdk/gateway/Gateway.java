package dev.gatewaykit.sdk.gateway;

import dev.gatewaykit.sdk.GatewayKind;
import dev.gatewaykit.sdk.settings.RouteSettings;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the product knows about one kind of gateway: the headers it wants, how request attribution is expressed,
 * its cheap health endpoint, the header carrying its request id and what its errors mean. One implementation per
 * {@link GatewayKind}, so gateway knowledge never spreads as {@code if} chains. Knowledge only: the client
 * composition turns it into interceptors, so this package never depends on the client one.
 */
public interface Gateway {

    /** The kind this implementation describes. */
    GatewayKind kind();

    /**
     * The implementation for a kind, for what every route of the kind shares (headers, attribution, request ids).
     * Portkey's health URL and hints depend on the product a route talks to: ask {@link #forRoute} for those; this
     * one answers as Portkey's cloud.
     */
    static Gateway of(GatewayKind kind) {
        return switch (kind) {
            case OPENAI -> OpenAiGateway.INSTANCE;
            case LITELLM -> LiteLlmGateway.INSTANCE;
            case PORTKEY -> PortkeyGateway.CLOUD;
            case GENERIC -> GenericGateway.INSTANCE;
        };
    }

    /** The implementation for a route: its kind, and for Portkey the product the route talks to. */
    static Gateway forRoute(RouteSettings route) {
        return route.gateway() == GatewayKind.PORTKEY ? PortkeyGateway.forRoute(route) : of(route.gateway());
    }

    /**
     * Headers this gateway needs on every call of a route (e.g. Portkey's key, config and provider), taken from
     * what applies to the route itself, so they never reach an origin they were not configured for.
     */
    default Map<String, String> routeHeaders(RouteSettings route) {
        return Map.of();
    }

    /** How this gateway expresses attribution (user, tags, metadata, trace id) for a merged context. */
    default Map<String, String> attributionHeaders(GatewayRequestContext context) {
        return Map.of();
    }

    /** The cheap, never-billable health URL of a route. */
    String healthUrl(RouteSettings route);

    /** Whether the health request must carry the route's credentials (model listings do; liveliness does not). */
    default boolean healthNeedsCredentials() {
        return true;
    }

    /**
     * A cheap, never-billable call with the route's credentials that proves the key, for a gateway whose health URL
     * takes none (LiteLLM's liveliness says only that the proxy is up). Empty when the health call itself is keyed.
     */
    default Optional<String> keyCheckUrl(RouteSettings route) {
        return Optional.empty();
    }

    /** Response headers carrying this gateway's request id, most specific first. */
    List<String> requestIdHeaders();

    /**
     * The request id of an answer: this gateway's headers first, then any header a known gateway uses (a gateway
     * detected as another kind may still answer with its own id, and any known one beats none).
     */
    default Optional<String> requestId(Function<String, String> header) {
        for (List<String> names : List.of(requestIdHeaders(), GenericGateway.INSTANCE.requestIdHeaders())) {
            for (String name : names) {
                String value = header.apply(name);
                // An empty id is no id: the self-hosted Portkey gateway sends an empty trace id when none was sent.
                if (value != null && !value.isBlank()) {
                    return Optional.of(value);
                }
            }
        }
        return Optional.empty();
    }

    /** The command a user runs to see whether the route's gateway is up, e.g. {@code curl <health URL>}. */
    default String probeCommand(RouteSettings route) {
        return "curl " + healthUrl(route);
    }

    /**
     * What this gateway makes of a failed call on {@code route}: the cause its error types, codes and statuses
     * name, and what to do about it. Empty when this gateway knows no better than the generic explanation.
     */
    default Optional<Diagnosis> diagnose(GatewayFailure failure, RouteSettings route) {
        return Optional.empty();
    }
}
