package dev.gatewaykit.stub.journal;

import dev.gatewaykit.stub.keys.KeyMask;

import java.util.Locale;
import java.util.function.Predicate;

/**
 * Masks secrets in text the stub shows (journal, echoed errors): {@code sk-} tokens, known keys, the values of
 * key-like JSON fields and {@code name=value} pairs, and credential headers. One left-to-right scan with a bounded
 * look-ahead: linear in the text, no recursion, no regular expressions, so any input, however long or odd, is
 * masked in bounded time and stack.
 */
public final class SecretMasker {

    /** Shortest token worth looking up as a known key. */
    private static final int MIN_KNOWN = 4;

    private SecretMasker() {
    }

    /** Whether a header carries credentials and must be masked whole. */
    public static boolean isSecretHeader(String lowerCaseName) {
        // "portkey" itself is no credential: x-portkey-provider stays readable, x-portkey-api-key does not.
        String n = lowerCaseName.toLowerCase(Locale.ROOT).replace("portkey", "");
        return n.contains("auth") || n.contains("key") || n.contains("token") || n.contains("secret")
                || n.equals("cookie") || n.equals("set-cookie");
    }

    /** Masks a credential header value, keeping an auth scheme such as {@code Bearer}. */
    public static String maskHeaderValue(String value) {
        int space = value.indexOf(' ');
        if (space > 0 && space < 10) {
            return value.substring(0, space + 1) + KeyMask.mask(value.substring(space + 1).trim());
        }
        return KeyMask.mask(value);
    }

    /**
     * Whether a JSON field or parameter of this name holds a secret: {@code api_key}, {@code API_KEY},
     * {@code virtual_key}, {@code keys}, {@code authorization}, {@code client_secret}, {@code token}... Case,
     * {@code _} and {@code -} do not matter.
     */
    public static boolean isSecretName(CharSequence name) {
        StringBuilder n = new StringBuilder(Math.min(name.length(), 64));
        for (int i = 0; i < name.length() && n.length() < 64; i++) {
            char c = name.charAt(i);
            if (c != '_' && c != '-' && c != ' ') {
                n.append(Character.toLowerCase(c));
            }
        }
        String s = n.toString();
        return s.endsWith("key") || s.endsWith("keys") || s.contains("token") || s.contains("secret")
                || s.contains("password") || s.contains("passwd") || s.contains("authorization")
                || s.contains("credential") || s.equals("auth") || s.equals("cookie");
    }

    /**
     * {@code text} with every secret masked as {@code sk-...abcd}; {@code known} tells whether a token is a
     * configured key (keys need not look like {@code sk-...}).
     */
    public static String mask(String text, Predicate<String> known) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        int n = text.length();
        StringBuilder out = new StringBuilder(n + 16);
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '"') {
                i = quoted(text, i, known, out);
            } else if (isTokenChar(c)) {
                i = token(text, i, n, known, out);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** A JSON string at {@code start}: a secret field name masks its value; any other string has its tokens masked. */
    private static int quoted(String text, int start, Predicate<String> known, StringBuilder out) {
        int n = text.length();
        int end = endOfString(text, start);
        int colon = end < n ? skipSpace(text, end + 1) : n;
        if (colon < n && text.charAt(colon) == ':' && isSecretName(text.subSequence(start + 1, end))) {
            out.append(text, start, colon + 1);
            int value = skipSpace(text, colon + 1);
            out.append(text, colon + 1, value);
            if (value < n && text.charAt(value) == '"') {
                return maskedString(text, value, out);
            }
            if (value < n && text.charAt(value) == '[') {
                return maskedArray(text, value, out);
            }
            return value;
        }
        out.append('"');
        tokens(text, start + 1, end, known, out);
        if (end < n) {
            out.append('"');
        }
        return end + 1;
    }

    /** Index of the closing quote of the string opening at {@code start}, or the text length if unterminated. */
    private static int endOfString(String text, int start) {
        int n = text.length();
        for (int i = start + 1; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        return n;
    }

    private static int skipSpace(String text, int i) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** A string that is a secret: masked whole; an unterminated one (a cut body) is masked to the end. */
    private static int maskedString(String text, int start, StringBuilder out) {
        int end = endOfString(text, start);
        out.append('"');
        if (end > start + 1) {
            String value = text.substring(start + 1, end);
            out.append(isMasked(value) ? value : KeyMask.mask(value));
        }
        if (end < text.length()) {
            out.append('"');
        }
        return end + 1;
    }

    /** An array of secrets ({@code "keys": [...]}): each string in it masked, up to the closing bracket. */
    private static int maskedArray(String text, int start, StringBuilder out) {
        int n = text.length();
        int depth = 0;
        int i = start;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '"') {
                i = maskedString(text, i, out);
                continue;
            }
            out.append(c);
            i++;
            if (c == '[') {
                depth++;
            } else if (c == ']' && --depth == 0) {
                break;
            }
        }
        return i;
    }

    /** Masks the tokens in {@code text[from, to)}; a token never runs past {@code to}. */
    private static void tokens(String text, int from, int to, Predicate<String> known, StringBuilder out) {
        int i = from;
        while (i < to) {
            if (isTokenChar(text.charAt(i))) {
                i = token(text, i, to, known, out);
            } else {
                out.append(text.charAt(i));
                i++;
            }
        }
    }

    /**
     * One token at {@code start} (a run of key characters, ending by {@code n}): masked if it is an {@code sk-} key or a known key; a
     * secret name followed by {@code =} masks the value after it ({@code ?api_key=...}).
     */
    private static int token(String text, int start, int n, Predicate<String> known, StringBuilder out) {
        int end = start;
        while (end < n && isTokenChar(text.charAt(end))) {
            end++;
        }
        String token = text.substring(start, end);
        appendToken(token, known, out);
        if (end + 1 < n && text.charAt(end) == '=' && isSecretName(token)) {
            int valueEnd = end + 1;
            while (valueEnd < n && isTokenChar(text.charAt(valueEnd))) {
                valueEnd++;
            }
            out.append('=');
            if (valueEnd > end + 1) {
                out.append(KeyMask.mask(text.substring(end + 1, valueEnd)));
            }
            return valueEnd;
        }
        return end;
    }

    /**
     * A token masked whole if it is a key; else each part between dots is checked, since a key can follow a dot as a
     * JSON path's property name ({@code $.sk-...}, {@code $.properties.my-virtual-key.type}), and an {@code sk-}
     * key whose first part is short (a dotted key) is masked from there to the token's end. Each part is copied and
     * looked at once, so a token of many dots stays linear. A known key that itself contains dots is found only as
     * a whole token.
     */
    private static void appendToken(String token, Predicate<String> known, StringBuilder out) {
        if (isSecretToken(token, known)) {
            out.append(KeyMask.mask(token));
            return;
        }
        if (token.indexOf('.') < 0) {
            out.append(token);
            return;
        }
        int from = 0;
        while (true) {
            int masked = maskedAt(token, from);
            int next = token.indexOf('.', masked > 0 ? masked : from);
            int end = next < 0 ? token.length() : next;
            String part = token.substring(from, end);
            if (masked > 0) {
                out.append(part); // already a mask (sk-...abcd): its own dots are no parts
            } else if (isSecretToken(part, known)) {
                out.append(KeyMask.mask(part));
            } else if (part.startsWith("sk-") && next >= 0) {
                String rest = token.substring(from);
                out.append(isSecretToken(rest, known) ? KeyMask.mask(rest) : rest);
                return;
            } else {
                out.append(part);
            }
            if (next < 0) {
                return;
            }
            out.append('.');
            from = next + 1;
        }
    }

    /** The end of a mask ({@code sk-...abcd}) that starts at {@code from} and ends the token or a part; else 0. */
    private static int maskedAt(String token, int from) {
        int end = from + 10;
        if (end > token.length() || !token.startsWith("...", from + 3)
                || end < token.length() && token.charAt(end) != '.') {
            return 0;
        }
        return isMasked(token.substring(from, end)) ? end : 0;
    }

    private static boolean isSecretToken(String token, Predicate<String> known) {
        if (isMasked(token)) {
            return false;
        }
        if (token.startsWith("sk-") && token.length() >= 7) {
            return true;
        }
        return token.length() >= MIN_KNOWN && known.test(token);
    }

    /** Already a mask ({@code sk-...abcd}, {@code ****}): masking it again would lose its last four characters. */
    private static boolean isMasked(String token) {
        return token.length() == 10 && token.startsWith("...", 3) || token.equals("****");
    }

    /** Characters keys are made of: letters, digits and {@code - _ . ~ + / =} minus the ones that separate. */
    private static boolean isTokenChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_'
                || c == '.' || c == '~' || c == '+' || c == '*' || c > 0x7f;
    }
}
