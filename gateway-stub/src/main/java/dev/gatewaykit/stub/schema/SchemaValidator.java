package dev.gatewaykit.stub.schema;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks a JSON value against a JSON schema, for the keywords the synthesizer understands: {@code type},
 * {@code enum}, {@code const}, {@code properties}, {@code required}, {@code additionalProperties}, min/max
 * properties, items, length, numeric bounds, {@code multipleOf}, {@code pattern}, {@code uniqueItems},
 * {@code anyOf}/{@code oneOf}/{@code allOf} and local {@code $ref}s. Formats are not checked.
 */
public final class SchemaValidator {

    private static final int MAX_ERRORS = 20;
    private static final int MAX_DEPTH = 128;

    private final JsonNode root;
    private final List<String> errors = new ArrayList<>();

    private SchemaValidator(JsonNode root) {
        this.root = root;
    }

    /** Problems with {@code value} under {@code schema}, each as {@code $.path: what is wrong}; empty when valid. */
    public static List<String> validate(JsonNode value, JsonNode schema) {
        SchemaValidator v = new SchemaValidator(schema);
        v.check(value, schema, "$", 0);
        return List.copyOf(v.errors);
    }

    private boolean check(JsonNode value, JsonNode schema, String at, int depth) {
        int before = errors.size();
        if (depth > MAX_DEPTH || errors.size() >= MAX_ERRORS || schema == null || !schema.isObject()) {
            if (schema != null && schema.isBoolean() && !schema.booleanValue()) {
                fail(at, "no value is allowed here");
            }
            return errors.size() == before;
        }
        if (schema.has("$ref")) {
            JsonNode target;
            try {
                target = SchemaRefs.resolve(root, schema, SchemaPath.ROOT);
            } catch (SchemaException e) {
                fail(at, e.getMessage());
                return false;
            }
            return check(value, target, at, depth + 1);
        }
        if (schema.has("const") && !schema.get("const").equals(value)) {
            fail(at, "expected the constant " + schema.get("const") + ", got " + brief(value));
        }
        if (schema.path("enum").isArray()) {
            boolean found = false;
            for (JsonNode e : schema.get("enum")) {
                found |= e.equals(value) || (e.isNumber() && value.isNumber() && e.decimalValue().compareTo(value.decimalValue()) == 0);
            }
            if (!found) {
                fail(at, "expected one of " + schema.get("enum") + ", got " + brief(value));
            }
        }
        unions(value, schema, at, depth);
        JsonNode type = schema.get("type");
        if (type != null && !typeMatches(value, type)) {
            fail(at, "expected type " + type + ", got " + kind(value));
            return false;
        }
        if (value.isObject()) {
            object(value, schema, at, depth);
        } else if (value.isArray()) {
            array(value, schema, at, depth);
        } else if (value.isTextual()) {
            string(value.asText(), schema, at);
        } else if (value.isNumber()) {
            number(value, schema, at);
        }
        return errors.size() == before;
    }

    private void unions(JsonNode value, JsonNode schema, String at, int depth) {
        if (schema.path("allOf").isArray()) {
            for (JsonNode s : schema.get("allOf")) {
                check(value, s, at, depth + 1);
            }
        }
        for (String union : List.of("anyOf", "oneOf")) {
            if (!schema.path(union).isArray()) {
                continue;
            }
            int matching = 0;
            for (JsonNode s : schema.get(union)) {
                if (quietly(value, s, at, depth)) {
                    matching++;
                }
            }
            if (matching == 0) {
                fail(at, "matches no branch of '" + union + "'");
            } else if ("oneOf".equals(union) && matching > 1) {
                fail(at, "matches " + matching + " branches of 'oneOf', expected exactly one");
            }
        }
    }

    private boolean quietly(JsonNode value, JsonNode schema, String at, int depth) {
        int before = errors.size();
        boolean ok = check(value, schema, at, depth + 1);
        while (errors.size() > before) {
            errors.remove(errors.size() - 1);
        }
        return ok;
    }

    private void object(JsonNode value, JsonNode schema, String at, int depth) {
        JsonNode properties = schema.path("properties");
        if (schema.path("required").isArray()) {
            for (JsonNode r : schema.get("required")) {
                if (!value.has(r.asText())) {
                    fail(at, "required property '" + r.asText() + "' is missing");
                }
            }
        }
        JsonNode additional = schema.get("additionalProperties");
        Iterator<String> names = value.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            String child = at + "." + name;
            if (properties.has(name)) {
                check(value.get(name), properties.get(name), child, depth + 1);
            } else if (additional != null && additional.isBoolean() && !additional.booleanValue()) {
                fail(child, "property is not allowed (additionalProperties is false)");
            } else if (additional != null && additional.isObject()) {
                check(value.get(name), additional, child, depth + 1);
            }
        }
        if (schema.has("minProperties") && value.size() < schema.get("minProperties").asInt()) {
            fail(at, "has " + value.size() + " properties, minProperties is " + schema.get("minProperties").asInt());
        }
        if (schema.has("maxProperties") && value.size() > schema.get("maxProperties").asInt()) {
            fail(at, "has " + value.size() + " properties, maxProperties is " + schema.get("maxProperties").asInt());
        }
    }

    private void array(JsonNode value, JsonNode schema, String at, int depth) {
        if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) {
            fail(at, "has " + value.size() + " items, minItems is " + schema.get("minItems").asInt());
        }
        if (schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
            fail(at, "has " + value.size() + " items, maxItems is " + schema.get("maxItems").asInt());
        }
        JsonNode prefix = schema.path("prefixItems");
        JsonNode items = schema.get("items");
        for (int i = 0; i < value.size(); i++) {
            JsonNode s = prefix.isArray() && i < prefix.size() ? prefix.get(i) : items;
            if (s != null) {
                check(value.get(i), s, at + "[" + i + "]", depth + 1);
            }
        }
        if (schema.path("uniqueItems").asBoolean(false)) {
            Set<JsonNode> seen = new HashSet<>();
            for (JsonNode item : value) {
                if (!seen.add(item)) {
                    fail(at, "items are not unique (" + brief(item) + " repeats)");
                    break;
                }
            }
        }
    }

    private void string(String text, JsonNode schema, String at) {
        int length = text.codePointCount(0, text.length());
        if (schema.has("minLength") && length < schema.get("minLength").asInt()) {
            fail(at, "is " + length + " characters long, minLength is " + schema.get("minLength").asInt());
        }
        if (schema.has("maxLength") && length > schema.get("maxLength").asInt()) {
            fail(at, "is " + length + " characters long, maxLength is " + schema.get("maxLength").asInt());
        }
        if (schema.path("pattern").isTextual()) {
            try {
                if (!Pattern.compile(schema.get("pattern").asText()).matcher(text).find()) {
                    fail(at, "does not match the pattern " + schema.get("pattern").asText());
                }
            } catch (PatternSyntaxException e) {
                fail(at, "the schema's pattern is not a valid regular expression");
            }
        }
    }

    private void number(JsonNode value, JsonNode schema, String at) {
        var v = value.decimalValue();
        if (schema.path("minimum").isNumber() && v.compareTo(schema.get("minimum").decimalValue()) < 0) {
            fail(at, value + " is less than the minimum " + schema.get("minimum"));
        }
        if (schema.path("maximum").isNumber() && v.compareTo(schema.get("maximum").decimalValue()) > 0) {
            fail(at, value + " is greater than the maximum " + schema.get("maximum"));
        }
        if (schema.path("exclusiveMinimum").isNumber() && v.compareTo(schema.get("exclusiveMinimum").decimalValue()) <= 0) {
            fail(at, value + " is not greater than the exclusiveMinimum " + schema.get("exclusiveMinimum"));
        }
        if (schema.path("exclusiveMaximum").isNumber() && v.compareTo(schema.get("exclusiveMaximum").decimalValue()) >= 0) {
            fail(at, value + " is not less than the exclusiveMaximum " + schema.get("exclusiveMaximum"));
        }
        if (schema.path("multipleOf").isNumber() && schema.get("multipleOf").decimalValue().signum() > 0
                && v.remainder(schema.get("multipleOf").decimalValue()).signum() != 0) {
            fail(at, value + " is not a multiple of " + schema.get("multipleOf"));
        }
    }

    private static boolean typeMatches(JsonNode value, JsonNode type) {
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (typeMatches(value, t)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.asText()) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber()
                    || (value.isNumber() && value.decimalValue().stripTrailingZeros().scale() <= 0);
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> false;
        };
    }

    private static String kind(JsonNode value) {
        if (value.isIntegralNumber()) {
            return "integer";
        }
        return value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String brief(JsonNode value) {
        String s = value.toString();
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }

    private void fail(String at, String message) {
        if (errors.size() < MAX_ERRORS) {
            errors.add(at + ": " + message);
        }
    }
}
