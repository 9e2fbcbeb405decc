package dev.gatewaykit.stub.journal;

import dev.gatewaykit.stub.keys.KeyMask;

import java.util.Collection;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Masks secrets in journal text: {@code sk-…} tokens, key-like JSON fields, known keys and auth-like headers. */
public final class SecretMasker {

    private static final Pattern SK_TOKEN = Pattern.compile("sk-[A-Za-z0-9_\\-]{4,}");
    private static final Pattern KEY_FIELD = Pattern.compile(
            "(\"(?:key|api_key|apiKey|master_key|masterKey|token|key_name|x-litellm-api-key|x-portkey-api-key)\"\\s*:\\s*\")((?:[^\"\\\\]|\\\\.)*)(\")");
    private static final Pattern KEYS_ARRAY = Pattern.compile("(\"keys\"\\s*:\\s*\\[)([^\\]]*)(])");
    private static final Pattern QUOTED = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    private SecretMasker() {
    }

    /** Whether a header carries credentials and must be masked. */
    public static boolean isSecretHeader(String lowerCaseName) {
        // "portkey" itself is no credential: x-portkey-provider stays readable, x-portkey-api-key does not.
        String n = lowerCaseName.toLowerCase(Locale.ROOT).replace("portkey", "");
        return n.contains("auth") || n.contains("key") || n.contains("token") || n.contains("secret")
                || n.equals("cookie") || n.equals("set-cookie");
    }

    /** Masks a header value, keeping an auth scheme such as {@code Bearer}. */
    public static String maskHeaderValue(String value) {
        int space = value.indexOf(' ');
        if (space > 0 && space < 10) {
            return value.substring(0, space + 1) + KeyMask.mask(value.substring(space + 1).trim());
        }
        return KeyMask.mask(value);
    }

    /** Masks every secret in {@code text}; {@code known} are secrets that may not look like {@code sk-…}. */
    public static String maskBody(String text, Collection<String> known) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = replace(KEY_FIELD, text, m -> m.group(1) + KeyMask.mask(m.group(2)) + m.group(3));
        out = replace(KEYS_ARRAY, out, m -> m.group(1)
                + replace(QUOTED, m.group(2), q -> "\"" + KeyMask.mask(q.group(1)) + "\"") + m.group(3));
        out = replace(SK_TOKEN, out, m -> KeyMask.mask(m.group()));
        for (String secret : known) {
            if (secret != null && secret.length() >= 4 && out.contains(secret)) {
                out = out.replace(secret, KeyMask.mask(secret));
            }
        }
        return out;
    }

    private static String replace(Pattern pattern, String text, java.util.function.Function<Matcher, String> f) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        do {
            m.appendReplacement(sb, Matcher.quoteReplacement(f.apply(m)));
        } while (m.find());
        m.appendTail(sb);
        return sb.toString();
    }
}
