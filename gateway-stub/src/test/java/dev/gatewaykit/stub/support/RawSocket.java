package dev.gatewaykit.stub.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Exact bytes over a plain socket, and what came back: an answer, a close, a reset, or nothing in time. */
public final class RawSocket {

    /** How an exchange ended. */
    public enum End { ANSWERED, CLOSED, RESET, TIMED_OUT }

    /**
     * The outcome of one raw exchange.
     *
     * @param end    how it ended
     * @param status HTTP status when answered, else 0
     * @param head   status line and headers as text (lower-cased names not guaranteed)
     * @param body   body text (ISO-8859-1)
     * @param millis time until the outcome
     */
    public record Outcome(End end, int status, String head, String body, long millis) {

        /** The value of header {@code name} (case-insensitive), or {@code null}. */
        public String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }

        @Override
        public String toString() {
            return end + (status > 0 ? " " + status : "") + " after " + millis + " ms"
                    + (body.isEmpty() ? "" : ": " + (body.length() > 300 ? body.substring(0, 300) : body));
        }
    }

    private RawSocket() {
    }

    /** Sends {@code request} and reads one response, waiting at most {@code timeoutMillis} for each read. */
    public static Outcome exchange(String host, int port, byte[] request, int timeoutMillis) throws IOException {
        long start = System.nanoTime();
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(timeoutMillis);
            try {
                OutputStream out = socket.getOutputStream();
                out.write(request);
                out.flush();
            } catch (SocketException e) {
                // The server may refuse part way (e.g. oversized headers); what it answered still counts.
            }
            return read(socket.getInputStream(), start);
        }
    }

    /** Sends {@code request} as ASCII; see {@link #exchange(String, int, byte[], int)}. */
    public static Outcome exchange(String host, int port, String request, int timeoutMillis) throws IOException {
        return exchange(host, port, request.getBytes(StandardCharsets.ISO_8859_1), timeoutMillis);
    }

    /** Reads one response from {@code in}. */
    public static Outcome read(InputStream in, long startNanos) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            int headEnd = -1;
            long contentLength = -1;
            while (true) {
                int n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                got.write(buffer, 0, n);
                String text = got.toString(StandardCharsets.ISO_8859_1);
                if (headEnd < 0) {
                    headEnd = text.indexOf("\r\n\r\n");
                    if (headEnd >= 0) {
                        contentLength = contentLength(text.substring(0, headEnd));
                    }
                }
                if (headEnd >= 0 && contentLength >= 0 && got.size() >= headEnd + 4 + contentLength) {
                    break;
                }
            }
        } catch (SocketTimeoutException e) {
            return outcome(got, End.TIMED_OUT, startNanos);
        } catch (SocketException e) {
            if (got.size() == 0) {
                return outcome(got, End.RESET, startNanos);
            }
        }
        return outcome(got, got.size() == 0 ? End.CLOSED : End.ANSWERED, startNanos);
    }

    private static long contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Long.parseLong(line.substring(15).trim());
            }
        }
        return -1;
    }

    private static Outcome outcome(ByteArrayOutputStream got, End end, long startNanos) {
        String text = got.toString(StandardCharsets.ISO_8859_1);
        long millis = (System.nanoTime() - startNanos) / 1_000_000;
        int headEnd = text.indexOf("\r\n\r\n");
        if (end != End.ANSWERED || headEnd < 0 || !text.startsWith("HTTP/1.")) {
            return new Outcome(end == End.ANSWERED ? End.CLOSED : end, 0, text, "", millis);
        }
        int status = Integer.parseInt(text.substring(9, 12));
        return new Outcome(End.ANSWERED, status, text.substring(0, headEnd), text.substring(headEnd + 4), millis);
    }
}
