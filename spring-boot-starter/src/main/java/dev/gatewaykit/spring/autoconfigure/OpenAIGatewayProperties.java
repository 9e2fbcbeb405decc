package dev.gatewaykit.spring.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code openai.*} properties the starter reads itself: where the {@code .env} files are, whether to record
 * metrics, and the named credentials.
 * <p>
 * The route settings ({@code openai.base-url}, {@code openai.llm.model}, ...) are not bound here: the sdk reads
 * them from the Spring environment as one settings layer and resolves, checks and reports them itself. Their IDE
 * metadata is generated from the sdk's settings table at build time, and {@code /actuator/gateway} shows the values
 * they resolved to.
 */
@ConfigurationProperties(prefix = "openai")
public class OpenAIGatewayProperties {

    /** Where the .env and .env.default files are read from; they rank below every Spring property source. */
    private final Dotenv dotenv = new Dotenv();

    /** Gateway call metrics (Micrometer), recorded when a MeterRegistry bean exists. */
    private final Metrics metrics = new Metrics();

    /**
     * Named credentials, each with its own base URL and key, for clients per (credential, role) beside the role
     * clients, e.g. openai.credentials.billing.base-url.
     */
    private final Map<String, Credential> credentials = new LinkedHashMap<>();

    public Dotenv getDotenv() {
        return this.dotenv;
    }

    public Metrics getMetrics() {
        return this.metrics;
    }

    public Map<String, Credential> getCredentials() {
        return this.credentials;
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

        /**
         * Gateway in front of this credential's base URL: auto (default, detected from the host), openai, litellm,
         * portkey or generic.
         */
        private String gateway;

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

        public String getGateway() {
            return this.gateway;
        }

        public void setGateway(String gateway) {
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
