package dev.gatewaykit.stub.scripting;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatewaykit.stub.http.Json;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** Reads scripts and faults from JSON (admin API and config file); errors name the offending field. */
public final class RuleJson {

    private static final Set<String> MATCH_FIELDS = Set.of("path", "model", "contains");
    private static final Set<String> SCRIPT_FIELDS = Set.of("match", "path", "model", "contains", "reply", "chunks",
            "chunkDelayMs", "times");
    private static final Set<String> FAULT_FIELDS = Set.of("match", "path", "model", "status", "headers", "body",
            "latencyMs", "cutStreamAfterEvents", "dropConnection", "times");

    private RuleJson() {
    }

    /** One script object, or an array of them. */
    public static List<Script> scripts(JsonNode node) {
        List<Script> out = new ArrayList<>();
        for (JsonNode n : objects(node, "script")) {
            out.add(script(n));
        }
        return out;
    }

    /** One fault object, or an array of them. */
    public static List<Fault> faults(JsonNode node) {
        List<Fault> out = new ArrayList<>();
        for (JsonNode n : objects(node, "fault")) {
            out.add(fault(n));
        }
        return out;
    }

    private static List<JsonNode> objects(JsonNode node, String what) {
        List<JsonNode> out = new ArrayList<>();
        if (node != null && node.isObject()) {
            out.add(node);
        } else if (node != null && node.isArray()) {
            for (JsonNode n : node) {
                if (!n.isObject()) {
                    throw new IllegalArgumentException("each " + what + " must be a JSON object, got " + n.getNodeType());
                }
                out.add(n);
            }
        } else {
            throw new IllegalArgumentException("expected a " + what + " object or an array of them");
        }
        return out;
    }

    static Script script(JsonNode n) {
        unknown(n, SCRIPT_FIELDS, "script");
        Script.Builder b = Script.builder().match(match(n));
        if (n.has("chunks")) {
            JsonNode chunks = n.get("chunks");
            if (!chunks.isArray()) {
                throw new IllegalArgumentException("script field 'chunks' must be an array of strings");
            }
            List<String> list = new ArrayList<>();
            for (JsonNode c : chunks) {
                if (!c.isTextual()) {
                    throw new IllegalArgumentException("script field 'chunks' must be an array of strings");
                }
                list.add(c.asText());
            }
            b.chunks(list);
        } else if (n.has("reply")) {
            b.reply(text(n, "reply", "script"));
        } else {
            throw new IllegalArgumentException("a script needs 'reply' (string) or 'chunks' (array of strings)");
        }
        if (n.has("chunkDelayMs")) {
            b.chunkDelayMillis(integer(n, "chunkDelayMs", "script"));
        }
        if (n.has("times")) {
            b.times((int) integer(n, "times", "script"));
        }
        return b.build();
    }

    static Fault fault(JsonNode n) {
        unknown(n, FAULT_FIELDS, "fault");
        Fault.Builder b = Fault.builder().match(match(n));
        if (n.has("status")) {
            b.status((int) integer(n, "status", "fault"));
        }
        if (n.has("headers")) {
            JsonNode h = n.get("headers");
            if (!h.isObject()) {
                throw new IllegalArgumentException("fault field 'headers' must be an object of strings");
            }
            Iterator<String> names = h.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                JsonNode v = h.get(name);
                if (!v.isValueNode() || v.isNull()) {
                    throw new IllegalArgumentException("fault header '" + name + "' must be a string or number");
                }
                b.header(name, v.asText());
            }
        }
        if (n.has("body")) {
            JsonNode body = n.get("body");
            b.body(body.isTextual() ? body.asText() : Json.string(body));
        }
        if (n.has("latencyMs")) {
            b.latencyMillis(integer(n, "latencyMs", "fault"));
        }
        if (n.has("cutStreamAfterEvents")) {
            b.cutStreamAfterEvents((int) integer(n, "cutStreamAfterEvents", "fault"));
        }
        if (n.has("dropConnection")) {
            JsonNode d = n.get("dropConnection");
            if (!d.isBoolean()) {
                throw new IllegalArgumentException("fault field 'dropConnection' must be true or false");
            }
            b.dropConnection(d.asBoolean());
        }
        if (n.has("times")) {
            b.times((int) integer(n, "times", "fault"));
        }
        return b.build();
    }

    private static RequestMatch match(JsonNode n) {
        JsonNode source = n;
        if (n.has("match")) {
            source = n.get("match");
            if (!source.isObject()) {
                throw new IllegalArgumentException("field 'match' must be an object with path, model, contains");
            }
            unknown(source, MATCH_FIELDS, "match");
        }
        return RequestMatch.of(optionalText(source, "path"), optionalText(source, "model"), optionalText(source, "contains"));
    }

    private static void unknown(JsonNode n, Set<String> allowed, String what) {
        Iterator<String> names = n.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new IllegalArgumentException(what + " field '" + name + "' is unknown; allowed: " + new java.util.TreeSet<>(allowed));
            }
        }
    }

    private static String optionalText(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new IllegalArgumentException("field '" + field + "' must be a string");
        }
        return v.asText();
    }

    private static String text(JsonNode n, String field, String what) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException(what + " field '" + field + "' must be a string");
        }
        return v.asText();
    }

    private static long integer(JsonNode n, String field, String what) {
        JsonNode v = n.get(field);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new IllegalArgumentException(what + " field '" + field + "' must be an integer");
        }
        return v.asLong();
    }
}
