package dev.gatewaykit.sdk.settings;


import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Direct-provider failover: where a role goes while its proxy keeps failing, with which key, and when the proxy is
 * tried again. The failover key belongs to the failover origin only; the route's own key never goes there.
 */
public final class FailoverSettings {

    static final int DEFAULT_FAILURE_THRESHOLD = 3;
    static final Duration DEFAULT_COOL_DOWN = Duration.ofSeconds(30);

    private final boolean enabled;
    private final String baseUrl;
    private final ApiKey apiKey;
    private final int failureThreshold;
    private final Duration coolDown;

    private FailoverSettings(Builder b) {
        this.enabled = b.enabled;
        this.baseUrl = RouteSettings.normaliseUrl(Objects.requireNonNull(b.baseUrl, "baseUrl"));
        this.apiKey = b.apiKey;
        this.failureThreshold = b.failureThreshold;
        this.coolDown = b.coolDown;
    }

    /** A builder with the defaults: off, {@code https://api.openai.com/v1}, no key, 3 failures, 30 s. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these values. */
    public Builder toBuilder() {
        return new Builder().enabled(enabled).baseUrl(baseUrl).apiKey(apiKey).failureThreshold(failureThreshold)
                .coolDown(coolDown);
    }

    /** Whether failover is on (globally for {@link GatewaySettings#failover()}, for the role on a route). */
    public boolean enabled() {
        return enabled;
    }

    /** The failover base URL, normalised without a trailing slash. */
    public String baseUrl() {
        return baseUrl;
    }

    /** {@code scheme://host[:port]} of the failover base URL. */
    public String origin() {
        return RouteSettings.originOf(baseUrl);
    }

    /** The key sent to the failover origin, and nowhere else. */
    public Optional<ApiKey> apiKey() {
        return Optional.ofNullable(apiKey);
    }

    /** Consecutive connect failures or 5xx answers from the proxy that open the circuit. */
    public int failureThreshold() {
        return failureThreshold;
    }

    /** How long an open circuit stays open before the proxy's health is probed. */
    public Duration coolDown() {
        return coolDown;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FailoverSettings f && enabled == f.enabled && baseUrl.equals(f.baseUrl)
                && Objects.equals(apiKey, f.apiKey) && failureThreshold == f.failureThreshold
                && Objects.equals(coolDown, f.coolDown);
    }

    @Override
    public int hashCode() {
        return Objects.hash(enabled, baseUrl, apiKey, failureThreshold, coolDown);
    }

    @Override
    public String toString() {
        return "FailoverSettings[enabled=" + enabled + ", baseUrl=" + baseUrl + ", apiKey="
                + ApiKey.maskedOrNone(apiKey) + ", failureThreshold=" + failureThreshold
                + ", coolDown=" + coolDown + "]";
    }

    /** Builds {@link FailoverSettings}; validation belongs to {@link GatewaySettings#resolve}. */
    public static final class Builder {
        private boolean enabled;
        private String baseUrl = GatewaySettings.DEFAULT_BASE_URL;
        private ApiKey apiKey;
        private int failureThreshold = DEFAULT_FAILURE_THRESHOLD;
        private Duration coolDown = DEFAULT_COOL_DOWN;

        private Builder() {
        }

        /** Whether failover is on. */
        public Builder enabled(boolean enabled) {
            this.enabled = enabled;
            return this;
        }

        /** The failover base URL. */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        /** The failover key, or null for none. */
        public Builder apiKey(ApiKey apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        /** The failover key, or null for none. */
        public Builder apiKey(String apiKey) {
            return apiKey(ApiKey.ofNullable(apiKey));
        }

        /** Consecutive failures that open the circuit. */
        public Builder failureThreshold(int failureThreshold) {
            this.failureThreshold = failureThreshold;
            return this;
        }

        /** Time the circuit stays open before the proxy is probed. */
        public Builder coolDown(Duration coolDown) {
            this.coolDown = coolDown;
            return this;
        }

        /** The immutable settings. */
        public FailoverSettings build() {
            return new FailoverSettings(this);
        }
    }
}
