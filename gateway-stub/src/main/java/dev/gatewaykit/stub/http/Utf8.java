package dev.gatewaykit.stub.http;

/**
 * Strict UTF-8 as RFC 3629 defines it: no overlong forms (so {@code C0 AF} is not a {@code /}), no encoded
 * surrogates, nothing above U+10FFFF, no cut sequences. One pass, no allocation.
 */
public final class Utf8 {

    private Utf8() {
    }

    /**
     * The first problem in {@code bytes}, e.g. {@code "an overlong encoding at byte 12"}, or {@code null} when the
     * bytes are valid UTF-8.
     */
    public static String problem(byte[] bytes) {
        int i = 0;
        int n = bytes.length;
        while (i < n) {
            int b = bytes[i] & 0xff;
            if (b < 0x80) {
                i++;
                continue;
            }
            int length;
            int min;
            int cp;
            if (b >= 0xc2 && b <= 0xdf) {
                length = 2;
                min = 0x80;
                cp = b & 0x1f;
            } else if (b >= 0xe0 && b <= 0xef) {
                length = 3;
                min = 0x800;
                cp = b & 0x0f;
            } else if (b >= 0xf0 && b <= 0xf4) {
                length = 4;
                min = 0x10000;
                cp = b & 0x07;
            } else {
                return (b == 0xc0 || b == 0xc1 ? "an overlong encoding" : "an invalid UTF-8 byte") + " at byte " + i;
            }
            if (i + length > n) {
                return "a UTF-8 sequence cut short at byte " + i;
            }
            for (int k = 1; k < length; k++) {
                int c = bytes[i + k] & 0xff;
                if ((c & 0xc0) != 0x80) {
                    return "an invalid UTF-8 sequence at byte " + i;
                }
                cp = cp << 6 | c & 0x3f;
            }
            if (cp < min) {
                return "an overlong encoding at byte " + i;
            }
            if (cp >= 0xd800 && cp <= 0xdfff) {
                return "an encoded surrogate (U+" + Integer.toHexString(cp).toUpperCase(java.util.Locale.ROOT)
                        + ") at byte " + i;
            }
            if (cp > 0x10ffff) {
                return "a code point above U+10FFFF at byte " + i;
            }
            i += length;
        }
        return null;
    }

    /** Whether {@code s} has a high surrogate without its low one, or a low one alone (a JSON {@code \ud800}). */
    public static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return true;
                }
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
