package dev.gatewaykit.sdk.settings;

import dev.gatewaykit.sdk.Role;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The one table of settings: every variable the product reads, with its environment name, its property name
 * and whether it holds a secret. Environment names and property names correspond one to one, so the same
 * names work in the process environment, {@code .env} files, JVM system properties and Spring.
 */
public final class Setting {

    /** What a setting's value is, so parsing and masking can be decided from the table. */
    public enum Type {
        /** An http(s) URL. */
        URL,
        /** A secret. */
        SECRET,
        /** Free text. */
        TEXT,
        /** A duration such as {@code 30s}, {@code 500ms} or {@code PT30S}. */
        DURATION,
        /** A non-negative whole number. */
        INTEGER,
        /** {@code name=value,name2=value2}. */
        MAP,
        /** {@code a,b,c}. */
        LIST,
        /** {@code true} or {@code false}. */
        BOOLEAN,
        /** A number of bytes such as {@code 64MB}, {@code 512KB} or {@code 1048576}. */
        SIZE
    }

    /** The per-role settings; combine with a {@link Role} through {@link #forRole(Role, RoleSetting)}. */
    public enum RoleSetting {
        /** {@code OPENAI_<ROLE>_BASE_URL}. */
        BASE_URL("BASE_URL", "base-url", Type.URL, "base URL of this role, overriding the route's URL"),
        /** {@code OPENAI_<ROLE>_API_KEY}. */
        API_KEY("API_KEY", "api-key", Type.SECRET, "key for this role only"),
        /** {@code OPENAI_<ROLE>_MODEL}. */
        MODEL("MODEL", "model", Type.TEXT, "default model name for this role", ValueCheck.NO_WHITESPACE),
        /** {@code OPENAI_<ROLE>_AUTH}. */
        AUTH("AUTH", "auth", Type.TEXT, "bearer (default) or none: none sends no Authorization header"),
        /** {@code OPENAI_<ROLE>_TIMEOUT}. */
        TIMEOUT("TIMEOUT", "timeout", Type.DURATION, "whole-call timeout for this role", ValueCheck.POSITIVE_DURATION),
        /** {@code OPENAI_<ROLE>_HEADERS}. */
        HEADERS("HEADERS", "headers", Type.MAP, "extra headers for this role, over OPENAI_HEADERS",
                ValueCheck.HEADER_NAMES),
        /** {@code OPENAI_<ROLE>_FAILOVER_ENABLED}. */
        FAILOVER_ENABLED("FAILOVER_ENABLED", "failover-enabled", Type.BOOLEAN,
                "direct-provider failover for this role (true or false), over OPENAI_FAILOVER_ENABLED"),
        /** {@code OPENAI_<ROLE>_MODEL_MAP}. */
        MODEL_MAP("MODEL_MAP", "model-map", Type.MAP,
                "model names rewritten on the wire for this role: from=to (gpt-4o-mini=@openai-prod/gpt-4o-mini) or"
                        + " a prefix pattern (*=openai/*, gpt-*=@openai-prod/gpt-*); exact names win over patterns");

        private final String envSuffix;
        private final String propertySuffix;
        private final Type type;
        private final String description;
        private final ValueCheck check;

        RoleSetting(String envSuffix, String propertySuffix, Type type, String description) {
            this(envSuffix, propertySuffix, type, description, ValueCheck.NONE);
        }

        RoleSetting(String envSuffix, String propertySuffix, Type type, String description, ValueCheck check) {
            this.envSuffix = envSuffix;
            this.propertySuffix = propertySuffix;
            this.type = type;
            this.description = description;
            this.check = check;
        }
    }

    private static final List<Setting> GLOBAL = new ArrayList<>();

    /** Public route (LLM, CODEX). */
    public static final Setting BASE_URL = global("OPENAI_BASE_URL", "openai.base-url", Type.URL,
            "https://api.openai.com/v1", "public route (LLM and CODEX)");
    /** Key for the public route. */
    public static final Setting API_KEY = global("OPENAI_API_KEY", "openai.api-key", Type.SECRET,
            null, "key for the public route: a provider key or a proxy virtual key");
    /** Internal route (EMBEDDINGS). */
    public static final Setting INTERNAL_BASE_URL = global("OPENAI_INTERNAL_BASE_URL", "openai.internal-base-url",
            Type.URL, "the resolved OPENAI_BASE_URL", "internal route (EMBEDDINGS)");
    /** Key for the internal route. */
    public static final Setting INTERNAL_API_KEY = global("OPENAI_INTERNAL_API_KEY", "openai.internal-api-key",
            Type.SECRET, "OPENAI_API_KEY when the internal URL has the same origin", "key for the internal route");
    /** Gateway kind or {@code auto}. */
    public static final Setting GATEWAY = global("OPENAI_GATEWAY", "openai.gateway", Type.TEXT, "auto",
            "auto, openai, litellm, portkey or generic");
    /** Extra headers on every route. */
    public static final Setting HEADERS = global("OPENAI_HEADERS", "openai.headers", Type.MAP, null,
            "extra headers for every route, name=value,name2=value2",
            ValueCheck.HEADER_NAMES);
    /** OpenAI organization header. */
    public static final Setting ORG_ID = global("OPENAI_ORG_ID", "openai.org-id", Type.TEXT, null,
            "OpenAI-Organization header");
    /** OpenAI project header. */
    public static final Setting PROJECT_ID = global("OPENAI_PROJECT_ID", "openai.project-id", Type.TEXT, null,
            "OpenAI-Project header");
    /** TCP connect timeout. */
    public static final Setting CONNECT_TIMEOUT = global("OPENAI_CONNECT_TIMEOUT", "openai.connect-timeout",
            Type.DURATION, "10s", "TCP connect timeout",
            ValueCheck.POSITIVE_DURATION);
    /** Read timeout (longest silence while reading a response, including between stream events). */
    public static final Setting READ_TIMEOUT = global("OPENAI_READ_TIMEOUT", "openai.read-timeout", Type.DURATION,
            "10m", "longest silence while reading a response (also between stream events)",
            ValueCheck.POSITIVE_DURATION);
    /** Whole-call timeout. */
    public static final Setting TIMEOUT = global("OPENAI_TIMEOUT", "openai.timeout", Type.DURATION, "10m",
            "whole-call timeout, per attempt",
            ValueCheck.POSITIVE_DURATION);
    /** Retries on 408/409/429/5xx and I/O errors. */
    public static final Setting MAX_RETRIES = global("OPENAI_MAX_RETRIES", "openai.max-retries", Type.INTEGER, "2",
            "retries on 408/409/429/5xx and connection errors (honours retry-after-ms)",
            ValueCheck.range(0, 10, "must be greater than or equal to 0", "must be at most 10",
                    "use a whole number from 0 to 10."));
    /** HTTP proxy host. */
    public static final Setting PROXY_HOST = global("OPENAI_PROXY_HOST", "openai.proxy.host", Type.TEXT, null,
            "outbound HTTP proxy host");
    /** HTTP proxy port. */
    public static final Setting PROXY_PORT = global("OPENAI_PROXY_PORT", "openai.proxy.port", Type.INTEGER, "8080",
            "outbound HTTP proxy port",
            ValueCheck.range(1, 65535, "must be between 1 and 65535", "must be between 1 and 65535",
                    "use a port between 1 and 65535."));
    /** HTTP proxy user. */
    public static final Setting PROXY_USERNAME = global("OPENAI_PROXY_USERNAME", "openai.proxy.username", Type.TEXT,
            null, "outbound HTTP proxy user name");
    /** HTTP proxy password. */
    public static final Setting PROXY_PASSWORD = global("OPENAI_PROXY_PASSWORD", "openai.proxy.password",
            Type.SECRET, null, "outbound HTTP proxy password");
    /**
     * Portkey API key ({@code x-portkey-api-key}); makes Portkey routes keyless. Like every {@code PORTKEY_*}
     * setting it belongs to {@code OPENAI_BASE_URL}'s origin (or {@code api.portkey.ai}) and is sent nowhere else.
     */
    public static final Setting PORTKEY_API_KEY = global("PORTKEY_API_KEY", "openai.portkey.api-key", Type.SECRET,
            null, "x-portkey-api-key; with it, Portkey routes at OPENAI_BASE_URL's origin (or api.portkey.ai) need no"
                    + " Authorization");
    /** Portkey config id or JSON ({@code x-portkey-config}). */
    public static final Setting PORTKEY_CONFIG = global("PORTKEY_CONFIG", "openai.portkey.config", Type.TEXT, null,
            "x-portkey-config: config id (pc-...) or inline JSON");
    /** Portkey provider ({@code x-portkey-provider}). */
    public static final Setting PORTKEY_PROVIDER = global("PORTKEY_PROVIDER", "openai.portkey.provider", Type.TEXT,
            null, "x-portkey-provider, when models are not written as @slug/model");
    /** Portkey metadata ({@code x-portkey-metadata}). */
    public static final Setting PORTKEY_METADATA = global("PORTKEY_METADATA", "openai.portkey.metadata", Type.MAP,
            null, "x-portkey-metadata entries, name=value,name2=value2");
    /**
     * Which Portkey a Portkey route talks to: {@code cloud} (api.portkey.ai: {@code @slug/model}, {@code pc-...}
     * config ids, {@code PORTKEY_API_KEY}) or {@code self-hosted} (the open-source gateway: a provider or JSON config,
     * and the provider key as the route's key).
     */
    public static final Setting PORTKEY_PRODUCT = global("PORTKEY_PRODUCT", "openai.portkey.product", Type.TEXT,
            "cloud for a route at api.portkey.ai, else self-hosted",
            "which Portkey a Portkey route talks to: cloud (api.portkey.ai) or self-hosted (the open-source gateway)");
    /** LiteLLM tags ({@code x-litellm-tags}). */
    public static final Setting LITELLM_TAGS = global("OPENAI_LITELLM_TAGS", "openai.litellm.tags", Type.LIST, null,
            "x-litellm-tags, comma separated");
    /** LiteLLM end user ({@code x-litellm-end-user-id}). */
    public static final Setting LITELLM_END_USER_ID = global("OPENAI_LITELLM_END_USER_ID",
            "openai.litellm.end-user-id", Type.TEXT, null, "x-litellm-end-user-id");
    /** Direct-provider failover for every role (each role's own switch wins). */
    public static final Setting FAILOVER_ENABLED = global("OPENAI_FAILOVER_ENABLED", "openai.failover.enabled",
            Type.BOOLEAN, "false", "direct-provider failover for every role: true or false");
    /** Where a role goes while its proxy is failing. */
    public static final Setting FAILOVER_BASE_URL = global("OPENAI_FAILOVER_BASE_URL", "openai.failover.base-url",
            Type.URL, "https://api.openai.com/v1", "failover origin (the provider itself), used while the proxy fails");
    /** The key sent to the failover origin, and only there. */
    public static final Setting FAILOVER_API_KEY = global("OPENAI_FAILOVER_API_KEY", "openai.failover.api-key",
            Type.SECRET, null, "key for the failover origin only; required when failover is on");
    /** Consecutive proxy failures that open the circuit. */
    public static final Setting FAILOVER_FAILURE_THRESHOLD = global("OPENAI_FAILOVER_FAILURE_THRESHOLD",
            "openai.failover.failure-threshold", Type.INTEGER, "3",
            "consecutive connect failures or 5xx answers from the proxy that switch a role to the failover origin",
            ValueCheck.range(1, 100, "must be at least 1", "must be at most 100",
                    "use a whole number from 1 to 100."));
    /** How long a role stays on the failover origin before the proxy is probed again. */
    public static final Setting FAILOVER_COOL_DOWN = global("OPENAI_FAILOVER_COOL_DOWN", "openai.failover.cool-down",
            Type.DURATION, "30s", "time on the failover origin before the proxy's health is probed again",
            ValueCheck.POSITIVE_DURATION);
    /** Which roles must have a key at startup; the others start without one and fail their first call. */
    public static final Setting REQUIRE_KEYS = global("OPENAI_REQUIRE_KEYS", "openai.require-keys", Type.LIST,
            "false", "true (every role), false, or the roles whose missing key stops startup (e.g. llm,codex); a role"
                    + " not listed starts without a key, is reported in health and fails its first call at once");
    /** Longest server-requested wait before a retry that the client honours. */
    public static final Setting MAX_RETRY_AFTER = global("OPENAI_MAX_RETRY_AFTER", "openai.max-retry-after",
            Type.DURATION, "60s", "longest wait a gateway may ask for (retry-after, retry-after-ms) before a retry;"
                    + " a longer one ends the call at once, saying so");
    /** How long an idle connection stays in the shared pool. */
    public static final Setting POOL_KEEP_ALIVE = global("OPENAI_POOL_KEEP_ALIVE", "openai.pool-keep-alive",
            Type.DURATION, "4s", "how long an idle pooled connection is kept; keep it below the gateways' idle"
                    + " timeout (5s for the Portkey gateway on Node and LiteLLM on uvicorn)");
    /** Largest response body a route accepts. */
    public static final Setting MAX_RESPONSE_BYTES = global("OPENAI_MAX_RESPONSE_BYTES",
            "openai.max-response-bytes", Type.SIZE, "64MB", "largest response body a route accepts (for a stream:"
                    + " the largest event), e.g. 64MB, 512KB or 1048576; a larger one fails the call");

    private static final Map<Role, Map<RoleSetting, Setting>> PER_ROLE = new EnumMap<>(Role.class);

    static {
        for (Role role : Role.values()) {
            Map<RoleSetting, Setting> settings = new EnumMap<>(RoleSetting.class);
            for (RoleSetting rs : RoleSetting.values()) {
                settings.put(rs, new Setting("OPENAI_" + role.envName() + "_" + rs.envSuffix,
                        "openai." + role.propertyName() + "." + rs.propertySuffix, rs.type, null,
                        role.propertyName() + ": " + rs.description, role, rs.check));
            }
            PER_ROLE.put(role, Collections.unmodifiableMap(settings));
        }
    }

    private final String variable;
    private final String property;
    private final Type type;
    private final String defaultDescription;
    private final String description;
    private final Role role;
    private final ValueCheck check;

    private Setting(String variable, String property, Type type, String defaultDescription, String description,
                    Role role, ValueCheck check) {
        this.variable = variable;
        this.property = property;
        this.type = type;
        this.defaultDescription = defaultDescription;
        this.description = description;
        this.role = role;
        this.check = check;
    }

    private static Setting global(String variable, String property, Type type, String defaultDescription,
                                  String description) {
        return global(variable, property, type, defaultDescription, description, ValueCheck.NONE);
    }

    private static Setting global(String variable, String property, Type type, String defaultDescription,
                                  String description, ValueCheck check) {
        Setting setting = new Setting(variable, property, type, defaultDescription, description, null, check);
        GLOBAL.add(setting);
        return setting;
    }

    /** The role-scoped setting, e.g. {@code OPENAI_LLM_BASE_URL} / {@code openai.llm.base-url}. */
    public static Setting forRole(Role role, RoleSetting setting) {
        return PER_ROLE.get(Objects.requireNonNull(role)).get(Objects.requireNonNull(setting));
    }

    /** {@code OPENAI_<ROLE>_BASE_URL}. */
    public static Setting roleBaseUrl(Role role) {
        return forRole(role, RoleSetting.BASE_URL);
    }

    /** {@code OPENAI_<ROLE>_API_KEY}. */
    public static Setting roleApiKey(Role role) {
        return forRole(role, RoleSetting.API_KEY);
    }

    /** {@code OPENAI_<ROLE>_MODEL}. */
    public static Setting roleModel(Role role) {
        return forRole(role, RoleSetting.MODEL);
    }

    /** {@code OPENAI_<ROLE>_AUTH}. */
    public static Setting roleAuth(Role role) {
        return forRole(role, RoleSetting.AUTH);
    }

    /** {@code OPENAI_<ROLE>_TIMEOUT}. */
    public static Setting roleTimeout(Role role) {
        return forRole(role, RoleSetting.TIMEOUT);
    }

    /** {@code OPENAI_<ROLE>_HEADERS}. */
    public static Setting roleHeaders(Role role) {
        return forRole(role, RoleSetting.HEADERS);
    }

    /** {@code OPENAI_<ROLE>_FAILOVER_ENABLED}. */
    public static Setting roleFailoverEnabled(Role role) {
        return forRole(role, RoleSetting.FAILOVER_ENABLED);
    }

    /** {@code OPENAI_<ROLE>_MODEL_MAP}. */
    public static Setting roleModelMap(Role role) {
        return forRole(role, RoleSetting.MODEL_MAP);
    }

    /** Every setting: the global ones in documentation order, then the per-role ones. */
    public static List<Setting> all() {
        List<Setting> all = new ArrayList<>(GLOBAL);
        for (Role role : Role.values()) {
            all.addAll(PER_ROLE.get(role).values());
        }
        return Collections.unmodifiableList(all);
    }

    /** Looks a setting up by its environment variable name. */
    public static Optional<Setting> byVariable(String variable) {
        for (Setting setting : all()) {
            if (setting.variable.equals(variable)) {
                return Optional.of(setting);
            }
        }
        return Optional.empty();
    }

    /** The environment variable name, e.g. {@code OPENAI_BASE_URL}. */
    public String variable() {
        return variable;
    }

    /** The property name, e.g. {@code openai.base-url}. */
    public String property() {
        return property;
    }

    /** Whether the value is a secret and must be masked wherever it is shown. */
    public boolean secret() {
        return type == Type.SECRET;
    }

    /** The kind of value. */
    public Type type() {
        return type;
    }

    /** The role this setting is scoped to, if any. */
    public Optional<Role> role() {
        return Optional.ofNullable(role);
    }

    /** The structural rule on this setting's parsed value. */
    ValueCheck check() {
        return check;
    }

    /** The default, in words, or empty when there is none. */
    public Optional<String> defaultDescription() {
        return Optional.ofNullable(defaultDescription);
    }

    /** One line saying what the setting does. */
    public String description() {
        return description;
    }

    /**
     * Shows a value of this setting safely: a secret masked ({@code sk-...abcd}); a map with its names but masked
     * values ({@code x-api-key=****}, since header values are often keys); a URL with user info and query values
     * masked ({@code https://****@host/v1?api-key=****}); anything else as it is.
     */
    public String display(String value) {
        return switch (type) {
            case SECRET -> Secrets.mask(value);
            case MAP -> SettingValues.displayMap(value);
            case URL -> UrlRules.display(value);
            default -> value;
        };
    }

    @Override
    public String toString() {
        return variable;
    }
}
