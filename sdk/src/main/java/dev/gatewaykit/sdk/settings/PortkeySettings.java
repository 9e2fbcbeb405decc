package dev.gatewaykit.sdk.settings;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Portkey headers ({@code PORTKEY_*}). They belong to the origin they were configured for: globally in
 * {@link GatewaySettings#portkey()}, and per route in {@link RouteSettings#portkey()} only where they apply.
 */
public final class PortkeySettings {

    private static final PortkeySettings NONE = new PortkeySettings(null, null, null, Map.of());

    private final ApiKey apiKey;
    private final String config;
    private final String provider;
    private final Map<String, String> metadata;

    private PortkeySettings(ApiKey apiKey, String config, String provider, Map<String, String> metadata) {
        this.apiKey = apiKey;
        this.config = config;
        this.provider = provider;
        this.metadata = Map.copyOf(metadata);
    }

    /** No Portkey settings. */
    public static PortkeySettings none() {
        return NONE;
    }

    /** Creates the settings; nulls mean absent. */
    public static PortkeySettings of(String apiKey, String config, String provider, Map<String, String> metadata) {
        return new PortkeySettings(ApiKey.ofNullable(apiKey), config, provider,
                metadata == null ? Map.of() : metadata);
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

    /** Whether any Portkey setting is present (gateway detection, for the base URL's origin only). */
    public boolean anySet() {
        return apiKey != null || config != null || provider != null || !metadata.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PortkeySettings p && Objects.equals(apiKey, p.apiKey) && Objects.equals(config, p.config)
                && Objects.equals(provider, p.provider) && metadata.equals(p.metadata);
    }

    @Override
    public int hashCode() {
        return Objects.hash(apiKey, config, provider, metadata);
    }

    @Override
    public String toString() {
        return "PortkeySettings[apiKey=" + ApiKey.maskedOrNone(apiKey) + ", config=" + config
                + ", provider=" + provider + ", metadata=" + metadata + "]";
    }
}
