package dev.gatewaykit.sample.e2e;

import java.util.function.Supplier;

import dev.gatewaykit.stub.GatewayStub;

import org.springframework.test.context.DynamicPropertyRegistry;

/** The app's gateway configuration as a user writes it, registered as Spring properties with {@code .env} off. */
final class GatewayProperties {

    private GatewayProperties() {
    }

    /**
     * LiteLLM on two routes: embeddings through {@code internalBaseUrl} with {@code internalApiKey}, chat and code
     * through {@code baseUrl} with {@code apiKey}.
     */
    static void liteLlmRoutes(DynamicPropertyRegistry registry, Supplier<Object> internalBaseUrl,
            Supplier<Object> internalApiKey, Supplier<Object> baseUrl, Supplier<Object> apiKey) {
        registry.add("openai.dotenv.enabled", () -> "false");
        registry.add("openai.gateway", () -> "litellm");
        registry.add("openai.internal-base-url", internalBaseUrl);
        registry.add("openai.internal-api-key", internalApiKey);
        registry.add("openai.base-url", baseUrl);
        registry.add("openai.api-key", apiKey);
    }

    /** Portkey, keyless: every route through {@code gateway}, authenticated by {@code portkeyApiKey}. */
    static void portkey(DynamicPropertyRegistry registry, GatewayStub gateway, String portkeyApiKey) {
        registry.add("openai.dotenv.enabled", () -> "false");
        registry.add("openai.base-url", gateway::baseUrl);
        registry.add("openai.portkey.api-key", () -> portkeyApiKey);
        // The stub's Portkey mode is Portkey cloud, served from a local URL.
        registry.add("openai.portkey.product", () -> "cloud");
    }

}
