package dev.gatewaykit.sample.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.core.JsonValue;

/**
 * JSON schemas written as JSON, for {@code response_format} and function parameters, and the strict reader that
 * turns the model's JSON into a record.
 * <p>
 * Why not openai-java's class-based schemas ({@code responseFormat(Class)}, {@code addTool(Class)})? They need
 * victools jsonschema-generator 4.x, and Spring AI 2.0 (on this app's class path for {@code ChatClient}) brings 5.x
 * under the same coordinates: with both, the class-based calls fail with {@code NoSuchMethodError}.
 */
public final class JsonSchemas {

    // Every record component must be present and non-null, unknown fields are refused: the schemas are strict.
    private static final ObjectMapper STRICT = new ObjectMapper()
        .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private JsonSchemas() {
    }

    /**
     * A schema's top-level keywords as openai-java's additional properties.
     * @param schemaJson the schema as JSON text
     * @return keyword to value, in the text's order
     */
    public static Map<String, JsonValue> keywords(String schemaJson) {
        JsonNode schema;
        try {
            schema = STRICT.readTree(schemaJson);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Not a JSON schema: " + schemaJson, ex);
        }
        Map<String, JsonValue> keywords = new LinkedHashMap<>();
        schema.properties().forEach((entry) -> keywords.put(entry.getKey(), JsonValue.fromJsonNode(entry.getValue())));
        return keywords;
    }

    /**
     * Reads the model's JSON into a record.
     * @param <T> the record type
     * @param json the JSON text
     * @param type the record class
     * @return the record
     * @throws JsonProcessingException when the JSON is malformed or does not fit the record
     */
    public static <T> T read(String json, Class<T> type) throws JsonProcessingException {
        return STRICT.readValue(json, type);
    }

}
