package dev.gatewaykit.stub.scripting;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatewaykit.stub.conversation.ConversationMatch;
import dev.gatewaykit.stub.http.Json;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** Reads scripts and faults from JSON (admin API and config file); errors name the offending field. */
public final class RuleJson {

    private static final Set<String> MATCH_FIELDS = Set.of("path", "model", "contains");
    private static final Set<String> CONVERSATION_FIELDS = Set.of("turn", "lastRole", "toolResultName",
            "toolResultCallId", "toolResultContains", "hasTools", "instructionsContain");
    private static final Set<String> SCRIPT_MATCH_FIELDS = union(MATCH_FIELDS, CONVERSATION_FIELDS);
    private static final Set<String> STEP_FIELDS = Set.of("reply", "chunks", "json", "toolCalls");
    private static final Set<String> TOOL_CALL_FIELDS = Set.of("name", "arguments", "id");
    private static final Set<String> SCRIPT_FIELDS = union(union(SCRIPT_MATCH_FIELDS, STEP_FIELDS),
            Set.of("match", "sequence", "chunkDelayMs", "times"));
    private static final Set<String> FAULT_FIELDS = Set.of("match", "path", "model", "status", "headers", "body",
            "latencyMs", "cutStreamAfterEvents", "dropConnection", "times", "streamError");
    private static final Set<String> STREAM_ERROR_FIELDS = Set.of("afterEvents", "message", "type", "code",
            "responsesEvent");

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
        Script.Builder b = Script.builder().match(match(n, true));
        if (n.has("sequence")) {
            JsonNode sequence = n.get("sequence");
            if (!sequence.isArray() || sequence.isEmpty()) {
                throw new IllegalArgumentException("script field 'sequence' must be a non-empty array of replies");
            }
            for (String field : STEP_FIELDS) {
                if (n.has(field)) {
                    throw new IllegalArgumentException("script field '" + field + "' belongs inside a 'sequence' step");
                }
            }
            for (int i = 0; i < sequence.size(); i++) {
                JsonNode step = sequence.get(i);
                if (!step.isObject()) {
                    throw new IllegalArgumentException("sequence[" + i + "] must be an object");
                }
                unknown(step, STEP_FIELDS, "sequence[" + i + "]");
                step(step, b, "sequence[" + i + "]");
                if (i < sequence.size() - 1) {
                    b.then();
                }
            }
        } else {
            step(n, b, "script");
        }
        if (n.has("chunkDelayMs")) {
            b.chunkDelayMillis(integer(n, "chunkDelayMs", "script"));
        }
        if (n.has("times")) {
            b.times((int) integer(n, "times", "script"));
        }
        return b.build();
    }

    private static void step(JsonNode n, Script.Builder b, String what) {
        if (n.has("chunks")) {
            JsonNode chunks = n.get("chunks");
            if (!chunks.isArray()) {
                throw new IllegalArgumentException(what + " field 'chunks' must be an array of strings");
            }
            List<String> list = new ArrayList<>();
            for (JsonNode c : chunks) {
                if (!c.isTextual()) {
                    throw new IllegalArgumentException(what + " field 'chunks' must be an array of strings");
                }
                list.add(c.asText());
            }
            b.chunks(list);
        } else if (n.has("reply")) {
            b.reply(text(n, "reply", what));
        } else if (n.has("json")) {
            JsonNode json = n.get("json");
            b.json(json.isTextual() ? json.asText() : Json.string(json));
        } else if (!n.has("toolCalls")) {
            throw new IllegalArgumentException("a script needs 'reply' (string), 'chunks' (array of strings), "
                    + "'json' or 'toolCalls'" + ("script".equals(what) ? ", or a 'sequence' of those" : "")
                    + " in " + what);
        }
        if (n.has("toolCalls")) {
            JsonNode calls = n.get("toolCalls");
            if (!calls.isArray() || calls.isEmpty()) {
                throw new IllegalArgumentException(what + " field 'toolCalls' must be a non-empty array of "
                        + "{name, arguments?, id?}");
            }
            for (int i = 0; i < calls.size(); i++) {
                JsonNode c = calls.get(i);
                String at = what + ".toolCalls[" + i + "]";
                if (!c.isObject()) {
                    throw new IllegalArgumentException(at + " must be an object {name, arguments?, id?}");
                }
                unknown(c, TOOL_CALL_FIELDS, at);
                JsonNode args = c.get("arguments");
                String arguments = null;
                if (args != null && !args.isNull()) {
                    arguments = args.isTextual() ? args.asText() : Json.string(args);
                }
                b.toolCall(new ScriptedToolCall(text(c, "name", at), arguments, optionalText(c, "id")));
            }
        }
    }

    static Fault fault(JsonNode n) {
        unknown(n, FAULT_FIELDS, "fault");
        Fault.Builder b = Fault.builder().match(match(n, false));
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
        if (n.has("streamError")) {
            JsonNode e = n.get("streamError");
            if (!e.isObject()) {
                throw new IllegalArgumentException("fault field 'streamError' must be an object " + STREAM_ERROR_FIELDS);
            }
            unknown(e, STREAM_ERROR_FIELDS, "streamError");
            b.streamError(new StreamError(e.has("afterEvents") ? (int) integer(e, "afterEvents", "streamError") : 0,
                    e.has("message") ? text(e, "message", "streamError") : "Upstream stream failed",
                    optionalText(e, "type"), optionalText(e, "code"), optionalText(e, "responsesEvent")));
        }
        return b.build();
    }

    private static RequestMatch match(JsonNode n, boolean script) {
        JsonNode source = n;
        if (n.has("match")) {
            source = n.get("match");
            if (!source.isObject()) {
                throw new IllegalArgumentException("field 'match' must be an object with " + (script
                        ? new java.util.TreeSet<>(SCRIPT_MATCH_FIELDS) : "path, model, contains"));
            }
            unknown(source, script ? SCRIPT_MATCH_FIELDS : MATCH_FIELDS, "match");
        }
        RequestMatch m = RequestMatch.of(optionalText(source, "path"), optionalText(source, "model"),
                optionalText(source, "contains"));
        if (!script) {
            return m;
        }
        ConversationMatch c = ConversationMatch.ANY;
        if (source.has("turn")) {
            c = c.withTurn((int) integer(source, "turn", "match"));
        }
        if (source.has("hasTools")) {
            JsonNode h = source.get("hasTools");
            if (!h.isBoolean()) {
                throw new IllegalArgumentException("match field 'hasTools' must be true or false");
            }
            c = c.withHasTools(h.asBoolean());
        }
        c = c.withLastRole(optionalText(source, "lastRole"))
                .withToolResultName(optionalText(source, "toolResultName"))
                .withToolResultCallId(optionalText(source, "toolResultCallId"))
                .withToolResultContains(optionalText(source, "toolResultContains"))
                .withInstructionsContain(optionalText(source, "instructionsContain"));
        return m.withConversation(c);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> out = new java.util.HashSet<>(a);
        out.addAll(b);
        return Set.copyOf(out);
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
