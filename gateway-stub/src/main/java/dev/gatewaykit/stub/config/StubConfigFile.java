package dev.gatewaykit.stub.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatewaykit.stub.GatewayStub;
import dev.gatewaykit.stub.LiteLlmVersion;
import dev.gatewaykit.stub.StubLimits;
import dev.gatewaykit.stub.StubMode;
import dev.gatewaykit.stub.agent.AgentLimits;
import dev.gatewaykit.stub.http.Json;
import dev.gatewaykit.stub.record.ReplayMatcher;
import dev.gatewaykit.stub.keys.VirtualKey;
import dev.gatewaykit.stub.scripting.Fault;
import dev.gatewaykit.stub.scripting.RuleJson;
import dev.gatewaykit.stub.scripting.Script;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a stub configuration file (JSON) into a builder. Every field is optional; unknown fields are errors that
 * name the field. Format:
 * <pre>{@code
 * {
 *   "mode": "litellm",                      // openai | litellm | portkey | portkey-oss
 *   "host": "127.0.0.1", "port": 4000,
 *   "masterKey": "sk-stub-master-0000",
 *   "liteLlmVersion": "1.75",               // 1.60 | 1.75 (aliases old | new; "liteLlmStatuses" is a synonym)
 *   "models": ["gpt-4o-mini", "openai/*"],
 *   "virtualKeys": [{"key": "sk-test-ci-0001", "alias": "ci", "models": ["gpt-4o-mini"],
 *                    "maxBudget": 0.5, "expires": "2030-01-01T00:00:00Z", "tpmLimit": 100000, "rpmLimit": 60,
 *                    "modelTpmLimit": {"gpt-4o": 1000}, "modelRpmLimit": {"gpt-4o": 5}, "blocked": false}],
 *   "prices": {"gpt-4o-mini": {"inputPerMillion": 0.15, "outputPerMillion": 0.6}},
 *   "limits": {"maxBodyBytes": 1048576, "journalCapacity": 1000, "journalBodyChars": 2048, "maxScripts": 256,
 *              "maxFaults": 256, "maxKeys": 10000, "workerThreads": 16, "queueCapacity": 1024},
 *   "scripts": [{"match": {"path": "/chat/completions", "contains": "weather"}, "reply": "Sunny."}],
 *   "faults": [{"match": {"path": "/embeddings"}, "status": 429, "headers": {"retry-after-ms": "10"}, "times": 1}],
 *   "record": {"dir": "fixtures", "upstream": "http://localhost:4000"},   // or:
 *   "replay": {"dir": "fixtures", "match": ["method", "path", "model", "body"], "ignoreBodyFields": ["user"]},
 *   "agentLimits": {"storedResponses": 1000, "storedBytes": 8388608, "recordedCalls": 500, "schemaReports": 100,
 *                   "textChars": 4096}
 * }
 * }</pre>
 */
public final class StubConfigFile {

    private static final Set<String> FIELDS = Set.of("mode", "host", "port", "masterKey", "liteLlmStatuses", "liteLlmVersion", "models",
            "virtualKeys", "prices", "limits", "scripts", "faults", "record", "replay", "agentLimits");
    private static final Set<String> RECORD_FIELDS = Set.of("dir", "upstream");
    private static final Set<String> REPLAY_FIELDS = Set.of("dir", "match", "ignoreBodyFields");
    private static final Set<String> AGENT_LIMIT_FIELDS = Set.of("storedResponses", "storedBytes", "recordedCalls",
            "schemaReports", "textChars");
    private static final Set<String> KEY_FIELDS = Set.of("key", "alias", "models", "maxBudget", "expires", "tpmLimit",
            "rpmLimit", "modelTpmLimit", "modelRpmLimit", "blocked");
    private static final Set<String> PRICE_FIELDS = Set.of("inputPerMillion", "outputPerMillion");
    private static final Set<String> LIMIT_FIELDS = Set.of("maxBodyBytes", "journalCapacity", "journalBodyChars",
            "maxScripts", "maxFaults", "maxKeys", "workerThreads", "queueCapacity", "maxConnections",
            "headerTimeoutMillis", "bodyTimeoutMillis", "journalBytes", "inFlightBodyBytes", "maxJsonValues");

    private StubConfigFile() {
    }

    /**
     * Applies the file at {@code path} to {@code builder}.
     *
     * @throws IllegalArgumentException naming the file and the bad field
     */
    public static void apply(Path path, GatewayStub.Builder builder) {
        JsonNode root;
        try {
            root = Json.parse(Files.readAllBytes(path));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("config file " + path + " does not exist");
        } catch (IOException e) {
            throw new IllegalArgumentException("config file " + path + " is not valid JSON: "
                    + String.valueOf(e.getMessage()).split("\n")[0]);
        }
        try {
            apply(root, builder);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IllegalArgumentException("config file " + path + ": " + e.getMessage(), e);
        }
    }

    /** Applies a parsed configuration object to {@code builder}. */
    public static void apply(JsonNode root, GatewayStub.Builder builder) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("the configuration must be a JSON object");
        }
        unknown(root, FIELDS, "configuration");
        if (root.has("mode")) {
            builder.mode(StubMode.parse(text(root, "mode")));
        }
        if (root.has("host")) {
            builder.host(text(root, "host"));
        }
        if (root.has("port")) {
            builder.port(integer(root, "port"));
        }
        if (root.has("masterKey")) {
            builder.masterKey(text(root, "masterKey"));
        }
        if (root.has("liteLlmStatuses") && root.has("liteLlmVersion")) {
            throw new IllegalArgumentException("give 'liteLlmVersion' or its older name 'liteLlmStatuses', not both");
        }
        for (String field : List.of("liteLlmVersion", "liteLlmStatuses")) {
            if (root.has(field)) {
                try {
                    builder.liteLlmVersion(LiteLlmVersion.parse(text(root, field)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("'" + field + "': " + e.getMessage());
                }
            }
        }
        if (root.has("models")) {
            builder.models(strings(root, "models"));
        }
        if (root.has("virtualKeys")) {
            for (JsonNode k : array(root, "virtualKeys")) {
                builder.virtualKey(virtualKey(k));
            }
        }
        if (root.has("prices")) {
            JsonNode prices = root.get("prices");
            if (!prices.isObject()) {
                throw new IllegalArgumentException("'prices' must be an object of model → {inputPerMillion, outputPerMillion}");
            }
            Iterator<String> models = prices.fieldNames();
            while (models.hasNext()) {
                String model = models.next();
                JsonNode p = prices.get(model);
                if (!p.isObject()) {
                    throw new IllegalArgumentException("prices." + model + " must be an object");
                }
                unknown(p, PRICE_FIELDS, "prices." + model);
                builder.price(model, number(p, "inputPerMillion"), number(p, "outputPerMillion"));
            }
        }
        if (root.has("limits")) {
            builder.limits(limits(root.get("limits")));
        }
        if (root.has("scripts")) {
            for (Script s : RuleJson.scripts(root.get("scripts"))) {
                builder.script(s);
            }
        }
        if (root.has("faults")) {
            for (Fault f : RuleJson.faults(root.get("faults"))) {
                builder.fault(f);
            }
        }
        if (root.has("record") && root.has("replay")) {
            throw new IllegalArgumentException("'record' and 'replay' exclude each other");
        }
        if (root.has("record")) {
            JsonNode r = root.get("record");
            if (!r.isObject()) {
                throw new IllegalArgumentException("'record' must be an object {dir, upstream}");
            }
            unknown(r, RECORD_FIELDS, "record");
            builder.record(Path.of(text(r, "dir")), text(r, "upstream"));
        }
        if (root.has("replay")) {
            JsonNode r = root.get("replay");
            if (!r.isObject()) {
                throw new IllegalArgumentException("'replay' must be an object {dir, match, ignoreBodyFields}");
            }
            unknown(r, REPLAY_FIELDS, "replay");
            builder.replay(Path.of(text(r, "dir")));
            Set<ReplayMatcher.Part> parts = EnumSet.allOf(ReplayMatcher.Part.class);
            if (r.has("match")) {
                parts = EnumSet.noneOf(ReplayMatcher.Part.class);
                for (String p : strings(r, "match")) {
                    parts.add(ReplayMatcher.Part.parse(p));
                }
            }
            Set<String> ignored = r.has("ignoreBodyFields") ? new TreeSet<>(strings(r, "ignoreBodyFields")) : Set.of();
            builder.replayMatcher(new ReplayMatcher(parts, ignored));
        }
        if (root.has("agentLimits")) {
            JsonNode l = root.get("agentLimits");
            if (!l.isObject()) {
                throw new IllegalArgumentException("'agentLimits' must be an object");
            }
            unknown(l, AGENT_LIMIT_FIELDS, "agentLimits");
            AgentLimits d = AgentLimits.DEFAULTS;
            builder.agentLimits(new AgentLimits(
                    l.has("storedResponses") ? integer(l, "storedResponses") : d.storedResponses(),
                    l.has("storedBytes") ? integer(l, "storedBytes") : d.storedBytes(),
                    l.has("recordedCalls") ? integer(l, "recordedCalls") : d.recordedCalls(),
                    l.has("schemaReports") ? integer(l, "schemaReports") : d.schemaReports(),
                    l.has("textChars") ? integer(l, "textChars") : d.textChars()));
        }
    }

    private static VirtualKey virtualKey(JsonNode k) {
        if (!k.isObject()) {
            throw new IllegalArgumentException("each of 'virtualKeys' must be an object");
        }
        unknown(k, KEY_FIELDS, "virtualKeys[]");
        VirtualKey.Builder b = VirtualKey.builder(text(k, "key"));
        if (k.has("alias")) {
            b.alias(text(k, "alias"));
        }
        if (k.has("models")) {
            b.models(strings(k, "models"));
        }
        if (k.has("maxBudget")) {
            b.maxBudget(number(k, "maxBudget"));
        }
        if (k.has("tpmLimit")) {
            b.tpmLimit(wholeNonNegative(k, "tpmLimit"));
        }
        if (k.has("rpmLimit")) {
            b.rpmLimit(wholeNonNegative(k, "rpmLimit"));
        }
        for (String field : List.of("modelTpmLimit", "modelRpmLimit")) {
            if (k.has(field)) {
                JsonNode map = k.get(field);
                if (!map.isObject()) {
                    throw new IllegalArgumentException("virtualKeys[]." + field + " must be an object of model -> limit");
                }
                map.fieldNames().forEachRemaining(model -> {
                    long limit = wholeNonNegative(map, model);
                    if (field.equals("modelTpmLimit")) {
                        b.modelTpmLimit(model, limit);
                    } else {
                        b.modelRpmLimit(model, limit);
                    }
                });
            }
        }
        if (k.has("blocked")) {
            if (!k.get("blocked").isBoolean()) {
                throw new IllegalArgumentException("virtualKeys[].blocked must be true or false, got " + k.get("blocked"));
            }
            b.blocked(k.get("blocked").asBoolean());
        }
        if (k.has("expires")) {
            try {
                b.expires(Instant.parse(text(k, "expires")));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("virtualKeys[].expires must be an ISO-8601 instant such as "
                        + "2030-01-01T00:00:00Z, got '" + text(k, "expires") + "'");
            }
        }
        return b.build();
    }

    private static long wholeNonNegative(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.canConvertToLong() || !v.isIntegralNumber() || v.asLong() < 0) {
            throw new IllegalArgumentException("virtualKeys[]." + field + " must be a whole number >= 0, got " + v);
        }
        return v.asLong();
    }

    private static StubLimits limits(JsonNode l) {
        if (!l.isObject()) {
            throw new IllegalArgumentException("'limits' must be an object");
        }
        unknown(l, LIMIT_FIELDS, "limits");
        StubLimits d = StubLimits.DEFAULTS;
        return new StubLimits(
                l.has("maxBodyBytes") ? integer(l, "maxBodyBytes") : d.maxBodyBytes(),
                l.has("journalCapacity") ? integer(l, "journalCapacity") : d.journalCapacity(),
                l.has("journalBodyChars") ? integer(l, "journalBodyChars") : d.journalBodyChars(),
                l.has("maxScripts") ? integer(l, "maxScripts") : d.maxScripts(),
                l.has("maxFaults") ? integer(l, "maxFaults") : d.maxFaults(),
                l.has("maxKeys") ? integer(l, "maxKeys") : d.maxKeys(),
                l.has("workerThreads") ? integer(l, "workerThreads") : d.workerThreads(),
                l.has("queueCapacity") ? integer(l, "queueCapacity") : d.queueCapacity(),
                l.has("maxConnections") ? integer(l, "maxConnections") : d.maxConnections(),
                l.has("headerTimeoutMillis") ? integer(l, "headerTimeoutMillis") : d.headerTimeoutMillis(),
                l.has("bodyTimeoutMillis") ? integer(l, "bodyTimeoutMillis") : d.bodyTimeoutMillis(),
                l.has("journalBytes") ? integer(l, "journalBytes") : d.journalBytes(),
                l.has("inFlightBodyBytes") ? integer(l, "inFlightBodyBytes") : d.inFlightBodyBytes(),
                l.has("maxJsonValues") ? integer(l, "maxJsonValues") : d.maxJsonValues());
    }

    private static void unknown(JsonNode n, Set<String> allowed, String where) {
        Iterator<String> names = n.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new IllegalArgumentException("unknown field '" + name + "' in " + where + "; allowed: "
                        + new TreeSet<>(allowed));
            }
        }
    }

    private static JsonNode array(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (!v.isArray()) {
            throw new IllegalArgumentException("'" + field + "' must be an array");
        }
        return v;
    }

    private static List<String> strings(JsonNode n, String field) {
        List<String> out = new ArrayList<>();
        for (JsonNode item : array(n, field)) {
            if (!item.isTextual()) {
                throw new IllegalArgumentException("'" + field + "' must be an array of strings");
            }
            out.add(item.asText());
        }
        return out;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("'" + field + "' must be a string");
        }
        return v.asText();
    }

    private static int integer(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new IllegalArgumentException("'" + field + "' must be an integer");
        }
        return v.asInt();
    }

    private static double number(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isNumber()) {
            throw new IllegalArgumentException("'" + field + "' must be a number");
        }
        return v.asDouble();
    }
}
