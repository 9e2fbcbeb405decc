package dev.gatewaykit.hardening.stub;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One request as exact bytes over a fresh socket, and how it ended: answered (with status and body), closed,
 * reset, or nothing within the timeout (a hang, which every test here treats as a failure).
 */
record RawExchange(End end, int status, String head, String body, long millis) {

    enum End { ANSWERED, CLOSED, RESET, TIMED_OUT }

    static RawExchange send(String host, int port, String request, int timeoutMillis) throws IOException {
        return send(host, port, request.getBytes(StandardCharsets.ISO_8859_1), timeoutMillis);
    }

    static RawExchange send(String host, int port, byte[] request, int timeoutMillis) throws IOException {
        long start = System.nanoTime();
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(timeoutMillis);
            try {
                OutputStream out = socket.getOutputStream();
                out.write(request);
                out.flush();
            } catch (SocketException refusedMidWay) {
                // What the server answered, if anything, is read below.
            }
            return read(socket.getInputStream(), start);
        }
    }

    private static RawExchange read(InputStream in, long start) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        End end = End.CLOSED;
        try {
            int headEnd = -1;
            long length = -1;
            int n;
            while ((n = in.read(buffer)) >= 0) {
                got.write(buffer, 0, n);
                String text = got.toString(StandardCharsets.ISO_8859_1);
                if (headEnd < 0 && (headEnd = text.indexOf("\r\n\r\n")) >= 0) {
                    length = contentLength(text.substring(0, headEnd));
                }
                if (headEnd >= 0 && length >= 0 && got.size() >= headEnd + 4 + length) {
                    break;
                }
            }
        } catch (SocketTimeoutException e) {
            end = End.TIMED_OUT;
        } catch (SocketException e) {
            end = got.size() == 0 ? End.RESET : End.CLOSED;
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        String text = got.toString(StandardCharsets.ISO_8859_1);
        int headEnd = text.indexOf("\r\n\r\n");
        if (end == End.TIMED_OUT || headEnd < 0 || !text.startsWith("HTTP/1.")) {
            return new RawExchange(end, 0, text, "", millis);
        }
        return new RawExchange(End.ANSWERED, Integer.parseInt(text.substring(9, 12)), text.substring(0, headEnd),
                text.substring(headEnd + 4), millis);
    }

    private static long contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Long.parseLong(line.substring(15).trim());
            }
        }
        return -1;
    }

    boolean endedWithoutHanging() {
        return end != End.TIMED_OUT;
    }

    @Override
    public String toString() {
        return end + (status > 0 ? " " + status : "") + " after " + millis + " ms"
                + (body.isEmpty() ? "" : ": " + (body.length() > 200 ? body.substring(0, 200) : body));
    }
}
