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
}
