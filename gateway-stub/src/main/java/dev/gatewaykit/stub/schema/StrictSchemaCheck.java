package dev.gatewaykit.stub.schema;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;

/**
 * The rules OpenAI applies to a schema sent with {@code strict: true}: the root is an object, and every object
 * lists all its properties in {@code required} and sets {@code additionalProperties: false}. The violation text is
 * worded as OpenAI words it ({@code In context=('properties', 'x'), ...}).
 */
public final class StrictSchemaCheck {

    private StrictSchemaCheck() {
    }

    /** The first rule {@code schema} breaks, if any. */
    public static Optional<String> violation(JsonNode schema) {
        if (!schema.isObject() || !"object".equals(schema.path("type").asText())) {
            return Optional.of("schema must be a JSON Schema of 'type: \"object\"', got 'type: \""
                    + schema.path("type").asText("None") + "\"'.");
        }
        return walk(schema, SchemaPath.ROOT, 0);
    }

    private static Optional<String> walk(JsonNode s, SchemaPath path, int depth) {
        if (!s.isObject() || depth > 64) {
            return Optional.empty();
        }
        boolean isObject = "object".equals(s.path("type").asText()) || s.has("properties");
        if (isObject) {
            JsonNode additional = s.get("additionalProperties");
            if (additional == null || !additional.isBoolean() || additional.booleanValue()) {
                return Optional.of("In context=" + path + ", 'additionalProperties' is required to be supplied and to be false.");
            }
            Set<String> required = new HashSet<>();
            s.path("required").forEach(r -> required.add(r.asText()));
            Iterator<String> names = s.path("properties").fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!required.contains(name)) {
                    return Optional.of("In context=" + path + ", 'required' is required to be supplied and to be an "
                            + "array including every key in properties. Missing '" + name + "'.");
                }
            }
        }
        Iterator<String> props = s.path("properties").fieldNames();
        while (props.hasNext()) {
            String name = props.next();
            Optional<String> v = walk(s.get("properties").get(name), path.then("properties", name), depth + 1);
            if (v.isPresent()) {
                return v;
            }
        }
        if (s.has("items")) {
            Optional<String> v = walk(s.get("items"), path.then("items"), depth + 1);
            if (v.isPresent()) {
                return v;
            }
        }
        for (String union : new String[] {"anyOf", "allOf", "oneOf"}) {
            JsonNode branches = s.path(union);
            for (int i = 0; i < branches.size(); i++) {
                Optional<String> v = walk(branches.get(i), path.then(union, String.valueOf(i)), depth + 1);
                if (v.isPresent()) {
                    return v;
                }
            }
        }
        for (String defs : new String[] {"$defs", "definitions"}) {
            Iterator<String> names = s.path(defs).fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                Optional<String> v = walk(s.get(defs).get(name), path.then(defs, name), depth + 1);
                if (v.isPresent()) {
                    return v;
                }
            }
        }
        return Optional.empty();
    }
}
