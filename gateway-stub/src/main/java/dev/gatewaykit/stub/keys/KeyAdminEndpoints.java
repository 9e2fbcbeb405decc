package dev.gatewaykit.stub.keys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaykit.stub.http.Json;
import dev.gatewaykit.stub.http.StubError;
import dev.gatewaykit.stub.http.StubRequest;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * LiteLLM's key administration ({@code proxy/management_endpoints/key_management_endpoints.py}):
 * {@code /key/generate}, {@code /key/info}, {@code /key/update}, {@code /key/block}, {@code /key/unblock},
 * {@code /key/delete}, with its request bodies ({@code {"key": "sk-…", …}}) and response shapes.
 */
public final class KeyAdminEndpoints {

    private static final Pattern DURATION = Pattern.compile("(\\d{1,6})(s|m|h|d|w|mo)");

    private final KeyRegistry keys;

    /** Administers {@code keys}. */
    public KeyAdminEndpoints(KeyRegistry keys) {
        this.keys = keys;
    }

    /** {@code POST /key/generate}: models, max_budget, duration, key_alias, optional custom key. */
    public void generate(StubRequest request) throws IOException {
        ObjectNode body = request.json();
        VirtualKey.Builder b = VirtualKey.builder(customKeyOrNew(body));
        b.models(strings(body, "models"));
        b.maxBudget(budget(body));
        String duration = text(body, "duration");
        Instant expires = duration == null ? null : Instant.now().plus(parseDuration(duration));
        b.expires(expires);
        String alias = text(body, "key_alias");
        b.alias(alias);
        limits(body, b);
        if (body.has("blocked") && !body.get("blocked").isNull()) {
            b.blocked(bool(body, "blocked"));
        }
        VirtualKey key = b.build();
        if (alias != null && keys.findByAlias(alias).isPresent()) {
            throw new StubError(StubError.Kind.INVALID_REQUEST, 400, "bad_request_error", "key_alias", "400",
                    "Unique key aliases across all keys are required. Key alias '" + alias + "' already exists.");
        }
        try {
            keys.add(key);
        } catch (IllegalStateException e) {
            throw new StubError(StubError.Kind.INVALID_REQUEST, 400, "bad_request_error", "key", "400", e.getMessage());
        }
        ObjectNode out = describe(key, 0.0);
        out.put("key", key.key());
        out.put("token", Integer.toHexString(key.key().hashCode()));
        request.sendJson(200, out);
    }

    /**
     * {@code GET /key/info?key=…}; without {@code key}, the caller's own key. Answers {@code {"key": <as asked>,
     * "info": <the key's row without "token">}} ({@code info_key_fn}: {@code key_info.pop("token")}).
     */
    public void info(StubRequest request, Caller caller) throws IOException {
        String asked = queryParam(request.rawQuery(), "key");
        if (asked == null) {
            if (caller.entry() == null) {
                throw StubError.invalidRequest("key", "Missing required query parameter: 'key'.");
            }
            asked = caller.entry().key().key();
        }
        if (caller.entry() != null && !caller.entry().key().key().equals(asked)) {
            throw new StubError(StubError.Kind.AUTHENTICATION, 403, "auth_error", "None", "403",
                    "You are not allowed to access this key's info. Your role=None");
        }
        KeyRegistry.Entry entry = keys.find(asked).orElseThrow(() -> notFound(request, "key"));
        ObjectNode out = Json.object();
        out.put("key", asked);
        out.set("info", describe(entry.key(), entry.spend()));
        request.sendJson(200, out);
    }

    /**
     * {@code POST /key/update} with {@code {"key": "sk-…", …fields}}: {@code models}, {@code max_budget},
     * {@code tpm_limit}, {@code rpm_limit}, {@code model_tpm_limit}, {@code model_rpm_limit}, {@code key_alias},
     * {@code duration}, {@code blocked}; answers {@code {"key": …, …the fields set}} ({@code update_key_fn}).
     */
    public void update(StubRequest request) throws IOException {
        ObjectNode body = request.json();
        KeyRegistry.Entry entry = target(body);
        String alias = text(body, "key_alias");
        if (alias != null && keys.findByAlias(alias).filter(e -> e != entry).isPresent()) {
            throw new StubError(StubError.Kind.INVALID_REQUEST, 400, "bad_request_error", "key_alias", "400",
                    "Unique key aliases across all keys are required. Key alias '" + alias + "' already exists.");
        }
        List<String> models = body.has("models") && !body.get("models").isNull() ? strings(body, "models") : null;
        Double budget = budget(body);
        String duration = text(body, "duration");
        Instant expires = duration == null ? null : Instant.now().plus(parseDuration(duration));
        Boolean blocked = body.has("blocked") && !body.get("blocked").isNull() ? bool(body, "blocked") : null;
        VirtualKey.Builder check = VirtualKey.builder(entry.key().key());
        limits(body, check); // validates every limit before anything changes
        try {
            entry.update(b -> {
                if (alias != null) {
                    b.alias(alias);
                }
                if (models != null) {
                    b.replaceModels(models);
                }
                if (budget != null) {
                    b.maxBudget(budget);
                }
                if (expires != null) {
                    b.expires(expires);
                }
                if (blocked != null) {
                    b.blocked(blocked);
                }
                limits(body, b);
                return b;
            });
        } catch (IllegalArgumentException e) {
            throw new StubError(StubError.Kind.INVALID_REQUEST, 400, "bad_request_error", null, "400", e.getMessage());
        }
        ObjectNode out = Json.object();
        out.put("key", entry.key().key());
        body.fieldNames().forEachRemaining(name -> {
            if (!name.equals("key") && UPDATABLE.contains(name)) {
                out.set(name, body.get(name));
            }
        });
        if (expires != null) {
            out.put("expires", expires.toString());
        }
        request.sendJson(200, out);
    }

    /** {@code POST /key/block} or {@code /key/unblock} with {@code {"key": "sk-..."}}: answers the key's row. */
    public void block(StubRequest request, boolean blocked) throws IOException {
        ObjectNode body = request.json();
        KeyRegistry.Entry entry = target(body);
        VirtualKey key = entry.update(b -> b.blocked(blocked));
        ObjectNode out = describe(key, entry.spend());
        out.put("token", Integer.toHexString(key.key().hashCode()));
        request.sendJson(200, out);
    }

    private static final java.util.Set<String> UPDATABLE = java.util.Set.of("models", "max_budget", "tpm_limit",
            "rpm_limit", "model_tpm_limit", "model_rpm_limit", "key_alias", "duration", "blocked");

    /** The key named by the body's required {@code key} (FastAPI's 422 when it is missing). */
    private KeyRegistry.Entry target(ObjectNode body) {
        JsonNode key = body.get("key");
        if (key == null || key.isNull()) {
            throw new StubError(StubError.Kind.INVALID_REQUEST, 422, FASTAPI_VALIDATION, "key", "missing",
                    "Field required");
        }
        if (!key.isTextual()) {
            throw new StubError(StubError.Kind.INVALID_REQUEST, 422, FASTAPI_VALIDATION, "key", "string_type",
                    "Input should be a valid string");
        }
        return keys.find(key.asText()).orElseThrow(() -> new StubError(StubError.Kind.RESOURCE_NOT_FOUND, 404,
                "not_found_error", "key", "404", "Key not found. Passed key=" + KeyMask.mask(key.asText())));
    }

    /** Marks a FastAPI request-validation error: the gateway renders it as {@code {"detail":[{type, loc, msg}]}}. */
    public static final String FASTAPI_VALIDATION = "fastapi_validation";

    private static Double budget(ObjectNode body) {
        JsonNode budget = body.get("max_budget");
        if (budget == null || budget.isNull()) {
            return null;
        }
        if (!budget.isNumber() || !(budget.asDouble() >= 0)) {
            throw StubError.invalidRequest("max_budget", "Invalid 'max_budget': expected a number >= 0, got " + budget);
        }
        return budget.asDouble();
    }

    /** Reads {@code tpm_limit}, {@code rpm_limit}, {@code model_tpm_limit}, {@code model_rpm_limit} into {@code b}. */
    private static void limits(ObjectNode body, VirtualKey.Builder b) {
        Long tpm = wholeNonNegative(body, "tpm_limit");
        if (tpm != null) {
            b.tpmLimit(tpm);
        }
        Long rpm = wholeNonNegative(body, "rpm_limit");
        if (rpm != null) {
            b.rpmLimit(rpm);
        }
        for (String field : List.of("model_tpm_limit", "model_rpm_limit")) {
            JsonNode map = body.get(field);
            if (map == null || map.isNull()) {
                continue;
            }
            if (!map.isObject()) {
                throw StubError.invalidRequest(field, "Invalid type for '" + field + "': expected an object of model "
                        + "to a whole number >= 0.");
            }
            map.fieldNames().forEachRemaining(model -> {
                JsonNode v = map.get(model);
                if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 0) {
                    throw StubError.invalidRequest(field, "Invalid '" + field + "." + model
                            + "': expected a whole number >= 0, got " + v);
                }
                if (field.equals("model_tpm_limit")) {
                    b.modelTpmLimit(model, v.asLong());
                } else {
                    b.modelRpmLimit(model, v.asLong());
                }
            });
        }
    }

    private static Long wholeNonNegative(ObjectNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 0) {
            throw StubError.invalidRequest(field, "Invalid '" + field + "': expected a whole number >= 0, got " + v);
        }
        return v.asLong();
    }

    private static boolean bool(ObjectNode body, String field) {
        JsonNode v = body.get(field);
        if (!v.isBoolean()) {
            throw StubError.invalidRequest(field, "Invalid type for '" + field + "': expected true or false.");
        }
        return v.asBoolean();
    }

    /** {@code POST /key/delete} with {@code keys} or {@code key_aliases}. */
    public void delete(StubRequest request) throws IOException {
        ObjectNode body = request.json();
        List<String> passed = new ArrayList<>(strings(body, "keys"));
        List<String> secrets = new ArrayList<>(passed);
        for (String alias : strings(body, "key_aliases")) {
            passed.add(alias);
            secrets.add(keys.findByAlias(alias).map(e -> e.key().key()).orElse(alias));
        }
        if (secrets.isEmpty()) {
            throw StubError.invalidRequest("keys", "Missing required parameter: 'keys' (array of keys) or 'key_aliases'.");
        }
        for (String s : secrets) {
            if (keys.find(s).isEmpty()) {
                throw new StubError(StubError.Kind.RESOURCE_NOT_FOUND, 404, "not_found_error", "keys", "404",
                        "Failed to delete all keys. Key not found: " + KeyMask.mask(s));
            }
        }
        ObjectNode out = Json.object();
        // delete_key_fn answers {"deleted_keys": <the keys or aliases as passed>}.
        ArrayNode deleted = out.putArray("deleted_keys");
        secrets.forEach(keys::delete);
        passed.forEach(deleted::add);
        request.sendJson(200, out);
    }

    private static StubError notFound(StubRequest request, String what) {
        return new StubError(StubError.Kind.RESOURCE_NOT_FOUND, 404, "not_found_error", what, "404",
                "Key not found in database.");
    }

    /** A key's row as LiteLLM's {@code LiteLLM_VerificationToken} names the fields (without {@code token}). */
    private static ObjectNode describe(VirtualKey key, double spend) {
        ObjectNode out = Json.object();
        out.put("key_name", KeyMask.mask(key.key()));
        out.put("key_alias", key.alias().orElse(null));
        out.put("spend", spend);
        if (key.maxBudget().isPresent()) {
            out.put("max_budget", key.maxBudget().get());
        } else {
            out.putNull("max_budget");
        }
        out.put("expires", key.expires().map(Instant::toString).orElse(null));
        ArrayNode models = out.putArray("models");
        key.models().forEach(models::add);
        out.putObject("aliases");
        out.putObject("config");
        out.putNull("user_id");
        out.putNull("team_id");
        out.putNull("max_parallel_requests");
        out.putObject("metadata");
        putLimit(out, "tpm_limit", key.tpmLimit().orElse(null));
        putLimit(out, "rpm_limit", key.rpmLimit().orElse(null));
        ObjectNode modelTpm = out.putObject("model_tpm_limit");
        key.modelTpmLimit().forEach(modelTpm::put);
        ObjectNode modelRpm = out.putObject("model_rpm_limit");
        key.modelRpmLimit().forEach(modelRpm::put);
        out.putNull("budget_duration");
        out.putNull("budget_reset_at");
        out.putArray("allowed_cache_controls");
        out.putObject("permissions");
        out.putObject("model_spend");
        out.putObject("model_max_budget");
        out.put("soft_budget_cooldown", false);
        out.put("blocked", key.blocked());
        return out;
    }

    private static void putLimit(ObjectNode out, String field, Long value) {
        if (value == null) {
            out.putNull(field);
        } else {
            out.put(field, value);
        }
    }

    private static String customKeyOrNew(ObjectNode body) {
        String custom = text(body, "key");
        if (custom != null) {
            if (custom.isBlank() || custom.length() > 256) {
                throw StubError.invalidRequest("key", "Invalid 'key': expected 1..256 characters.");
            }
            return custom;
        }
        byte[] bytes = new byte[18];
        SecureRandomHolder.RANDOM.nextBytes(bytes);
        return "sk-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Duration parseDuration(String text) {
        Matcher m = DURATION.matcher(text.trim());
        if (!m.matches()) {
            throw StubError.invalidRequest("duration", "Invalid 'duration': '" + (text.length() > 40 ? text.substring(0, 40) : text)
                    + "'; use a number with s, m, h, d, w or mo, e.g. 30s, 1h, 30d.");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            case "w" -> Duration.ofDays(7 * n);
            default -> Duration.ofDays(30 * n);
        };
    }

    private static String text(ObjectNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw StubError.invalidRequest(field, "Invalid type for '" + field + "': expected a string.");
        }
        return v.asText();
    }

    private static List<String> strings(ObjectNode body, String field) {
        JsonNode v = body.get(field);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isArray()) {
            throw StubError.invalidRequest(field, "Invalid type for '" + field + "': expected an array of strings.");
        }
        for (JsonNode item : v) {
            if (!item.isTextual()) {
                throw StubError.invalidRequest(field, "Invalid type for '" + field + "': expected an array of strings.");
            }
            out.add(item.asText());
        }
        return out;
    }

    /** Reads one query parameter (URL-decoded), or {@code null}. */
    public static String queryParam(String rawQuery, String name) {
        if (rawQuery == null) {
            return null;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            if (k.equals(name)) {
                try {
                    return URLDecoder.decode(eq < 0 ? "" : pair.substring(eq + 1), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    throw StubError.invalidRequest(name, "Invalid query parameter '" + name + "': bad URL encoding.");
                }
            }
        }
        return null;
    }

    /** Created on first key generation, not at start-up: seeding a SecureRandom loads the security providers. */
    private static final class SecureRandomHolder {
        static final SecureRandom RANDOM = new SecureRandom();
    }
}
