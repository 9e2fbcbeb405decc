package dev.gatewaykit.sdk.settings;

import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.GatewayKind;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The resolved configuration of all three routes plus the shared transport settings. Immutable; obtain it with
 * {@link #resolve(SettingsSources)}, {@link #fromEnvironment()} or {@link #builder()}.
 */
public final class GatewaySettings {

    /** Defaults used when nothing is configured. */
    static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";
    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration DEFAULT_READ_TIMEOUT = Duration.ofMinutes(10);
    static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofMinutes(10);
    static final int DEFAULT_MAX_RETRIES = 2;

    private final SettingsSources sources;
    private final Map<String, String> explicitValues;
    private final Map<Role, RouteSettings> routes;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration callTimeout;
    private final int maxRetries;
    private final String organization;
    private final String project;
    private final Map<String, String> headers;
    private final ProxySettings proxy;
    private final PortkeySettings portkey;
    private final LiteLlmSettings litellm;
    private final FailoverSettings failover;
    private final List<SettingsWarning> warnings;
    private final Map<String, RouteSettings.ValueSource> valueSources;
    private final TransportLimits limits;

    private GatewaySettings(Parts p) {
        this.sources = Objects.requireNonNull(p.sources, "sources");
        this.explicitValues = Map.copyOf(p.explicitValues);
        this.routes = Collections.unmodifiableMap(new EnumMap<>(p.routes));
        this.connectTimeout = p.transport.connectTimeout();
        this.readTimeout = p.transport.readTimeout();
        this.callTimeout = p.transport.callTimeout();
        this.maxRetries = p.transport.maxRetries();
        this.organization = p.organization;
        this.project = p.project;
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(p.headers));
        this.proxy = p.proxy;
        this.portkey = Objects.requireNonNull(p.portkey, "portkey");
        this.litellm = Objects.requireNonNull(p.litellm, "litellm");
        this.failover = Objects.requireNonNull(p.failover, "failover");
        this.warnings = List.copyOf(p.warnings);
        this.valueSources = Collections.unmodifiableMap(new LinkedHashMap<>(p.valueSources));
        this.limits = Objects.requireNonNull(p.limits, "limits");
    }

    /**
     * The shared client's timeouts and retries.
     *
     * @param connectTimeout TCP connect timeout
     * @param readTimeout    read timeout
     * @param callTimeout    whole-call timeout per attempt
     * @param maxRetries     how often failed calls are retried
     */
    record Transport(Duration connectTimeout, Duration readTimeout, Duration callTimeout, int maxRetries) {
    }

    /** The resolved parts, collected by the resolver one by one; {@link #build()} makes the immutable settings. */
    static final class Parts {
        private SettingsSources sources;
        private Map<String, String> explicitValues = Map.of();
        private Map<Role, RouteSettings> routes = Map.of();
        private Transport transport;
        private String organization;
        private String project;
        private Map<String, String> headers = Map.of();
        private ProxySettings proxy;
        private PortkeySettings portkey = PortkeySettings.none();
        private LiteLlmSettings litellm = LiteLlmSettings.none();
        private FailoverSettings failover;
        private List<SettingsWarning> warnings = List.of();
        private Map<String, RouteSettings.ValueSource> valueSources = Map.of();
        private TransportLimits limits;

        Parts layers(SettingsSources sources, Map<String, String> explicitValues) {
            this.sources = sources;
            this.explicitValues = explicitValues;
            return this;
        }

        Parts routes(Map<Role, RouteSettings> routes) {
            this.routes = routes;
            return this;
        }

        Parts transport(Transport transport) {
            this.transport = transport;
            return this;
        }

        Parts identity(String organization, String project) {
            this.organization = organization;
            this.project = project;
            return this;
        }

        Parts headers(Map<String, String> headers) {
            this.headers = headers;
            return this;
        }

        Parts proxy(ProxySettings proxy) {
            this.proxy = proxy;
            return this;
        }

        Parts gateways(PortkeySettings portkey, LiteLlmSettings litellm) {
            this.portkey = portkey;
            this.litellm = litellm;
            return this;
        }

        Parts failover(FailoverSettings failover) {
            this.failover = failover;
            return this;
        }

        Parts provenance(List<SettingsWarning> warnings, Map<String, RouteSettings.ValueSource> valueSources) {
            this.warnings = warnings;
            this.valueSources = valueSources;
            return this;
        }

        Parts limits(TransportLimits limits) {
            this.limits = limits;
            return this;
        }

        GatewaySettings build() {
            return new GatewaySettings(this);
        }
    }

    /**
     * Resolves every route from the given layers: precedence, blank-means-unset, URL rule, key rule, gateway
     * detection and validation. Throws {@link GatewaySettingsException} listing every problem at once.
     */
    public static GatewaySettings resolve(SettingsSources sources) {
        return new SettingsResolver(sources, Map.of()).resolve();
    }

    /**
     * Resolves without throwing, for diagnosis: the settings as far as they could be resolved (routes with a
     * problem still show what was found) and every problem. Only use {@link SettingsReport#settings()} to call
     * gateways when {@link SettingsReport#ok()}.
     */
    public static SettingsReport inspect(SettingsSources sources) {
        return new SettingsResolver(sources, Map.of()).inspect();
    }

    /** {@code resolve(SettingsSources.defaults())}: environment, system properties, ./.env, ./.env.default. */
    public static GatewaySettings fromEnvironment() {
        return resolve(SettingsSources.defaults());
    }

    /** A builder whose explicit values sit above {@link SettingsSources#defaults()} (replace with {@code sources}). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder with this configuration's layers and explicit values. */
    public Builder toBuilder() {
        Builder b = new Builder().sources(sources);
        b.values.putAll(explicitValues);
        return b;
    }

    /** The route of one role. */
    public RouteSettings route(Role role) {
        return routes.get(role);
    }

    /** All routes, in role order. */
    public Map<Role, RouteSettings> routes() {
        return routes;
    }

    /** TCP connect timeout of the shared client. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** Read timeout of the shared client. */
    public Duration readTimeout() {
        return readTimeout;
    }

    /** Whole-call timeout (per attempt) of the shared client. */
    public Duration callTimeout() {
        return callTimeout;
    }

    /** How often failed calls are retried. */
    public int maxRetries() {
        return maxRetries;
    }

    /** {@code OpenAI-Organization}, if set. */
    public Optional<String> organization() {
        return Optional.ofNullable(organization);
    }

    /** {@code OpenAI-Project}, if set. */
    public Optional<String> project() {
        return Optional.ofNullable(project);
    }

    /** Extra headers for every route ({@code OPENAI_HEADERS}). */
    public Map<String, String> headers() {
        return headers;
    }

    /** The outbound HTTP proxy, if configured. */
    public Optional<ProxySettings> proxy() {
        return Optional.ofNullable(proxy);
    }

    /** Portkey headers. */
    public PortkeySettings portkey() {
        return portkey;
    }

    /** LiteLLM attribution defaults. */
    public LiteLlmSettings litellm() {
        return litellm;
    }

    /**
     * Direct-provider failover as configured globally ({@link FailoverSettings#enabled()} is
     * {@code OPENAI_FAILOVER_ENABLED}); whether a role fails over is {@link RouteSettings#failover()}.
     */
    public FailoverSettings failover() {
        return failover;
    }

    /** Things allowed but probably unintended (keys masked). */
    public List<SettingsWarning> warnings() {
        return warnings;
    }

    /** Where every configured value came from, keyed by variable name. */
    public Map<String, RouteSettings.ValueSource> valueSources() {
        return valueSources;
    }

    /** The layers this configuration was resolved from. */
    public SettingsSources sources() {
        return sources;
    }

    /** The layers with the explicit builder values on top, highest first: what every value was looked up in. */
    public SettingsSources layers() {
        return explicitValues.isEmpty() ? sources : sources.withHighest(new MapSource("builder", explicitValues));
    }

    /**
     * Pool keep-alive, longest honoured {@code retry-after} and largest response body ({@code OPENAI_POOL_KEEP_ALIVE},
     * {@code OPENAI_MAX_RETRY_AFTER}, {@code OPENAI_MAX_RESPONSE_BYTES}).
     */
    public TransportLimits limits() {
        return limits;
    }

    /** A multi-line table: role, gateway, URL, model, masked key and where each came from. */
    public String routingTable() {
        return RoutingTable.format(routes.values());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GatewaySettings g && routes.equals(g.routes) && connectTimeout.equals(g.connectTimeout)
                && readTimeout.equals(g.readTimeout) && callTimeout.equals(g.callTimeout)
                && maxRetries == g.maxRetries && Objects.equals(organization, g.organization)
                && Objects.equals(project, g.project) && headers.equals(g.headers) && failover.equals(g.failover)
                && Objects.equals(proxy, g.proxy) && portkey.equals(g.portkey) && litellm.equals(g.litellm)
                && limits.equals(g.limits);
    }

    @Override
    public int hashCode() {
        return Objects.hash(routes, connectTimeout, readTimeout, callTimeout, maxRetries, organization, project,
                headers, failover, proxy, portkey, litellm, limits);
    }

    @Override
    public String toString() {
        return "GatewaySettings[routes=" + routes.values() + ", connectTimeout=" + connectTimeout
                + ", readTimeout=" + readTimeout + ", callTimeout=" + callTimeout + ", maxRetries=" + maxRetries
                + ", organization=" + organization + ", project=" + project + ", headers=" + headers.keySet()
                + ", proxy=" + proxy + ", portkey=" + portkey + ", litellm=" + litellm + ", failover=" + failover
                + ", limits=" + limits + "]";
    }

    /**
     * Explicit values that win over every layer (the "builder" layer), resolved with the same rules as the
     * environment. Values are given as strings, exactly as in an environment variable.
     */
    public static final class Builder {
        private SettingsSources sources;
        private final Map<String, String> values = new LinkedHashMap<>();

        private Builder() {
        }

        /** The layers below the explicit values; default {@link SettingsSources#defaults()}. */
        public Builder sources(SettingsSources sources) {
            this.sources = Objects.requireNonNull(sources);
            return this;
        }

        /** Sets any setting; null removes it. */
        public Builder set(Setting setting, String value) {
            if (value == null) {
                values.remove(setting.variable());
            } else {
                values.put(setting.variable(), value);
            }
            return this;
        }

        /** {@code OPENAI_BASE_URL}. */
        public Builder baseUrl(String url) {
            return set(Setting.BASE_URL, url);
        }

        /** {@code OPENAI_API_KEY}. */
        public Builder apiKey(String key) {
            return set(Setting.API_KEY, key);
        }

        /** {@code OPENAI_INTERNAL_BASE_URL}. */
        public Builder internalBaseUrl(String url) {
            return set(Setting.INTERNAL_BASE_URL, url);
        }

        /** {@code OPENAI_INTERNAL_API_KEY}. */
        public Builder internalApiKey(String key) {
            return set(Setting.INTERNAL_API_KEY, key);
        }

        /** {@code OPENAI_GATEWAY}; null means auto. */
        public Builder gateway(GatewayKind kind) {
            return set(Setting.GATEWAY, kind == null ? null : kind.id());
        }

        /** {@code OPENAI_<ROLE>_BASE_URL}. */
        public Builder baseUrl(Role role, String url) {
            return set(Setting.roleBaseUrl(role), url);
        }

        /** {@code OPENAI_<ROLE>_API_KEY}. */
        public Builder apiKey(Role role, String key) {
            return set(Setting.roleApiKey(role), key);
        }

        /** {@code OPENAI_<ROLE>_MODEL}. */
        public Builder model(Role role, String model) {
            return set(Setting.roleModel(role), model);
        }

        /** Resolves and validates. */
        public GatewaySettings build() {
            SettingsSources base = sources == null ? SettingsSources.defaults() : sources;
            return new SettingsResolver(base, values).resolve();
        }
    }
}
