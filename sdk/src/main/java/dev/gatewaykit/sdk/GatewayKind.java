package dev.gatewaykit.sdk;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of OpenAI-compatible endpoint the product knows; {@code auto} is an absent explicit kind. */
public enum GatewayKind {
    /** OpenAI itself ({@code api.openai.com}). */
    OPENAI,
    /** A LiteLLM proxy. */
    LITELLM,
    /** Portkey, cloud ({@code api.portkey.ai}) or the open-source gateway. */
    PORTKEY,
    /** Any other OpenAI-compatible server. */
    GENERIC;

    /** The lower-case id used in settings, e.g. {@code litellm}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind for an id (case-insensitive, trimmed); empty for {@code auto}, blank or unknown ids. */
    public static Optional<GatewayKind> fromId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String wanted = id.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.id().equals(wanted)).findFirst();
    }
}
