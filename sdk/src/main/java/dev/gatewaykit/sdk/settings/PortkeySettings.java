package dev.gatewaykit.sdk.settings;

import java.util.Map;
import java.util.Optional;

/** Portkey headers configured for every Portkey route. */
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
        return new PortkeySettings(apiKey == null ? null : ApiKey.of(apiKey), config, provider,
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

    /** Whether any Portkey setting is present (used by gateway detection). */
    public boolean anySet() {
        return apiKey != null || config != null || provider != null || !metadata.isEmpty();
    }

    @Override
    public String toString() {
        return "PortkeySettings[apiKey=" + (apiKey == null ? "(none)" : apiKey.masked()) + ", config=" + config
                + ", provider=" + provider + ", metadata=" + metadata + "]";
    }
}
