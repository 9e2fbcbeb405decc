package dev.gatewaykit.stub.endpoints;

/** Deterministic token counts: one token per 4 characters (rounded up), as a stand-in for a tokenizer. */
public final class Tokens {

    private Tokens() {
    }

    /** Tokens in {@code text}: ceil(code points / 4), 0 for empty text. */
    public static long count(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        long codePoints = text.codePointCount(0, text.length());
        return (codePoints + 3) / 4;
    }

    /** The longest prefix of {@code text} that fits in {@code maxTokens}. */
    public static String truncate(String text, long maxTokens) {
        long maxChars = maxTokens * 4;
        if (text.codePointCount(0, text.length()) <= maxChars) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, (int) maxChars));
    }
}
