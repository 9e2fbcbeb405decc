package dev.gatewaykit.sdk.credentials;

import dev.gatewaykit.sdk.GatewayKind;
import dev.gatewaykit.sdk.settings.ApiKey;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A named endpoint with its own key: {@code openai.credentials.<name>.base-url}, {@code .api-key},
 * {@code .gateway} and {@code .headers}. Its key is only ever sent to its own base URL. Immutable; values are
 * validated when clients are built from it ({@link CredentialClients}).
 */
public final class Credential {

    private final String name;
    private final String baseUrl;
    private final ApiKey apiKey;
    private final String gateway;
    private final Map<String, String> headers;

    private Credential(Builder b) {
        this.name = Objects.requireNonNull(b.name, "name");
        this.baseUrl = b.baseUrl;
        this.apiKey = b.apiKey;
        this.gateway = b.gateway;
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A credential with a base URL and a key, the gateway detected from the URL. */
    public static Credential of(String name, String baseUrl, String apiKey) {
        return builder().name(name).baseUrl(baseUrl).apiKey(apiKey).build();
    }

    /** A builder holding these values. */
    public Builder toBuilder() {
        Builder b = new Builder().name(name).baseUrl(baseUrl).apiKey(apiKey).headers(headers);
        b.gateway = gateway;
        return b;
    }

    /** The name, as in {@code openai.credentials.<name>.base-url}. */
    public String name() {
        return name;
    }

    /** The base URL as given (normalised and validated on resolution); empty when not set. */
    public Optional<String> baseUrl() {
        return Optional.ofNullable(baseUrl);
    }

    /** The key sent as {@code Authorization: Bearer} to {@link #baseUrl()} and nowhere else. */
    public Optional<ApiKey> apiKey() {
        return Optional.ofNullable(apiKey);
    }

    /** The gateway kind when one is given and known; empty means detect it from the URL ({@code auto}). */
    public Optional<GatewayKind> gateway() {
        return GatewayKind.fromId(gateway);
    }

    /** The gateway id exactly as given ({@code litellm}, {@code auto}, ...), if any. */
    public Optional<String> gatewayId() {
        return Optional.ofNullable(gateway);
    }

    /** Extra headers sent to this credential's base URL. */
    public Map<String, String> headers() {
        return headers;
    }

    /** The property name of one of this credential's fields, e.g. {@code openai.credentials.billing.base-url}. */
    public String property(String field) {
        return "openai.credentials." + name + "." + field;
    }

    /** The environment-variable form of a field, e.g. {@code OPENAI_CREDENTIALS_BILLING_BASE_URL}. */
    public String variable(String field) {
        return ("OPENAI_CREDENTIALS_" + name + "_" + field).replace('-', '_').replace('.', '_')
                .toUpperCase(Locale.ROOT);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Credential c && name.equals(c.name) && Objects.equals(baseUrl, c.baseUrl)
                && Objects.equals(apiKey, c.apiKey) && Objects.equals(gateway, c.gateway)
                && headers.equals(c.headers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, baseUrl, apiKey, gateway, headers);
    }

    @Override
    public String toString() {
        return "Credential[name=" + name + ", baseUrl=" + baseUrl + ", apiKey="
                + ApiKey.maskedOrNone(apiKey) + ", gateway=" + (gateway == null ? "auto" : gateway)
                + ", headers=" + headers.keySet() + "]";
    }

    /** Builds a {@link Credential}. */
    public static final class Builder {
        private String name;
        private String baseUrl;
        private ApiKey apiKey;
        private String gateway;
        private final Map<String, String> headers = new LinkedHashMap<>();

        private Builder() {
        }

        /** The name: letters, digits, {@code -} and {@code _}. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** The base URL, e.g. {@code http://litellm-billing:4000/v1}. */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        /** The key, or null for none. */
        public Builder apiKey(String apiKey) {
            this.apiKey = ApiKey.ofNullable(apiKey);
            return this;
        }

        /** The key, or null for none. */
        public Builder apiKey(ApiKey apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        /** The gateway kind; null means detect it from the URL. */
        public Builder gateway(GatewayKind gateway) {
            this.gateway = gateway == null ? null : gateway.id();
            return this;
        }

        /** The gateway as written in settings ({@code auto}, {@code litellm}, ...); checked on resolution. */
        public Builder gateway(String gateway) {
            this.gateway = gateway;
            return this;
        }

        /** Replaces the extra headers. */
        public Builder headers(Map<String, String> headers) {
            this.headers.clear();
            this.headers.putAll(headers);
            return this;
        }

        /** Adds one extra header. */
        public Builder putHeader(String name, String value) {
            this.headers.put(name, value);
            return this;
        }

        /** The immutable credential. */
        public Credential build() {
            return new Credential(this);
        }
    }
}
