package dev.gatewaykit.stub.endpoints;

import java.util.List;

/** Models the stub serves; an entry ending in {@code *} (LiteLLM wildcard route, e.g. {@code openai/*}) matches by prefix. */
public final class ModelCatalog {

    /** Models served unless configured otherwise. */
    public static final List<String> DEFAULT_MODELS = List.of("gpt-4o-mini", "gpt-4o", "gpt-4.1-mini", "gpt-4.1",
            "o4-mini", "gpt-3.5-turbo-instruct", "text-embedding-3-small", "text-embedding-3-large", "openai/*");

    private final List<String> models;

    /** A catalog of these model ids or wildcard patterns. */
    public ModelCatalog(List<String> models) {
        this.models = List.copyOf(models);
    }

    /** The configured ids and patterns, in order. */
    public List<String> models() {
        return models;
    }

    /** Whether {@code model} is served. */
    public boolean known(String model) {
        for (String m : models) {
            if (m.equals(model) || (m.endsWith("*") && model.startsWith(m.substring(0, m.length() - 1))
                    && model.length() >= m.length())) {
                return true;
            }
        }
        return false;
    }
}
