package dev.gatewaykit.stub.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Makes one deterministic JSON value that validates against a JSON schema: the first {@code enum} value or the
 * {@code const}, strings named after their property and stretched or cut to the length bounds, the smallest number
 * the bounds allow (or 1), {@code true}, arrays of {@code minItems} items (1 if unset), objects with every declared
 * property, {@code anyOf}/{@code oneOf} from their first satisfiable branch, local {@code $ref}s. Past a nesting
 * depth, optional parts are left out so recursive schemas end. A schema no value satisfies (e.g. {@code minItems} &gt;
 * {@code maxItems}) raises a {@link SchemaException} saying where and why.
 */
public final class SchemaSynthesizer {

    /** Depth after which optional properties, array items beyond minItems and nullable branches shrink the value. */
    private static final int SHRINK_DEPTH = 6;
    /** Depth at which a schema is treated as endlessly recursive. */
    private static final int MAX_DEPTH = 64;
    /** Most values in one synthesized document, so a schema such as {@code minItems: 1e9} cannot exhaust memory. */
    public static final int MAX_VALUES = 10_000;
    /** Longest synthesized string. */
    public static final int MAX_STRING = 100_000;
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(false);

    private final JsonNode root;
    private int values;

    private SchemaSynthesizer(JsonNode root) {
        this.root = root;
    }

    /**
     * A value valid against {@code schema}.
     *
     * @throws SchemaException when no value can satisfy the schema or it cannot be read
     */
    public static JsonNode synthesize(JsonNode schema) {
        SchemaSynthesizer s = new SchemaSynthesizer(schema);
        return s.value(schema, SchemaPath.ROOT, null, 0);
    }

    private JsonNode value(JsonNode schema, SchemaPath path, String hint, int depth) {
        if (depth > MAX_DEPTH) {
            throw new SchemaException(path.toString(), "the schema recurses without an end (no optional branch)");
        }
        if (++values > MAX_VALUES) {
            throw new SchemaException(path.toString(), "the smallest valid value has more than " + MAX_VALUES
                    + " parts, beyond the stub's limit");
        }
        if (schema == null || schema.isMissingNode() || (schema.isBoolean() && schema.booleanValue())) {
            return NODES.textNode(hint == null ? "text" : hint);
        }
        if (schema.isBoolean()) {
            throw new SchemaException(path.toString(), "the schema 'false' accepts no value");
        }
        if (!schema.isObject()) {
            throw new SchemaException(path.toString(), "a schema must be an object, got " + schema.getNodeType());
        }
        if (schema.has("$ref")) {
            return value(SchemaRefs.resolve(root, schema, path), path, hint, depth + 1);
        }
        if (schema.has("const")) {
            return schema.get("const");
        }
        if (schema.has("enum")) {
            JsonNode values = schema.get("enum");
            if (!values.isArray() || values.isEmpty()) {
                throw new SchemaException(path.toString(), "'enum' must be a non-empty array");
            }
            return values.get(0);
        }
        for (String union : List.of("anyOf", "oneOf")) {
            if (schema.has(union)) {
                return firstBranch(schema.get(union), union, path, hint, depth);
            }
        }
        if (schema.has("allOf")) {
            return value(merge(schema, path), path, hint, depth + 1);
        }
        String type = type(schema, path, depth);
        return switch (type) {
            case "object" -> object(schema, path, depth);
            case "array" -> array(schema, path, hint, depth);
            case "string" -> string(schema, path, hint);
            case "integer" -> integer(schema, path);
            case "number" -> number(schema, path);
            case "boolean" -> NODES.booleanNode(true);
            case "null" -> NODES.nullNode();
            default -> throw new SchemaException(path.toString(), "unknown type '" + type + "'");
        };
    }

    private JsonNode firstBranch(JsonNode branches, String union, SchemaPath path, String hint, int depth) {
        if (!branches.isArray() || branches.isEmpty()) {
            throw new SchemaException(path.toString(), "'" + union + "' must be a non-empty array");
        }
        List<JsonNode> order = new ArrayList<>();
        branches.forEach(order::add);
        if (depth >= SHRINK_DEPTH) {
            // Deep inside a recursive schema the null branch ends the recursion.
            order.sort((a, b) -> Boolean.compare(!isNullType(a), !isNullType(b)));
        }
        SchemaException last = null;
        for (int i = 0; i < order.size(); i++) {
            try {
                return value(order.get(i), path.then(union, String.valueOf(i)), hint, depth + 1);
            } catch (SchemaException e) {
                last = e;
            }
        }
        throw new SchemaException(path.toString(), "no branch of '" + union + "' can be satisfied ("
                + last.getMessage() + ")");
    }

    private static boolean isNullType(JsonNode s) {
        return s.isObject() && s.path("type").isTextual() && "null".equals(s.get("type").asText());
    }

    private ObjectNode merge(JsonNode schema, SchemaPath path) {
        ObjectNode merged = NODES.objectNode();
        List<JsonNode> parts = new ArrayList<>();
        schema.get("allOf").forEach(parts::add);
        ObjectNode self = ((ObjectNode) schema).deepCopy();
        self.remove("allOf");
        parts.add(self);
        ObjectNode properties = NODES.objectNode();
        Set<String> required = new LinkedHashSet<>();
        for (JsonNode part : parts) {
            JsonNode p = SchemaRefs.resolve(root, part, path);
            Iterator<Map.Entry<String, JsonNode>> fields = p.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                switch (f.getKey()) {
                    case "properties" -> properties.setAll((ObjectNode) f.getValue());
                    case "required" -> f.getValue().forEach(r -> required.add(r.asText()));
                    default -> merged.set(f.getKey(), f.getValue());
                }
            }
        }
        if (!properties.isEmpty()) {
            merged.set("properties", properties);
        }
        if (!required.isEmpty()) {
            ArrayNode r = merged.putArray("required");
            required.forEach(r::add);
        }
        return merged;
    }

    private String type(JsonNode schema, SchemaPath path, int depth) {
        JsonNode t = schema.get("type");
        if (t == null) {
            if (schema.has("properties") || schema.has("required") || schema.has("additionalProperties")) {
                return "object";
            }
            if (schema.has("items") || schema.has("prefixItems") || schema.has("minItems")) {
                return "array";
            }
            if (schema.has("minimum") || schema.has("maximum") || schema.has("multipleOf")) {
                return "number";
            }
            return "string";
        }
        if (t.isTextual()) {
            return t.asText();
        }
        if (t.isArray() && !t.isEmpty()) {
            boolean nullable = false;
            String first = null;
            for (JsonNode each : t) {
                if ("null".equals(each.asText())) {
                    nullable = true;
                } else if (first == null) {
                    first = each.asText();
                }
            }
            if (first == null || (nullable && depth >= SHRINK_DEPTH)) {
                return "null";
            }
            return first;
        }
        throw new SchemaException(path.toString(), "'type' must be a string or a non-empty array of strings");
    }

    private JsonNode object(JsonNode schema, SchemaPath path, int depth) {
        ObjectNode out = NODES.objectNode();
        JsonNode properties = schema.path("properties");
        if (!properties.isMissingNode() && !properties.isObject()) {
            throw new SchemaException(path.toString(), "'properties' must be an object");
        }
        Set<String> required = new LinkedHashSet<>();
        JsonNode req = schema.get("required");
        if (req != null) {
            if (!req.isArray()) {
                throw new SchemaException(path.toString(), "'required' must be an array of property names");
            }
            req.forEach(r -> required.add(r.asText()));
        }
        JsonNode additional = schema.get("additionalProperties");
        boolean closed = additional != null && additional.isBoolean() && !additional.booleanValue();
        Iterator<String> names = properties.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (required.contains(name) || depth < SHRINK_DEPTH) {
                out.set(name, value(properties.get(name), path.then("properties", name), name, depth + 1));
            }
        }
        for (String name : required) {
            if (out.has(name)) {
                continue;
            }
            if (closed) {
                throw new SchemaException(path.toString(), "required property '" + name
                        + "' is not in 'properties' and 'additionalProperties' is false");
            }
            out.set(name, value(additional != null && additional.isObject() ? additional : null,
                    path.then("additionalProperties"), name, depth + 1));
        }
        int min = bound(schema, "minProperties", path, 0);
        int max = bound(schema, "maxProperties", path, Integer.MAX_VALUE);
        if (required.size() > max) {
            throw new SchemaException(path.toString(), "'required' lists " + required.size()
                    + " properties but maxProperties is " + max);
        }
        if (min > max) {
            throw new SchemaException(path.toString(), "minProperties (" + min + ") is greater than maxProperties ("
                    + max + ")");
        }
        Iterator<String> optional = new ArrayList<>(toList(out.fieldNames())).iterator();
        while (out.size() > max && optional.hasNext()) {
            String name = optional.next();
            if (!required.contains(name)) {
                out.remove(name);
            }
        }
        int extra = 1;
        while (out.size() < min) {
            if (closed) {
                throw new SchemaException(path.toString(), "minProperties (" + min + ") cannot be reached: only "
                        + out.size() + " properties are allowed");
            }
            String name = "property" + extra++;
            if (!out.has(name)) {
                out.set(name, value(additional != null && additional.isObject() ? additional : null,
                        path.then("additionalProperties"), name, depth + 1));
            }
        }
        return out;
    }

    private static List<String> toList(Iterator<String> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    private JsonNode array(JsonNode schema, SchemaPath path, String hint, int depth) {
        int min = bound(schema, "minItems", path, 0);
        int max = bound(schema, "maxItems", path, Integer.MAX_VALUE);
        if (min > max) {
            throw new SchemaException(path.toString(), "minItems (" + min + ") is greater than maxItems (" + max + ")");
        }
        List<JsonNode> prefix = new ArrayList<>();
        if (schema.path("prefixItems").isArray()) {
            schema.get("prefixItems").forEach(prefix::add);
        }
        int count = Math.max(min, depth < SHRINK_DEPTH ? 1 : 0);
        count = Math.max(count, Math.min(prefix.size(), max));
        count = Math.min(count, max);
        JsonNode items = schema.get("items");
        boolean unique = schema.path("uniqueItems").asBoolean(false);
        ArrayNode out = NODES.arrayNode();
        String itemHint = hint == null ? "item" : singular(hint);
        for (int i = 0; i < count; i++) {
            JsonNode itemSchema = i < prefix.size() ? prefix.get(i) : items;
            if (itemSchema != null && itemSchema.isBoolean() && !itemSchema.booleanValue() && i >= prefix.size()) {
                throw new SchemaException(path.toString(), "minItems (" + min + ") needs more items than 'items: false' allows");
            }
            JsonNode item = value(itemSchema, path.then("items"), unique && i > 0 ? itemHint + (i + 1) : itemHint,
                    depth + 1);
            if (unique) {
                item = distinct(item, itemSchema, out, i, path);
            }
            out.add(item);
        }
        return out;
    }

    private JsonNode distinct(JsonNode item, JsonNode itemSchema, ArrayNode so, int index, SchemaPath path) {
        if (!contains(so, item)) {
            return item;
        }
        JsonNode resolved = itemSchema == null ? null : SchemaRefs.resolve(root, itemSchema, path);
        if (resolved != null && resolved.path("enum").isArray()) {
            for (JsonNode v : resolved.get("enum")) {
                if (!contains(so, v)) {
                    return v;
                }
            }
        }
        if (item.isIntegralNumber()) {
            return NODES.numberNode(item.longValue() + index);
        }
        if (item.isNumber()) {
            return NODES.numberNode(item.doubleValue() + index);
        }
        throw new SchemaException(path.toString(), "uniqueItems cannot be met with " + (index + 1) + " items");
    }

    private static boolean contains(ArrayNode array, JsonNode value) {
        for (JsonNode v : array) {
            if (v.equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static String singular(String name) {
        return name.length() > 1 && name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
    }

    private static JsonNode string(JsonNode schema, SchemaPath path, String hint) {
        int min = bound(schema, "minLength", path, 0);
        int max = bound(schema, "maxLength", path, Integer.MAX_VALUE);
        if (min > max) {
            throw new SchemaException(path.toString(), "minLength (" + min + ") is greater than maxLength (" + max + ")");
        }
        if (min > MAX_STRING) {
            throw new SchemaException(path.toString(), "minLength (" + min + ") is beyond the stub's limit of "
                    + MAX_STRING + " characters");
        }
        String format = schema.path("format").asText("");
        String text = switch (format) {
            case "date-time" -> "2025-01-01T00:00:00Z";
            case "date" -> "2025-01-01";
            case "time" -> "00:00:00";
            case "duration" -> "PT1H";
            case "email" -> "user@example.com";
            case "hostname" -> "example.com";
            case "ipv4" -> "192.0.2.1";
            case "ipv6" -> "2001:db8::1";
            case "uri", "url" -> "https://example.com/";
            case "uuid" -> "00000000-0000-4000-8000-000000000000";
            default -> hint == null ? "text" : hint;
        };
        StringBuilder sb = new StringBuilder(text);
        while (sb.codePointCount(0, sb.length()) < min) {
            sb.append('x');
        }
        String out = sb.toString();
        if (out.codePointCount(0, out.length()) > max) {
            out = out.substring(0, out.offsetByCodePoints(0, max));
        }
        return NODES.textNode(out);
    }

    private static JsonNode integer(JsonNode schema, SchemaPath path) {
        BigDecimal lo = lower(schema, path, true);
        BigDecimal hi = upper(schema, path, true);
        BigDecimal step = schema.has("multipleOf") ? schema.get("multipleOf").decimalValue() : BigDecimal.ONE;
        if (step.signum() <= 0) {
            throw new SchemaException(path.toString(), "'multipleOf' must be greater than 0");
        }
        BigDecimal candidate = BigDecimal.ONE;
        if (lo != null && candidate.compareTo(lo) < 0) {
            candidate = lo;
        }
        if (hi != null && candidate.compareTo(hi) > 0) {
            candidate = hi;
        }
        candidate = multipleAtLeast(candidate, step, lo);
        if ((hi != null && candidate.compareTo(hi) > 0) || (lo != null && candidate.compareTo(lo) < 0)
                || candidate.stripTrailingZeros().scale() > 0) {
            throw new SchemaException(path.toString(), "no integer lies within the bounds " + describe(schema));
        }
        return NODES.numberNode(candidate.toBigInteger().longValue());
    }

    private static JsonNode number(JsonNode schema, SchemaPath path) {
        BigDecimal lo = lower(schema, path, false);
        BigDecimal hi = upper(schema, path, false);
        boolean exclusiveLo = schema.has("exclusiveMinimum") && schema.get("exclusiveMinimum").isNumber();
        boolean exclusiveHi = schema.has("exclusiveMaximum") && schema.get("exclusiveMaximum").isNumber();
        BigDecimal candidate = BigDecimal.ONE;
        if (lo != null && (candidate.compareTo(lo) < 0 || (exclusiveLo && candidate.compareTo(lo) == 0))) {
            candidate = exclusiveLo ? (hi != null ? lo.add(hi).divide(BigDecimal.valueOf(2)) : lo.add(BigDecimal.ONE)) : lo;
        }
        if (hi != null && (candidate.compareTo(hi) > 0 || (exclusiveHi && candidate.compareTo(hi) == 0))) {
            candidate = exclusiveHi ? (lo != null ? lo.add(hi).divide(BigDecimal.valueOf(2)) : hi.subtract(BigDecimal.ONE)) : hi;
        }
        if (schema.has("multipleOf")) {
            BigDecimal step = schema.get("multipleOf").decimalValue();
            if (step.signum() <= 0) {
                throw new SchemaException(path.toString(), "'multipleOf' must be greater than 0");
            }
            candidate = multipleAtLeast(candidate, step, lo);
        }
        boolean belowLo = lo != null && (candidate.compareTo(lo) < 0 || (exclusiveLo && candidate.compareTo(lo) == 0));
        boolean aboveHi = hi != null && (candidate.compareTo(hi) > 0 || (exclusiveHi && candidate.compareTo(hi) == 0));
        if (belowLo || aboveHi) {
            throw new SchemaException(path.toString(), "no number lies within the bounds " + describe(schema));
        }
        return NODES.numberNode(candidate.doubleValue());
    }

    private static BigDecimal multipleAtLeast(BigDecimal candidate, BigDecimal step, BigDecimal lo) {
        BigDecimal[] div = candidate.divideAndRemainder(step);
        if (div[1].signum() == 0) {
            return candidate;
        }
        BigDecimal down = div[0].multiply(step);
        BigDecimal up = down.add(step);
        return lo != null && down.compareTo(lo) < 0 ? up : (candidate.signum() < 0 ? down : up);
    }

    private static BigDecimal lower(JsonNode schema, SchemaPath path, boolean integer) {
        BigDecimal lo = null;
        if (schema.has("minimum")) {
            lo = decimal(schema, "minimum", path);
            if (integer) {
                lo = lo.setScale(0, java.math.RoundingMode.CEILING);
            }
        }
        if (schema.has("exclusiveMinimum") && schema.get("exclusiveMinimum").isNumber()) {
            BigDecimal ex = decimal(schema, "exclusiveMinimum", path);
            if (integer) {
                ex = ex.setScale(0, java.math.RoundingMode.FLOOR).add(BigDecimal.ONE);
            }
            lo = lo == null || ex.compareTo(lo) > 0 ? ex : lo;
        }
        return lo;
    }

    private static BigDecimal upper(JsonNode schema, SchemaPath path, boolean integer) {
        BigDecimal hi = null;
        if (schema.has("maximum")) {
            hi = decimal(schema, "maximum", path);
            if (integer) {
                hi = hi.setScale(0, java.math.RoundingMode.FLOOR);
            }
        }
        if (schema.has("exclusiveMaximum") && schema.get("exclusiveMaximum").isNumber()) {
            BigDecimal ex = decimal(schema, "exclusiveMaximum", path);
            if (integer) {
                ex = ex.setScale(0, java.math.RoundingMode.CEILING).subtract(BigDecimal.ONE);
            }
            hi = hi == null || ex.compareTo(hi) < 0 ? ex : hi;
        }
        return hi;
    }

    private static BigDecimal decimal(JsonNode schema, String field, SchemaPath path) {
        JsonNode v = schema.get(field);
        if (!v.isNumber()) {
            throw new SchemaException(path.toString(), "'" + field + "' must be a number");
        }
        return v.decimalValue();
    }

    private static String describe(JsonNode schema) {
        StringBuilder sb = new StringBuilder();
        for (String k : List.of("minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum", "multipleOf")) {
            if (schema.has(k)) {
                sb.append(sb.length() == 0 ? "" : ", ").append(k).append('=').append(schema.get(k).asText());
            }
        }
        return "(" + sb + ")";
    }

    private static int bound(JsonNode schema, String field, SchemaPath path, int fallback) {
        JsonNode v = schema.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isIntegralNumber() || v.asLong() < 0) {
            throw new SchemaException(path.toString(), "'" + field + "' must be a non-negative integer");
        }
        return v.canConvertToInt() ? v.asInt() : Integer.MAX_VALUE;
    }
}
