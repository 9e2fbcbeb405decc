package dev.gatewaykit.stub.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaykit.stub.journal.SecretMasker;

import java.util.Collection;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Removes every key from what goes into a fixture: key-bearing headers and JSON fields are replaced whole, and
 * key-shaped strings ({@code sk-…}, {@code Bearer …}, Portkey/virtual keys the stub knows) anywhere in a text are
 * replaced by {@value #REDACTED}. Fixtures keep no part of a key, not even a masked one.
 */
public final class Redactor {

    /** What a redacted value becomes. */
    public static final String REDACTED = "[REDACTED]";

    private static final Pattern KEY_SHAPED = Pattern.compile(
            // Not inside a word: "task-list-2024" is no key.
            "(?<![A-Za-z0-9])(?:sk|pk|rk)-[A-Za-z0-9_\\-]{8,}|Bearer\\s+[A-Za-z0-9._~+/=\\-]{8,}|AIza[0-9A-Za-z_\\-]{20,}");
    private static final Set<String> KEY_FIELDS = Set.of("key", "api_key", "apikey", "master_key", "masterkey",
            "token", "access_token", "secret", "password", "authorization", "x-litellm-api-key", "x-portkey-api-key");

    private final Collection<String> known;

    /** A redactor that also removes the {@code known} secrets (presented keys, configured keys). */
    public Redactor(Collection<String> known) {
        this.known = known;
    }

    /** This redactor plus more known secrets. */
    public Redactor with(Collection<String> more) {
        java.util.List<String> all = new java.util.ArrayList<>(known);
        all.addAll(more);
        return new Redactor(all);
    }

    /** Whether a header's value must not be kept. */
    public static boolean secretHeader(String name) {
        return SecretMasker.isSecretHeader(name.toLowerCase(Locale.ROOT));
    }

    /** {@code text} with every key-shaped string and known secret replaced. */
    public String text(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = KEY_SHAPED.matcher(text).replaceAll(REDACTED);
        for (String secret : known) {
            if (secret != null && secret.length() >= 8 && out.contains(secret)) {
                out = out.replace(secret, REDACTED);
            }
        }
        return out;
    }

    /** A copy of {@code node} with key fields replaced and every string redacted. */
    public JsonNode json(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            return JsonNodeFactory.instance.textNode(text(node.asText()));
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(n -> out.add(json(n)));
            return out;
        }
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                boolean keyField = KEY_FIELDS.contains(f.getKey().toLowerCase(Locale.ROOT)) && f.getValue().isTextual();
                out.set(f.getKey(), keyField ? JsonNodeFactory.instance.textNode(REDACTED) : json(f.getValue()));
            }
            return out;
        }
        return node;
    }
}
