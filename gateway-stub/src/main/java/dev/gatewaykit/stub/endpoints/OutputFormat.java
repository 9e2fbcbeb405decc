package dev.gatewaykit.stub.endpoints;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaykit.stub.http.StubError;
import dev.gatewaykit.stub.schema.SchemaException;
import dev.gatewaykit.stub.schema.SchemaSynthesizer;
import dev.gatewaykit.stub.schema.StrictSchemaCheck;

import java.util.Optional;

/**
 * The output format a request asks for: chat {@code response_format}, or Responses {@code text.format}. A JSON
 * schema format is checked when read: strict rules when {@code strict} is true, and satisfiability (a value is
 * synthesized once), so a bad schema is a 400 before anything is served.
 *
 * @param kind      text, any JSON object, or JSON valid against {@link #schema}
 * @param name      the schema's name ({@code json_schema} only)
 * @param schema    the schema ({@code json_schema} only)
 * @param example   the synthesized value ({@code json_schema} only)
 * @param subject   how errors and reports name it: {@code response_format 'x'} / {@code text.format 'x'}
 */
public record OutputFormat(Kind kind, String name, JsonNode schema, JsonNode example, String subject) {

    /** Plain text. */
    public static final OutputFormat TEXT = new OutputFormat(Kind.TEXT, null, null, null, null);

    /** Format kinds. */
    public enum Kind {
        /** Free text. */
        TEXT,
        /** Any JSON object ({@code json_object}). */
        JSON_OBJECT,
        /** JSON valid against a schema ({@code json_schema}). */
        JSON_SCHEMA
    }

    /** Chat Completions {@code response_format: {type, json_schema: {name, schema, strict}}}. */
    public static OutputFormat chat(ObjectNode body) {
        JsonNode f = body.get("response_format");
        if (f == null || f.isNull()) {
            return TEXT;
        }
        if (!f.isObject()) {
            throw Fields.wrongType("response_format", "an object", f);
        }
        String type = type(f, "response_format");
        if (!"json_schema".equals(type)) {
            return simple(type, "response_format");
        }
        JsonNode js = f.get("json_schema");
        if (js == null || !js.isObject()) {
            throw StubError.invalidRequest("response_format.json_schema",
                    "Missing required parameter: 'response_format.json_schema'.");
        }
        return schema(js, "response_format.json_schema", "response_format", null);
    }

    /** Responses {@code text: {format: {type, name, schema, strict}}}. */
    public static OutputFormat responses(ObjectNode body) {
        JsonNode text = body.get("text");
        if (text == null || text.isNull()) {
            return TEXT;
        }
        if (!text.isObject()) {
            throw Fields.wrongType("text", "an object", text);
        }
        JsonNode f = text.get("format");
        if (f == null || f.isNull()) {
            return TEXT;
        }
        if (!f.isObject()) {
            throw Fields.wrongType("text.format", "an object", f);
        }
        String type = type(f, "text.format");
        if (!"json_schema".equals(type)) {
            return simple(type, "text.format");
        }
        return schema(f, "text.format", "text.format.schema", "invalid_json_schema");
    }

    private static String type(JsonNode f, String where) {
        JsonNode t = f.get("type");
        if (t == null || !t.isTextual()) {
            throw StubError.invalidRequest(where + ".type", "Missing required parameter: '" + where + ".type'.");
        }
        return t.asText();
    }

    private static OutputFormat simple(String type, String where) {
        return switch (type) {
            case "text" -> TEXT;
            case "json_object" -> new OutputFormat(Kind.JSON_OBJECT, null, null, null, where);
            default -> throw StubError.invalidRequest(where + ".type", "Invalid value: '" + cut(type)
                    + "'. Supported values are: 'text', 'json_object', and 'json_schema'.");
        };
    }

    private static OutputFormat schema(JsonNode js, String where, String errorParam, String errorCode) {
        JsonNode name = js.get("name");
        if (name == null || !name.isTextual() || name.asText().isBlank()) {
            throw StubError.invalidRequest(where + ".name", "Missing required parameter: '" + where + ".name'.");
        }
        JsonNode schema = js.get("schema");
        if (schema == null || schema.isNull()) {
            throw StubError.invalidRequest(where + ".schema", "Missing required parameter: '" + where + ".schema'.");
        }
        if (!schema.isObject()) {
            throw Fields.wrongType(where + ".schema", "an object", schema);
        }
        String label = "response_format '" + name.asText() + "'";
        if (js.path("strict").asBoolean(false)) {
            Optional<String> violation = StrictSchemaCheck.violation(schema);
            if (violation.isPresent()) {
                throw invalidSchema(label, violation.get(), errorParam, errorCode);
            }
        }
        JsonNode example;
        try {
            example = SchemaSynthesizer.synthesize(schema);
        } catch (SchemaException e) {
            throw invalidSchema(label, e.getMessage() + " No value can satisfy this schema.", errorParam, errorCode);
        }
        return new OutputFormat(Kind.JSON_SCHEMA, name.asText(), schema, example,
                (where.startsWith("text") ? "text.format '" : "response_format '") + name.asText() + "'");
    }

    private static StubError invalidSchema(String label, String why, String param, String code) {
        return new StubError(StubError.Kind.INVALID_REQUEST, 400, "invalid_request_error", param, code,
                "Invalid schema for " + label + ": " + why);
    }

    private static String cut(String s) {
        return s.length() > 100 ? s.substring(0, 100) + "..." : s;
    }
}
