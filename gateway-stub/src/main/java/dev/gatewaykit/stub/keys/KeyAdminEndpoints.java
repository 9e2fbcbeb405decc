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

/** LiteLLM's key administration subset: {@code /key/generate}, {@code /key/info}, {@code /key/delete}. */
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
        JsonNode budget = body.get("max_budget");
        if (budget != null && !budget.isNull()) {
            if (!budget.isNumber() || budget.asDouble() < 0) {
                throw StubError.invalidRequest("max_budget", "Invalid 'max_budget': expected a number >= 0");
            }
            b.maxBudget(budget.asDouble());
        }
        String duration = text(body, "duration");
        Instant expires = duration == null ? null : Instant.now().plus(parseDuration(duration));
        b.expires(expires);
        String alias = text(body, "key_alias");
        b.alias(alias);
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
        request.sendJson(200, out);
    }

    /** {@code GET /key/info?key=…}; without {@code key}, the caller's own key. */
    public void info(StubRequest request, Caller caller) throws IOException {
        String asked = queryParam(request.rawQuery(), "key");
        if (asked == null) {
            if (caller.entry() == null) {
                throw StubError.invalidRequest("key", "Missing required query parameter: 'key'.");
            }
            asked = caller.entry().key().key();
        }
        if (caller.entry() != null && !caller.entry().key().key().equals(asked)) {
            throw new StubError(StubError.Kind.AUTHENTICATION, 403, "auth_error", "key", "403",
                    "Authentication Error - a virtual key can only read its own info.");
        }
        KeyRegistry.Entry entry = keys.find(asked).orElseThrow(() -> notFound(request, "key"));
        ObjectNode out = Json.object();
        out.put("key", KeyMask.mask(entry.key().key()));
        out.set("info", describe(entry.key(), entry.spend()));
        request.sendJson(200, out);
    }

    /** {@code POST /key/delete} with {@code keys} or {@code key_aliases}. */
    public void delete(StubRequest request) throws IOException {
        ObjectNode body = request.json();
        List<String> secrets = new ArrayList<>(strings(body, "keys"));
        for (String alias : strings(body, "key_aliases")) {
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
        ArrayNode deleted = out.putArray("deleted_keys");
        for (String s : secrets) {
            keys.delete(s);
            deleted.add(s);
        }
        request.sendJson(200, out);
    }

    private static StubError notFound(StubRequest request, String what) {
        return new StubError(StubError.Kind.RESOURCE_NOT_FOUND, 404, "not_found_error", what, "404",
                "Key not found in database.");
    }

    private static ObjectNode describe(VirtualKey key, double spend) {
        ObjectNode out = Json.object();
        out.put("key_name", KeyMask.mask(key.key()));
        out.put("key_alias", key.alias().orElse(null));
        out.put("token", Integer.toHexString(key.key().hashCode()));
        ArrayNode models = out.putArray("models");
        key.models().forEach(models::add);
        out.put("spend", spend);
        if (key.maxBudget().isPresent()) {
            out.put("max_budget", key.maxBudget().get());
        } else {
            out.putNull("max_budget");
        }
        out.put("expires", key.expires().map(Instant::toString).orElse(null));
        out.putNull("user_id");
        out.putNull("team_id");
        out.putObject("metadata");
        return out;
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
