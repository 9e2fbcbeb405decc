package dev.gatewaykit.stub.http;

/** Text safe to echo into a message: printable ASCII only, bounded length. */
public final class Ascii {

    private Ascii() {
    }

    /** {@code text} with every character outside printable ASCII as {@code ?}, cut to {@code max} with {@code ...}. */
    public static String printable(String text, int max) {
        if (text == null) {
            return "null";
        }
        int n = Math.min(text.length(), max);
        StringBuilder sb = new StringBuilder(n + 3);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            sb.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        if (text.length() > max) {
            sb.append("...");
        }
        return sb.toString();
    }
}
