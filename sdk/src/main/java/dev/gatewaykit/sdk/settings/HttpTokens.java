package dev.gatewaykit.sdk.settings;

/** HTTP syntax used in constraints, checked with plain loops (no regular expression to compile at startup). */
final class HttpTokens {

    /** The RFC 9110 token characters besides ASCII letters and digits. */
    private static final String TOKEN_SYMBOLS = "!#$%&'*+.^_`|~-";

    private HttpTokens() {
    }

    /** Whether {@code name} is an RFC 9110 token, the form of a header name: {@code [!#$%&'*+.^_`|~0-9A-Za-z-]+}. */
    static boolean isHeaderName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean letterOrDigit = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!letterOrDigit && TOKEN_SYMBOLS.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code text} is one or more characters none of which is regex whitespace ({@code \S+}: not space,
     * tab, line feed, vertical tab, form feed or carriage return).
     */
    static boolean hasNoWhitespace(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (" \t\n\u000B\f\r".indexOf(text.charAt(i)) >= 0) {
                return false;
            }
        }
        return true;
    }
}
