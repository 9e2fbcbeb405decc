package dev.gatewaykit.sdk.settings;

import dev.gatewaykit.sdk.PortkeyProduct;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Portkey headers ({@code PORTKEY_*}) and the Portkey product they are sent to ({@code PORTKEY_PRODUCT}). They
 * belong to the origin they were configured for: globally in {@link GatewaySettings#portkey()}, and per route in
 * {@link RouteSettings#portkey()} only where they apply.
 */
public final class PortkeySettings {

    private static final PortkeySettings NONE = new PortkeySettings(null, null, null, Map.of(),
            PortkeyProduct.CLOUD);

    private final ApiKey apiKey;
    private final String config;
    private final String provider;
    private final Map<String, String> metadata;
    private final PortkeyProduct product;

    private PortkeySettings(ApiKey apiKey, String config, String provider, Map<String, String> metadata,
                            PortkeyProduct product) {
        this.apiKey = apiKey;
        this.config = config;
        this.provider = provider;
        this.metadata = Map.copyOf(metadata);
        this.product = Objects.requireNonNull(product, "product");
    }

    /** No Portkey headers, for {@link PortkeyProduct#CLOUD}. */
    public static PortkeySettings none() {
        return NONE;
    }

    /** Creates the settings for {@link PortkeyProduct#CLOUD}; nulls mean absent. */
    public static PortkeySettings of(String apiKey, String config, String provider, Map<String, String> metadata) {
        return new PortkeySettings(ApiKey.ofNullable(apiKey), config, provider,
                metadata == null ? Map.of() : metadata, PortkeyProduct.CLOUD);
    }

    /** A copy for {@code product}. */
    public PortkeySettings withProduct(PortkeyProduct product) {
        return product == this.product ? this : new PortkeySettings(apiKey, config, provider, metadata, product);
    }

    /**
     * Which Portkey these settings are for ({@code PORTKEY_PRODUCT}; by default the cloud for a route at
     * {@code api.portkey.ai}, else the self-hosted gateway). The two accept different requests, and a Portkey
     * route is validated for its product when settings are resolved.
     */
    public PortkeyProduct product() {
        return product;
    }

    /** {@code x-portkey-api-key}. */
    public Optional<ApiKey> apiKey() {
        return Optional.ofNullable(apiKey);
    }

    /** {@code x-portkey-config}. */
    public Optional<String> config() {
        return Optional.ofNullable(config);
    }

    /** {@code x-portkey-provider}. */
    public Optional<String> provider() {
        return Optional.ofNullable(provider);
    }

    /** Default {@code x-portkey-metadata} entries. */
    public Map<String, String> metadata() {
        return metadata;
    }

    /**
     * Whether any Portkey header setting is present (gateway detection, for the base URL's origin only); the
     * product alone does not make a route a Portkey route.
     */
    public boolean anySet() {
        return apiKey != null || config != null || provider != null || !metadata.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PortkeySettings p && Objects.equals(apiKey, p.apiKey) && Objects.equals(config, p.config)
                && Objects.equals(provider, p.provider) && metadata.equals(p.metadata) && product == p.product;
    }

    @Override
    public int hashCode() {
        return Objects.hash(apiKey, config, provider, metadata, product);
    }

    @Override
    public String toString() {
        return "PortkeySettings[apiKey=" + ApiKey.maskedOrNone(apiKey) + ", config=" + config
                + ", provider=" + provider + ", metadata=" + metadata + ", product=" + product.id() + "]";
    }
}
