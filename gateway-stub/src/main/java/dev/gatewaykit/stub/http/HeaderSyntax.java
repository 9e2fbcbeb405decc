package dev.gatewaykit.stub.http;

import java.util.Locale;
import java.util.Set;

/** Header names and values as RFC 9110 allows them, for headers the stub is told to send. */
public final class HeaderSyntax {

    /** Framing headers the HTTP server computes from the body; set by hand they would contradict it. */
    private static final Set<String> FRAMING = Set.of("content-length", "transfer-encoding");

    private HeaderSyntax() {
    }

    /**
     * Checks a response header to be sent.
     *
     * @throws IllegalArgumentException naming the header and what is wrong with it
     */
    public static void requireValid(String name, String value) {
        if (name == null || name.isEmpty() || !isToken(name)) {
            throw new IllegalArgumentException("header name '" + Ascii.printable(name, 80) + "' is not an RFC 9110"
                    + " token (letters, digits and !#$%&'*+-.^_`|~ only)");
        }
        if (FRAMING.contains(name.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("header '" + name + "' cannot be set: the server computes it from"
                    + " the body (use dropConnection or cutStreamAfterEvents to break framing)");
        }
        if (value == null || !isFieldValue(value)) {
            throw new IllegalArgumentException("value of header '" + name + "' contains CR, LF or another control"
                    + " character: '" + Ascii.printable(value, 80) + "'");
        }
    }

    private static boolean isToken(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean isFieldValue(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\t' || c == 0x7f || c > 0xff) {
                return false;
            }
        }
        return true;
    }
}
