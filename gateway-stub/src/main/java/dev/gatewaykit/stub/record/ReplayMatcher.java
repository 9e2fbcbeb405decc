package dev.gatewaykit.stub.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which parts of a request must equal a fixture's for it to be replayed: method, path, model and the body (keys
 * redacted, top-level {@code ignoredBodyFields} removed, object key order ignored).
 *
 * @param parts             compared parts
 * @param ignoredBodyFields top-level body fields left out of the comparison, e.g. {@code user}, {@code metadata}
 */
public record ReplayMatcher(Set<Part> parts, Set<String> ignoredBodyFields) {

    /** Everything compared, nothing ignored. */
    public static final ReplayMatcher DEFAULT = new ReplayMatcher(EnumSet.allOf(Part.class), Set.of());

    /** Request parts. */
    public enum Part {
        /** HTTP method. */
        METHOD,
        /** Endpoint path. */
        PATH,
        /** Body {@code model}. */
        MODEL,
        /** The whole body. */
        BODY;

        /** Parses {@code method}, {@code path}, {@code model} or {@code body}. */
        public static Part parse(String text) {
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown replay match part '" + text
                        + "'; use method, path, model, body");
            }
        }
    }

    /** Copies the sets. */
    public ReplayMatcher {
        parts = parts.isEmpty() ? EnumSet.noneOf(Part.class) : EnumSet.copyOf(parts);
        ignoredBodyFields = Set.copyOf(ignoredBodyFields);
    }

    /** The first difference between {@code f} and the request, or empty when it matches. */
    public Optional<String> difference(Fixture f, String method, String path, String model, JsonNode body) {
        if (parts.contains(Part.METHOD) && !f.method().equals(method)) {
            return Optional.of("method: recorded " + f.method() + ", request " + method);
        }
        if (parts.contains(Part.PATH) && !f.path().equals(path)) {
            return Optional.of("path: recorded " + f.path() + ", request " + path);
        }
        if (parts.contains(Part.MODEL) && !Objects.equals(f.model(), model)) {
            return Optional.of("model: recorded " + f.model() + ", request " + model);
        }
        if (parts.contains(Part.BODY)) {
            return JsonDiff.first(strip(f.body()), strip(body), "body $");
        }
        return Optional.empty();
    }

    /**
     * A text equal for exactly the requests this matcher treats as equal (object key order and number spelling
     * ignored), so matching fixtures can be found by lookup instead of by comparing each one.
     */
    public String key(String method, String path, String model, JsonNode body) {
        StringBuilder sb = new StringBuilder();
        sb.append(parts.contains(Part.METHOD) ? method : "*").append(' ');
        sb.append(parts.contains(Part.PATH) ? path : "*").append(' ');
        sb.append(parts.contains(Part.MODEL) ? model : "*").append(' ');
        if (parts.contains(Part.BODY)) {
            canonical(strip(body), sb);
        }
        return sb.toString();
    }

    private static void canonical(JsonNode n, StringBuilder sb) {
        if (n == null || n.isMissingNode()) {
            sb.append('-');
        } else if (n.isObject()) {
            java.util.TreeMap<String, JsonNode> sorted = new java.util.TreeMap<>();
            n.fields().forEachRemaining(e -> sorted.put(e.getKey(), e.getValue()));
            sb.append('{');
            sorted.forEach((k, v) -> {
                sb.append(com.fasterxml.jackson.databind.node.TextNode.valueOf(k)).append(':');
                canonical(v, sb);
                sb.append(',');
            });
            sb.append('}');
        } else if (n.isArray()) {
            sb.append('[');
            n.forEach(v -> {
                canonical(v, sb);
                sb.append(',');
            });
            sb.append(']');
        } else if (n.isNumber()) {
            sb.append(n.decimalValue().stripTrailingZeros().toPlainString());
        } else {
            sb.append(n);
        }
    }

    private JsonNode strip(JsonNode body) {
        if (body == null || ignoredBodyFields.isEmpty() || !body.isObject()) {
            return body;
        }
        ObjectNode copy = ((ObjectNode) body).deepCopy();
        copy.remove(ignoredBodyFields);
        return copy;
    }
}
