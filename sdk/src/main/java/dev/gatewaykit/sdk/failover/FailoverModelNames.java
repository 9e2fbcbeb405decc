package dev.gatewaykit.sdk.failover;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;

/**
 * Maps proxy model names to the provider's own when a call fails over: LiteLLM's {@code openai/gpt-4o-mini} and
 * Portkey's {@code @slug/gpt-4o-mini} both become {@code gpt-4o-mini}; other names are left as they are.
 */
public final class FailoverModelNames {

    private static final String OPENAI_PREFIX = "openai/";

    // Exact decimals: a rewritten body must carry the caller's numbers (temperature, top_p) unchanged.
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            .build();

    private FailoverModelNames() {
    }

    /** The provider's name for {@code model}. */
    public static String forProvider(String model) {
        if (model.regionMatches(true, 0, OPENAI_PREFIX, 0, OPENAI_PREFIX.length())
                && model.length() > OPENAI_PREFIX.length()) {
            return model.substring(OPENAI_PREFIX.length());
        }
        int slash = model.indexOf('/');
        if (model.startsWith("@") && slash > 1 && slash < model.length() - 1) {
            return model.substring(slash + 1);
        }
        return model;
    }

    /**
     * A JSON request body with its top-level {@code model} mapped, or {@code body} itself when there is nothing to
     * map (no object, no string model, a name that needs no mapping, or not JSON at all).
     */
    static byte[] mapBody(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            return body;
        }
        if (!(root instanceof ObjectNode object) || !object.path("model").isTextual()) {
            return body;
        }
        String model = object.get("model").asText();
        String mapped = forProvider(model);
        if (mapped.equals(model)) {
            return body;
        }
        object.put("model", mapped);
        try {
            return JSON.writeValueAsBytes(object);
        } catch (IOException e) {
            return body;
        }
    }
}
