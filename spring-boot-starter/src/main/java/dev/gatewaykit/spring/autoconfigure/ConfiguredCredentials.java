package dev.gatewaykit.spring.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.gatewaykit.sdk.credentials.Credential;

/**
 * Adapts {@code openai.credentials.<name>.*} to the sdk's {@link Credential}s. Blank values count as unset, as
 * everywhere else; validation (the gateway id included) and the key rule are the sdk's, applied when the credential clients are built.
 */
final class ConfiguredCredentials {

    private ConfiguredCredentials() {
    }

    static Map<String, Credential> from(Map<String, OpenAIGatewayProperties.Credential> configured) {
        Map<String, Credential> credentials = new LinkedHashMap<>();
        for (Map.Entry<String, OpenAIGatewayProperties.Credential> entry : configured.entrySet()) {
            credentials.put(entry.getKey(), credential(entry.getKey(), entry.getValue()));
        }
        return credentials;
    }

    private static Credential credential(String name, OpenAIGatewayProperties.Credential properties) {
        return Credential.builder()
            .name(name)
            .baseUrl(valueOrNull(properties.getBaseUrl()))
            .apiKey(valueOrNull(properties.getApiKey()))
            .gateway(valueOrNull(properties.getGateway()))
            .headers(properties.getHeaders())
            .build();
    }

    private static String valueOrNull(String value) {
        return (value == null || value.isBlank()) ? null : value.trim();
    }

}
