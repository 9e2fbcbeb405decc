package dev.gatewaykit.sdk;

import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Which of Portkey's two products a Portkey route talks to. They accept different requests: the cloud
 * ({@code api.portkey.ai}) checks {@code x-portkey-api-key} and knows Model Catalog slugs ({@code @slug/model}),
 * virtual keys and saved config ids ({@code pc-…}); the self-hosted open-source gateway checks no Portkey key and
 * needs {@code x-portkey-provider} or a JSON {@code x-portkey-config} naming the provider.
 */
public enum PortkeyProduct {
    /** Portkey's hosted gateway at {@code api.portkey.ai}. */
    CLOUD("cloud"),
    /** The open-source gateway ({@code @portkey-ai/gateway}) run by the team itself. */
    SELF_HOSTED("self-hosted");

    private static final String CLOUD_HOST = "api.portkey.ai";

    private final String id;

    PortkeyProduct(String id) {
        this.id = id;
    }

    /** The id used in settings: {@code cloud} or {@code self-hosted}. */
    public String id() {
        return id;
    }

    /** The product for an id (case-insensitive, trimmed); empty for blank or unknown ids. */
    public static Optional<PortkeyProduct> fromId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String wanted = id.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.id.equals(wanted)).findFirst();
    }

    /** The product a base URL implies when none is set: the cloud for {@code api.portkey.ai}, else self-hosted. */
    public static PortkeyProduct forBaseUrl(URI baseUrl) {
        String host = baseUrl == null ? null : baseUrl.getHost();
        return host != null && host.equalsIgnoreCase(CLOUD_HOST) ? CLOUD : SELF_HOSTED;
    }
}
