package dev.gatewaykit.sdk.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatewaykit.sdk.GatewayKind;
import dev.gatewaykit.sdk.PortkeyProduct;
import dev.gatewaykit.sdk.settings.PortkeySettings;
import dev.gatewaykit.sdk.settings.RouteSettings;
import dev.gatewaykit.sdk.settings.Setting;

import java.io.UncheckedIOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Portkey, one of its two products ({@link PortkeyProduct}): {@code x-portkey-*} headers, metadata as JSON with the
 * user under {@code _user}, health via {@code GET /v1/models} on the cloud and {@code GET /} on the self-hosted
 * gateway. Hints speak the product's language: Model Catalog slugs, saved config ids and {@code PORTKEY_API_KEY}
 * on the cloud; the provider header or a JSON config on the self-hosted gateway, which knows none of those.
 */
public final class PortkeyGateway implements Gateway {

    static final PortkeyGateway CLOUD = new PortkeyGateway(PortkeyProduct.CLOUD);
    static final PortkeyGateway SELF_HOSTED = new PortkeyGateway(PortkeyProduct.SELF_HOSTED);
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Portkey frames a provider's error as {@code "<provider> error: <message>"} with a top-level {@code provider}
     * field (gateway {@code src/providers/utils.ts} generateErrorResponse); openai-java keeps only the inner error
     * object, so the frame is what is left of it. Provider ids are Portkey's: openai, azure-openai, anthropic, ...
     */
    private static final Pattern PROVIDER_FRAME = Pattern.compile("^([a-z0-9][a-z0-9._-]*) error: ");

    private final PortkeyProduct product;

    /** Portkey as the product {@code product} speaks it. */
    public PortkeyGateway(PortkeyProduct product) {
        this.product = Objects.requireNonNull(product);
    }

    /** The Portkey gateway of {@code route}, of the product the route talks to. */
    public static PortkeyGateway forRoute(RouteSettings route) {
        return productOf(route) == PortkeyProduct.CLOUD ? CLOUD : SELF_HOSTED;
    }

    /**
     * Which Portkey a route talks to: the resolved {@code PORTKEY_PRODUCT} of a Portkey route (explicit, else by
     * host: the cloud at {@code api.portkey.ai}, anything else self-hosted); for a route of another kind, by host.
     */
    static PortkeyProduct productOf(RouteSettings route) {
        if (route.gateway() == GatewayKind.PORTKEY) {
            return route.portkey().product();
        }
        try {
            return PortkeyProduct.forBaseUrl(URI.create(route.baseUrl()));
        } catch (IllegalArgumentException e) {
            return PortkeyProduct.SELF_HOSTED;
        }
    }

    /** The product this gateway speaks for. */
    public PortkeyProduct product() {
        return product;
    }

    @Override
    public GatewayKind kind() {
        return GatewayKind.PORTKEY;
    }

    @Override
    public Map<String, String> routeHeaders(RouteSettings route) {
        PortkeySettings portkey = route.portkey();
        Map<String, String> headers = new LinkedHashMap<>();
        portkey.apiKey().ifPresent(key -> headers.put("x-portkey-api-key", key.reveal()));
        portkey.config().ifPresent(config -> headers.put("x-portkey-config", config));
        portkey.provider().ifPresent(provider -> headers.put("x-portkey-provider", provider));
        return headers;
    }

    @Override
    public Map<String, String> attributionHeaders(GatewayRequestContext context) {
        Map<String, String> headers = new LinkedHashMap<>();
        Map<String, String> metadata = new LinkedHashMap<>(context.metadata());
        context.user().ifPresent(user -> metadata.put("_user", user));
        if (!metadata.isEmpty()) {
            try {
                headers.put("x-portkey-metadata", JSON.writeValueAsString(metadata));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
        context.traceId().ifPresent(trace -> headers.put("x-portkey-trace-id", trace));
        return headers;
    }

    @Override
    public String healthUrl(RouteSettings route) {
        return product == PortkeyProduct.CLOUD ? route.baseUrl() + "/models" : route.origin() + "/";
    }

    @Override
    public boolean healthNeedsCredentials() {
        return true;
    }

    /** The self-hosted gateway echoes the client's trace id and sends an empty one when none was sent. */
    @Override
    public List<String> requestIdHeaders() {
        return List.of("x-portkey-trace-id");
    }

    @Override
    public Optional<Diagnosis> diagnose(GatewayFailure failure, RouteSettings route) {
        int status = failure.status().orElse(0);
        if (status == 404 && !route.baseUrl().endsWith("/v1")) {
            return hint("Portkey serves the OpenAI API under /v1 and answers 404 elsewhere: set the base URL"
                    + " to " + route.baseUrl() + "/v1 (" + RouteProvenance.baseUrlSetBy(route) + ").");
        }
        if (failure.gatewayOwnError()) {
            return hint("Portkey itself refused the request (not the provider behind it): \"" + failure.message()
                    + "\". " + (product == PortkeyProduct.CLOUD ? cloudForms() : selfHostedForms()));
        }
        Optional<String> provider = provider(failure);
        if (provider.isPresent()) {
            return hint("The provider " + provider.get() + " behind Portkey answered this error and Portkey passed it"
                    + " on. " + (product == PortkeyProduct.CLOUD
                    ? "Check the provider's credentials in Portkey's Model Catalog (the @slug of the model) or the"
                            + " virtual key of the config."
                    : "Check the provider key this route sends as its bearer key (" + keyVariable(route) + ") or the"
                            + " api_key of " + Setting.PORTKEY_CONFIG.variable() + ", and the upstream named by"
                            + " x-portkey-custom-host."));
        }
        if (status == 401) {
            return hint(product == PortkeyProduct.CLOUD
                    ? "Portkey rejected the credentials: check " + Setting.PORTKEY_API_KEY.variable()
                            + " (sent as x-portkey-api-key)."
                    : "The self-hosted Portkey gateway checks no Portkey key, so the provider refused the key this"
                            + " route sends as its bearer key (" + keyVariable(route) + "); with no key at all the"
                            + " gateway forwards \"Bearer undefined\".");
        }
        return Optional.empty();
    }

    private String cloudForms() {
        return "Portkey's cloud wants " + Setting.PORTKEY_API_KEY.variable() + " (x-portkey-api-key), and either a"
                + " model written @slug/model (Model Catalog), " + Setting.PORTKEY_CONFIG.variable() + " set to a"
                + " saved config id pc-... (or a JSON config), or " + Setting.PORTKEY_PROVIDER.variable() + ".";
    }

    private static String selfHostedForms() {
        return "The self-hosted gateway needs the provider on every call: set " + Setting.PORTKEY_PROVIDER.variable()
                + "=openai (sent as x-portkey-provider) with the provider's key as the bearer key, plus"
                + " x-portkey-custom-host for an OpenAI-compatible upstream; or set " + Setting.PORTKEY_CONFIG.variable()
                + " to a JSON config {\"provider\":\"openai\",\"api_key\":\"...\",\"custom_host\":\"...\"}. It knows"
                + " no @slug/model names, no saved pc-... config ids and no " + Setting.PORTKEY_API_KEY.variable()
                + ": those are Portkey cloud's.";
    }

    private static Optional<String> provider(GatewayFailure failure) {
        if (failure.provider().filter(p -> !p.isBlank()).isPresent()) {
            return failure.provider();
        }
        Matcher frame = PROVIDER_FRAME.matcher(failure.message());
        return frame.find() ? Optional.of(frame.group(1)) : Optional.empty();
    }

    private static String keyVariable(RouteSettings route) {
        return RouteProvenance.key(route);
    }

    private static Optional<Diagnosis> hint(String hint) {
        return Optional.of(Diagnosis.hintOnly(hint));
    }
}
