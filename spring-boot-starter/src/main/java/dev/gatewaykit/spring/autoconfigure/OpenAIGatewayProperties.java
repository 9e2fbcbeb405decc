package dev.gatewaykit.spring.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration properties for the OpenAI gateway routes ({@code openai.*}).
 * <p>
 * Every property has an environment-variable twin ({@code openai.internal-base-url} <->
 * {@code OPENAI_INTERNAL_BASE_URL}, {@code openai.portkey.api-key} ↔ {@code PORTKEY_API_KEY}). The values are
 * resolved by the sdk, which applies the defaults, the internal-URL and key rules and validation; this class
 * exists for binding checks, IDE metadata and {@code /actuator/configprops}. An empty value means "not set".
 */
@Validated
@ConfigurationProperties(prefix = "openai")
public class OpenAIGatewayProperties {

    /** Base URL of the public route (LLM and CODEX roles), e.g. https://api.openai.com/v1 or http://litellm:4000. */
    private String baseUrl;

    /** Key for the public route: a provider key or a proxy virtual key. */
    private String apiKey;

    /** Base URL of the internal route (EMBEDDINGS role); defaults to the resolved base URL. */
    private String internalBaseUrl;

    /**
     * Key for the internal route. When unset, the public key is used only if the internal URL has the same origin
     * (scheme, host and port) as the public one.
     */
    private String internalApiKey;

    /** Gateway in front of the provider; auto detects it from the host and the gateway-specific settings. */
    private Gateway gateway;

    /** Overrides for the EMBEDDINGS role (internal route, Embeddings API). */
    @Valid
    private RoleProperties embeddings = new RoleProperties();

    /** Overrides for the LLM role (public route, Chat Completions). */
    @Valid
    private RoleProperties llm = new RoleProperties();

    /** Overrides for the CODEX role (public route, Responses API). */
    @Valid
    private RoleProperties codex = new RoleProperties();

    /** Portkey headers; with a Portkey API key the routes send no Authorization header. */
    @Valid
    private Portkey portkey = new Portkey();

    /** LiteLLM attribution headers sent with every request. */
    @Valid
    private Litellm litellm = new Litellm();

    /** TCP connect timeout, e.g. 10s. */
    private Duration connectTimeout;

    /** Longest silence while reading a response, also between streamed events, e.g. 10m. */
    private Duration readTimeout;

    /** Whole-call timeout per attempt, e.g. 10m. */
    private Duration timeout;

    /** Retries on 408, 409, 429, 5xx and connection errors. */
    @Min(0)
    private Integer maxRetries;

    /** OpenAI organization id, sent as the OpenAI-Organization header. */
    private String orgId;

    /** OpenAI project id, sent as the OpenAI-Project header. */
    private String projectId;

    /** Extra headers sent on every route; per-role headers win over these. */
    private Map<String, String> headers = new LinkedHashMap<>();

    /** Outbound HTTP proxy between this application and the gateway. */
    @Valid
    private Proxy proxy = new Proxy();

    /** Where the .env and .env.default files are read from; they rank below every Spring property source. */
    @Valid
    private Dotenv dotenv = new Dotenv();

    /** Direct-provider failover: where roles go while their proxy keeps failing. Off unless enabled. */
    private Failover failover = new Failover();

    /** Gateway call metrics (Micrometer), recorded when a MeterRegistry bean exists. */
    private Metrics metrics = new Metrics();

    /**
     * Named credentials, each with its own base URL and key, for clients per (credential, role) beside the role
     * clients, e.g. openai.credentials.billing.base-url.
     */
    private Map<String, Credential> credentials = new LinkedHashMap<>();

    /**
     * Roles whose missing key stops startup: true (every role), false (default: a route without a key starts, is
     * reported in health and fails its first call at once), or roles such as llm,codex.
     */
    private List<String> requireKeys = new ArrayList<>();

    public List<String> getRequireKeys() {
        return this.requireKeys;
    }

    public void setRequireKeys(List<String> requireKeys) {
        this.requireKeys = requireKeys;
    }

    public String getBaseUrl() {
        return this.baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getApiKey() {
        return this.apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public String getInternalBaseUrl() {
        return this.internalBaseUrl;
    }

    public void setInternalBaseUrl(String internalBaseUrl) {
        this.internalBaseUrl = internalBaseUrl;
    }

    public String getInternalApiKey() {
        return this.internalApiKey;
    }

    public void setInternalApiKey(String internalApiKey) {
        this.internalApiKey = internalApiKey;
    }

    public Gateway getGateway() {
        return this.gateway;
    }

    public void setGateway(Gateway gateway) {
        this.gateway = gateway;
    }

    public RoleProperties getEmbeddings() {
        return this.embeddings;
    }

    public void setEmbeddings(RoleProperties embeddings) {
        this.embeddings = embeddings;
    }

    public RoleProperties getLlm() {
        return this.llm;
    }

    public void setLlm(RoleProperties llm) {
        this.llm = llm;
    }

    public RoleProperties getCodex() {
        return this.codex;
    }

    public void setCodex(RoleProperties codex) {
        this.codex = codex;
    }

    public Portkey getPortkey() {
        return this.portkey;
    }

    public void setPortkey(Portkey portkey) {
        this.portkey = portkey;
    }

    public Litellm getLitellm() {
        return this.litellm;
    }

    public void setLitellm(Litellm litellm) {
        this.litellm = litellm;
    }

    public Duration getConnectTimeout() {
        return this.connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Duration getReadTimeout() {
        return this.readTimeout;
    }

    public void setReadTimeout(Duration readTimeout) {
        this.readTimeout = readTimeout;
    }

    public Duration getTimeout() {
        return this.timeout;
    }

    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    public Integer getMaxRetries() {
        return this.maxRetries;
    }

    public void setMaxRetries(Integer maxRetries) {
        this.maxRetries = maxRetries;
    }

    public String getOrgId() {
        return this.orgId;
    }

    public void setOrgId(String orgId) {
        this.orgId = orgId;
    }

    public String getProjectId() {
        return this.projectId;
    }

    public void setProjectId(String projectId) {
        this.projectId = projectId;
    }

    public Map<String, String> getHeaders() {
        return this.headers;
    }

    public void setHeaders(Map<String, String> headers) {
        this.headers = headers;
    }

    public Proxy getProxy() {
        return this.proxy;
    }

    public void setProxy(Proxy proxy) {
        this.proxy = proxy;
    }

    public Dotenv getDotenv() {
        return this.dotenv;
    }

    public void setDotenv(Dotenv dotenv) {
        this.dotenv = dotenv;
    }

    public Failover getFailover() {
        return this.failover;
    }

    public void setFailover(Failover failover) {
        this.failover = failover;
    }

    public Metrics getMetrics() {
        return this.metrics;
    }

    public void setMetrics(Metrics metrics) {
        this.metrics = metrics;
    }

    public Map<String, Credential> getCredentials() {
        return this.credentials;
    }

    public void setCredentials(Map<String, Credential> credentials) {
        this.credentials = credentials;
    }

    /** Which gateway sits in front of the provider. */
    public enum Gateway {

        /** Detect from the host name and the gateway-specific settings. */
        AUTO,

        /** OpenAI itself (api.openai.com). */
        OPENAI,

        /** A LiteLLM proxy. */
        LITELLM,

        /** Portkey, cloud or the open-source gateway. */
        PORTKEY,

        /** Any other OpenAI-compatible endpoint. */
        GENERIC

    }

    /** How a role authenticates to its gateway. */
    public enum Auth {

        /** Send the key as Authorization: Bearer. */
        BEARER,

        /** Send no Authorization header at all. */
        NONE

    }

    /** Overrides for one role; anything unset falls back to the route-wide settings. */
    public static class RoleProperties {

        /** Base URL for this role only, over the route's base URL. */
        private String baseUrl;

        /** Key for this role only. */
        private String apiKey;

        /** Default model name for this role, e.g. openai/gpt-4o-mini or @openai-prod/gpt-4o-mini. */
        private String model;

        /** Extra headers for this role, over the global headers. */
        private Map<String, String> headers = new LinkedHashMap<>();

        /** Whole-call timeout for this role, over the global timeout. */
        private Duration timeout;

        /** Authentication: bearer (default) or none, which sends no Authorization header. */
        private Auth auth;

        /** Direct-provider failover for this role only, over openai.failover.enabled. */
        private Boolean failoverEnabled;

        /**
         * Model names rewritten on the wire for this role: exact (gpt-4o-mini=@openai-prod/gpt-4o-mini) or a prefix
         * pattern ending in * (*=openai/*); exact names win, then the longest pattern.
         */
        private Map<String, String> modelMap = new LinkedHashMap<>();

        public Map<String, String> getModelMap() {
            return this.modelMap;
        }

        public void setModelMap(Map<String, String> modelMap) {
            this.modelMap = modelMap;
        }

        public String getBaseUrl() {
            return this.baseUrl;
        }

        public void setBaseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
        }

        public String getApiKey() {
            return this.apiKey;
        }

        public void setApiKey(String apiKey) {
            this.apiKey = apiKey;
        }

        public String getModel() {
            return this.model;
        }

        public void setModel(String model) {
            this.model = model;
        }

        public Map<String, String> getHeaders() {
            return this.headers;
        }

        public void setHeaders(Map<String, String> headers) {
            this.headers = headers;
        }

        public Duration getTimeout() {
            return this.timeout;
        }

        public void setTimeout(Duration timeout) {
            this.timeout = timeout;
        }

        public Auth getAuth() {
            return this.auth;
        }

        public void setAuth(Auth auth) {
            this.auth = auth;
        }

        public Boolean getFailoverEnabled() {
            return this.failoverEnabled;
        }

        public void setFailoverEnabled(Boolean failoverEnabled) {
            this.failoverEnabled = failoverEnabled;
        }

    }

    /** Portkey-specific headers. */
    public static class Portkey {

        /** Portkey API key (x-portkey-api-key); also read from PORTKEY_API_KEY. */
        private String apiKey;

        /** Portkey config (x-portkey-config): a config id such as pc-... or inline JSON; also PORTKEY_CONFIG. */
        private String config;

        /** Portkey provider (x-portkey-provider) when models are not written as @slug/model; also PORTKEY_PROVIDER. */
        private String provider;

        /** Portkey metadata entries (x-portkey-metadata); also PORTKEY_METADATA as name=value,name2=value2. */
        private Map<String, String> metadata = new LinkedHashMap<>();

        public String getApiKey() {
            return this.apiKey;
        }

        public void setApiKey(String apiKey) {
            this.apiKey = apiKey;
        }

        public String getConfig() {
            return this.config;
        }

        public void setConfig(String config) {
            this.config = config;
        }

        public String getProvider() {
            return this.provider;
        }

        public void setProvider(String provider) {
            this.provider = provider;
        }

        public Map<String, String> getMetadata() {
            return this.metadata;
        }

        public void setMetadata(Map<String, String> metadata) {
            this.metadata = metadata;
        }

    }

    /** LiteLLM-specific headers. */
    public static class Litellm {

        /** Tags for spend tracking (x-litellm-tags). */
        private List<String> tags = new ArrayList<>();

        /** End user to attribute spend to (x-litellm-end-user-id). */
        private String endUserId;

        public List<String> getTags() {
            return this.tags;
        }

        public void setTags(List<String> tags) {
            this.tags = tags;
        }

        public String getEndUserId() {
            return this.endUserId;
        }

        public void setEndUserId(String endUserId) {
            this.endUserId = endUserId;
        }

    }

    /** Outbound HTTP proxy. */
    public static class Proxy {

        /** Proxy host; no proxy when unset. */
        private String host;

        /** Proxy port. */
        @Min(1)
        @Max(65535)
        private Integer port;

        /** Proxy user name. */
        private String username;

        /** Proxy password. */
        private String password;

        public String getHost() {
            return this.host;
        }

        public void setHost(String host) {
            this.host = host;
        }

        public Integer getPort() {
            return this.port;
        }

        public void setPort(Integer port) {
            this.port = port;
        }

        public String getUsername() {
            return this.username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getPassword() {
            return this.password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

    }

    /** The .env files that rank below every Spring property source. */
    public static class Dotenv {

        /** Whether to read .env and .env.default at all. */
        private boolean enabled = true;

        /** Directory holding .env and .env.default; the working directory when unset. */
        private String directory;

        public boolean isEnabled() {
            return this.enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getDirectory() {
            return this.directory;
        }

        public void setDirectory(String directory) {
            this.directory = directory;
        }

    }

    /** Direct-provider failover: a circuit breaker per role in front of the proxy. */
    public static class Failover {

        /** Whether roles fail over to the failover base URL while their proxy fails; each role's own switch wins. */
        private Boolean enabled;

        /** Failover base URL, the provider itself, e.g. https://api.openai.com/v1. */
        private String baseUrl;

        /** Key for the failover base URL only; never sent to the proxy. Required when failover is on. */
        private String apiKey;

        /** Consecutive connect failures or 5xx answers from the proxy that switch a role to the failover origin. */
        private Integer failureThreshold;

        /** Time a role stays on the failover origin before the proxy's health is probed again, e.g. 30s. */
        private Duration coolDown;

        public Boolean getEnabled() {
            return this.enabled;
        }

        public void setEnabled(Boolean enabled) {
            this.enabled = enabled;
        }

        public String getBaseUrl() {
            return this.baseUrl;
        }

        public void setBaseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
        }

        public String getApiKey() {
            return this.apiKey;
        }

        public void setApiKey(String apiKey) {
            this.apiKey = apiKey;
        }

        public Integer getFailureThreshold() {
            return this.failureThreshold;
        }

        public void setFailureThreshold(Integer failureThreshold) {
            this.failureThreshold = failureThreshold;
        }

        public Duration getCoolDown() {
            return this.coolDown;
        }

        public void setCoolDown(Duration coolDown) {
            this.coolDown = coolDown;
        }

    }

    /** Gateway call metrics. */
    public static class Metrics {

        /** Whether to record gen_ai.client.* and gateway.cost meters when a MeterRegistry bean exists. */
        private boolean enabled = true;

        public boolean isEnabled() {
            return this.enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

    }

    /** One named credential: its own base URL, key, gateway and headers; it inherits only transport settings. */
    public static class Credential {

        /** Base URL of this credential, e.g. http://litellm-billing:4000/v1; required. */
        private String baseUrl;

        /** Key sent to this credential's base URL only; global keys are never used for it. */
        private String apiKey;

        /** Gateway in front of this credential's base URL; auto detects it from the host. */
        private Gateway gateway;

        /** Extra headers sent to this credential's base URL; global headers are not inherited. */
        private Map<String, String> headers = new LinkedHashMap<>();

        public String getBaseUrl() {
            return this.baseUrl;
        }

        public void setBaseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
        }

        public String getApiKey() {
            return this.apiKey;
        }

        public void setApiKey(String apiKey) {
            this.apiKey = apiKey;
        }

        public Gateway getGateway() {
            return this.gateway;
        }

        public void setGateway(Gateway gateway) {
            this.gateway = gateway;
        }

        public Map<String, String> getHeaders() {
            return this.headers;
        }

        public void setHeaders(Map<String, String> headers) {
            this.headers = headers;
        }

    }

}
