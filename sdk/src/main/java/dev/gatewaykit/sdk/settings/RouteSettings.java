package dev.gatewaykit.sdk.settings;

import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.GatewayKind;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Where one role's calls go and how they are authenticated: the resolved, immutable route of a {@link Role}. */
public final class RouteSettings {

    /**
     * Where a value came from.
     *
     * @param variable the variable that supplied it
     * @param layer    the source name ("env", ".env", ...), or "default" / "derived"
     */
    public record ValueSource(String variable, String layer) {
        @Override
        public String toString() {
            return variable + " (" + layer + ")";
        }
    }

    private final Role role;
    private final GatewayKind gateway;
    private final String baseUrl;
    private final ApiKey apiKey;
    private final boolean keyless;
    private final String model;
    private final Map<String, String> headers;
    private final Duration timeout;
    private final FailoverSettings failover;
    private final PortkeySettings portkey;
    private final Provenance sources;
    private final SettingsProblem missingKey;
    private final Map<String, String> modelMap;

    private RouteSettings(Builder b) {
        this.role = Objects.requireNonNull(b.role, "role");
        this.gateway = Objects.requireNonNull(b.gateway, "gateway");
        this.baseUrl = normaliseUrl(Objects.requireNonNull(b.baseUrl, "baseUrl"));
        this.apiKey = b.apiKey;
        this.keyless = b.keyless;
        this.model = b.model;
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
        this.timeout = b.timeout;
        this.failover = b.failover != null && b.failover.enabled() ? b.failover : null;
        this.portkey = b.portkey;
        this.sources = new Provenance(role, b.sources);
        this.missingKey = b.missingKey;
        this.modelMap = Collections.unmodifiableMap(new LinkedHashMap<>(b.modelMap));
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this route's values. */
    public Builder toBuilder() {
        Builder b = new Builder().role(role).gateway(gateway).baseUrl(baseUrl).keyless(keyless)
                .model(model).headers(headers).timeout(timeout).failover(failover).portkey(portkey)
                .missingKey(missingKey).modelMap(modelMap);
        b.apiKey = apiKey;
        b.sources.putAll(sources.asMap());
        return b;
    }

    /** Trims and strips one trailing slash. */
    static String normaliseUrl(String url) {
        String u = url.strip();
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }

    /** The role this route serves. */
    public Role role() {
        return role;
    }

    /** The gateway kind (explicit or detected). */
    public GatewayKind gateway() {
        return gateway;
    }

    /** The base URL, normalised without a trailing slash. */
    public String baseUrl() {
        return baseUrl;
    }

    /** {@code scheme://host[:port]} of the base URL (default ports omitted, user info never included). */
    public String origin() {
        return originOf(baseUrl);
    }

    static String originOf(String url) {
        try {
            URI uri = URI.create(url);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return url;
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80)
                    || (scheme.equals("https") && port == 443);
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    /** The key sent as {@code Authorization: Bearer}; empty for keyless routes. */
    public Optional<ApiKey> apiKey() {
        return keyless ? Optional.empty() : Optional.ofNullable(apiKey);
    }

    /** Whether no {@code Authorization} header is sent (Portkey with its own key, or {@code auth=none}). */
    public boolean keyless() {
        return keyless;
    }

    /** The default model of this role, if configured. */
    public Optional<String> model() {
        return Optional.ofNullable(model);
    }

    /**
     * Why this route cannot be called: it needs a key and has none. Present only when keys are not required for
     * the role ({@code OPENAI_REQUIRE_KEYS}); the application then starts, and the route's first call fails at once,
     * without any network traffic, with this problem (variable and fix) as its explanation.
     */
    public Optional<SettingsProblem> missingKey() {
        return Optional.ofNullable(missingKey);
    }

    /** Whether the route can be called: it has a key or needs none. */
    public boolean usable() {
        return missingKey == null;
    }

    /**
     * Model names rewritten on the wire ({@code OPENAI_<ROLE>_MODEL_MAP}): exact names ({@code gpt-4o-mini}) and
     * prefix patterns ending in {@code *} ({@code *}, {@code gpt-*}), each mapped to the gateway's name.
     */
    public Map<String, String> modelMap() {
        return modelMap;
    }

    /** Extra headers: {@code OPENAI_HEADERS} overridden by {@code OPENAI_<ROLE>_HEADERS}. */
    public Map<String, String> headers() {
        return headers;
    }

    /** The whole-call timeout of this role, when it differs from the global one. */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    /**
     * Direct-provider failover of this role, present only when it is on for the role
     * ({@code OPENAI_<ROLE>_FAILOVER_ENABLED}, else {@code OPENAI_FAILOVER_ENABLED}).
     */
    public Optional<FailoverSettings> failover() {
        return Optional.ofNullable(failover);
    }

    /**
     * The Portkey settings that apply to this route: those of {@code PORTKEY_*} when the route is a Portkey route
     * at the origin they were configured for ({@code OPENAI_BASE_URL}'s origin, or {@code api.portkey.ai});
     * {@link PortkeySettings#none()} otherwise, so {@code x-portkey-api-key} never reaches another origin.
     */
    public PortkeySettings portkey() {
        return portkey;
    }

    /**
     * Every key this route may send: its {@code Authorization} key, the Portkey key that applies to it and its
     * failover key. What must be masked wherever a reply or failure of this route is shown.
     */
    public List<ApiKey> keys() {
        List<ApiKey> keys = new ArrayList<>();
        if (apiKey().isPresent()) {
            keys.add(apiKey().get());
        }
        if (portkey.apiKey().isPresent()) {
            keys.add(portkey.apiKey().get());
        }
        if (failover != null && failover.apiKey().isPresent()) {
            keys.add(failover.apiKey().get());
        }
        return List.copyOf(keys);
    }

    /**
     * Where each value came from, keyed by the route's own setting ({@code OPENAI_<ROLE>_BASE_URL},
     * {@code _API_KEY}, {@code _MODEL}) and {@code OPENAI_GATEWAY}.
     */
    public Provenance sources() {
        return sources;
    }

    /**
     * Equal when every value is; where the values came from ({@link #sources()}) is not a value, so the same route
     * read from another layer is the same route.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof RouteSettings r && role == r.role && gateway == r.gateway && baseUrl.equals(r.baseUrl)
                && Objects.equals(apiKey, r.apiKey) && keyless == r.keyless && Objects.equals(model, r.model)
                && headers.equals(r.headers) && Objects.equals(timeout, r.timeout)
                && Objects.equals(failover, r.failover) && portkey.equals(r.portkey)
                && Objects.equals(missingKey, r.missingKey) && modelMap.equals(r.modelMap);
    }

    @Override
    public int hashCode() {
        return Objects.hash(role, gateway, baseUrl, apiKey, keyless, model, headers, timeout, failover, portkey,
                missingKey, modelMap);
    }

    @Override
    public String toString() {
        return "RouteSettings[role=" + role + ", gateway=" + gateway.id() + ", baseUrl=" + UrlRules.display(baseUrl)
                + ", apiKey=" + (keyless ? "(keyless)" : missingKey != null ? "(missing: " + missingKey.variable()
                + ")" : ApiKey.maskedOrNone(apiKey))
                + ", model=" + (model == null ? "-" : model) + ", headers=" + headers.keySet()
                + (timeout == null ? "" : ", timeout=" + timeout)
                + (failover == null ? "" : ", failover=" + failover.baseUrl())
                + (portkey.anySet() ? ", portkey=" + portkey : "")
                + (modelMap.isEmpty() ? "" : ", modelMap=" + modelMap) + "]";
    }

    /** Builds {@link RouteSettings}; no validation here (that belongs to {@link GatewaySettings#resolve}). */
    public static final class Builder {
        private Role role;
        private GatewayKind gateway = GatewayKind.GENERIC;
        private String baseUrl;
        private ApiKey apiKey;
        private boolean keyless;
        private String model;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private Duration timeout;
        private FailoverSettings failover;
        private PortkeySettings portkey = PortkeySettings.none();
        private final Map<Setting, ValueSource> sources = new LinkedHashMap<>();
        private SettingsProblem missingKey;
        private final Map<String, String> modelMap = new LinkedHashMap<>();

        private Builder() {
        }

        /** The problem that makes this route unusable (no key, none required at startup), or null. */
        public Builder missingKey(SettingsProblem missingKey) {
            this.missingKey = missingKey;
            return this;
        }

        /** Replaces the model rewrite map (exact names and {@code prefix*} patterns). */
        public Builder modelMap(Map<String, String> modelMap) {
            this.modelMap.clear();
            this.modelMap.putAll(modelMap);
            return this;
        }

        /** The role. */
        public Builder role(Role role) {
            this.role = role;
            return this;
        }

        /** The gateway kind. */
        public Builder gateway(GatewayKind gateway) {
            this.gateway = gateway;
            return this;
        }

        /** The base URL (normalised on build). */
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

        /** Whether no {@code Authorization} header is sent. */
        public Builder keyless(boolean keyless) {
            this.keyless = keyless;
            return this;
        }

        /** The default model, or null. */
        public Builder model(String model) {
            this.model = model;
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

        /** The whole-call timeout, or null for the global one. */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /** Failover for this role, or null; settings that are not {@link FailoverSettings#enabled()} mean off. */
        public Builder failover(FailoverSettings failover) {
            this.failover = failover;
            return this;
        }

        /**
         * The Portkey settings that apply to this route ({@code null} or {@link PortkeySettings#none()} for none);
         * their headers are sent only on this route's origin.
         */
        public Builder portkey(PortkeySettings portkey) {
            this.portkey = portkey == null ? PortkeySettings.none() : portkey;
            return this;
        }

        /** Records where the value of {@code setting} (the route's own setting, or OPENAI_GATEWAY) came from. */
        public Builder source(Setting setting, ValueSource source) {
            this.sources.put(setting, source);
            return this;
        }

        /** The immutable route. */
        public RouteSettings build() {
            return new RouteSettings(this);
        }
    }
}
