package dev.gatewaykit.stub.endpoints;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaykit.stub.http.StubError;

/** Reads request fields with OpenAI-style 400 messages naming the parameter and the type found. */
public final class Fields {

    private Fields() {
    }

    /** The required string {@code model}. */
    public static String model(ObjectNode body) {
        JsonNode m = body.get("model");
        if (m == null || m.isNull()) {
            throw StubError.invalidRequest("model", "you must provide a model parameter");
        }
        if (!m.isTextual()) {
            throw wrongType("model", "a string", m);
        }
        if (m.asText().isBlank()) {
            throw StubError.invalidRequest("model", "Invalid 'model': empty string. Expected a model name.");
        }
        return m.asText();
    }

    /** A required field, present and not null. */
    public static JsonNode required(ObjectNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            throw StubError.invalidRequest(field, "Missing required parameter: '" + field + "'.");
        }
        return v;
    }

    /** An optional boolean. */
    public static boolean bool(ObjectNode body, String field, boolean fallback) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isBoolean()) {
            throw wrongType(field, "a boolean", v);
        }
        return v.asBoolean();
    }

    /** An optional integer within {@code min..max}; {@code null} when absent. */
    public static Integer integer(ObjectNode body, String field, int min, int max) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber()) {
            throw wrongType(field, "an integer", v);
        }
        if (!v.canConvertToInt() || v.asInt() < min || v.asInt() > max) {
            throw StubError.invalidRequest(field, "Invalid '" + field + "': expected a value between " + min + " and "
                    + max + ", but got " + abbreviate(v.asText()) + " instead.");
        }
        return v.asInt();
    }

    /** An optional number within {@code min..max}. */
    public static void number(ObjectNode body, String field, double min, double max) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return;
        }
        if (!v.isNumber()) {
            throw wrongType(field, "a number", v);
        }
        if (v.asDouble() < min || v.asDouble() > max) {
            throw StubError.invalidRequest(field, "Invalid '" + field + "': expected a value between " + min + " and "
                    + max + ", but got " + v.asDouble() + " instead.");
        }
    }

    /** An optional string. */
    public static String string(ObjectNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw wrongType(field, "a string", v);
        }
        return v.asText();
    }

    /** Whether {@code stream_options.include_usage} is true (validating the types). */
    public static boolean includeUsage(ObjectNode body) {
        JsonNode options = body.get("stream_options");
        if (options == null || options.isNull()) {
            return false;
        }
        if (!options.isObject()) {
            throw wrongType("stream_options", "an object", options);
        }
        return bool((ObjectNode) options, "include_usage", false);
    }

    /** 400 for a field of the wrong JSON type. */
    public static StubError wrongType(String field, String expected, JsonNode actual) {
        return StubError.invalidRequest(field, "Invalid type for '" + field + "': expected " + expected + ", but got "
                + describe(actual) + " instead.");
    }

    private static String describe(JsonNode node) {
        if (node.isTextual()) {
            return "a string";
        }
        if (node.isIntegralNumber()) {
            return "an integer";
        }
        if (node.isNumber()) {
            return "a decimal";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        if (node.isArray()) {
            return "an array";
        }
        if (node.isObject()) {
            return "an object";
        }
        return "null";
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
