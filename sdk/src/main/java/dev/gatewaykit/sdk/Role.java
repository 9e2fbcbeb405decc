package dev.gatewaykit.sdk;

import java.util.Locale;

/** The three kinds of traffic a backend sends, each routed and keyed on its own. */
public enum Role {
    /** Internal route: embeddings, store search and utility calls (Embeddings API, float encoding). */
    EMBEDDINGS,
    /** Public route: Chat Completions, plain and streaming. */
    LLM,
    /** Public route: code generation through the Responses API, plain and streaming. */
    CODEX;

    /** The name used inside environment variables, e.g. {@code EMBEDDINGS} in {@code OPENAI_EMBEDDINGS_BASE_URL}. */
    public String envName() {
        return name();
    }

    /** The name used inside property names, e.g. {@code embeddings} in {@code openai.embeddings.base-url}. */
    public String propertyName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
