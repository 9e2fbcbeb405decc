package dev.gatewaykit.sdk.settings;

import java.util.Collection;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Masks secrets for display: keys never appear in full in messages, logs or {@code toString}. */
public final class Secrets {

    /** Keys shorter than this are masked completely, because showing 7 of them would reveal too much. */
    static final int MIN_PARTIAL_LENGTH = 12;

    // Provider and proxy key shapes (OpenAI/LiteLLM sk-..., Portkey pk-...) wherever they appear in a text: the backstop
    // for keys the caller did not know about (a gateway quoting another key than the one sent).
    private static final Pattern KEY_LIKE = Pattern.compile("\\b(?:sk|pk)-[A-Za-z0-9_\\-]{8,}");

    // A value assigned to a name that says it is secret, as command lines (--openai.llm.api-key=..., -Dx.password=),
    // JSON ("secret": "...") and query strings (&password=...) write it. Group 2 is the value.
    private static final Pattern SECRET_ASSIGNMENT = Pattern.compile("(?i)([\\w.\\-]*(?:api[-_.]?key|password|passwd"
            + "|secret|token|credential|authorization)[\\w.\\-]*[\"']?\\s*[=:]\\s*[\"']?)([^\\s\"',;&}\\]]+)");

    // scheme://user:password@host: everything between :// and @ (user and password) is masked.
    private static final Pattern URL_USER_INFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.\\-]*://)([^/\\s@\"'<>]+)@");

    private Secrets() {
    }

    /** Returns {@code sk-...abcd} (first 3 characters, "...", last 4, in ASCII as LiteLLM writes them), or {@code ****} for short or absent keys. */
    public static String mask(String key) {
        if (key == null || key.length() < MIN_PARTIAL_LENGTH) {
            return "****";
        }
        return key.substring(0, 3) + "..." + key.substring(key.length() - 4);
    }

    /**
     * Masks keys inside free text (error bodies, exception messages, health details): every occurrence of a
     * {@code knownKeys} entry, then anything shaped like a provider or proxy key ({@code sk-...}, {@code pk-...}).
     * The one masking rule for text; callers pass every key the route may send (its own, Portkey's, failover's).
     */
    public static String maskIn(String text, Collection<String> knownKeys) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        // Longest first, so a key that contains another is masked whole.
        for (String key : knownKeys.stream().filter(k -> k != null && !k.isBlank())
                .sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
            result = result.replace(key, mask(key));
        }
        Matcher matcher = KEY_LIKE.matcher(result);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(mask(matcher.group())));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /**
     * Masks every secret a free text may carry whatever its source (a JVM command line, a JSON document, a URL, a
     * log line): key-shaped tokens as {@link #maskIn} does, values assigned to secret-sounding names
     * ({@code --openai.codex.api-key=...}, {@code "password": "..."}, {@code ?token=...}) and the user info of URLs
     * ({@code postgres://****@db/app}). Broader than {@link #maskIn}, so meant for texts that are not the product's
     * own messages, such as Actuator's view of system properties.
     */
    public static String maskSecretsIn(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = maskIn(text, java.util.List.of());
        result = replaceGroup(SECRET_ASSIGNMENT.matcher(result), 2);
        Matcher url = URL_USER_INFO.matcher(result);
        StringBuilder out = new StringBuilder();
        while (url.find()) {
            url.appendReplacement(out, Matcher.quoteReplacement(url.group(1) + "****@"));
        }
        url.appendTail(out);
        return out.toString();
    }

    private static String replaceGroup(Matcher matcher, int group) {
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = matcher.group(group);
            // Already masked (a key-shaped value, or an earlier pass): keep its readable form.
            String shown = value.contains("...") || value.equals("****") ? value : mask(value);
            matcher.appendReplacement(out, Matcher.quoteReplacement(matcher.group(1) + shown));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
