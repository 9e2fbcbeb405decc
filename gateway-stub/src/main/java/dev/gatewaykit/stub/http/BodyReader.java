package dev.gatewaykit.stub.http;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a request body within the size limit. A body the HTTP server cannot decode (bad chunk sizes, chunk
 * trailers, a connection closed mid-body) becomes a 400 that closes the connection; a body refused by a watchdog
 * deadline propagates as the {@link IOException} it is (the socket is gone, nothing can be answered).
 */
public final class BodyReader {

    private static final int READ_SIZE = 8192;

    private BodyReader() {
    }

    /**
     * A body read and the share of the in-flight budget it holds until {@link #close()}.
     *
     * @param bytes  the body
     * @param permit its share of the budget
     */
    public record Body(byte[] bytes, BodyBudget.Permit permit) implements AutoCloseable {
        @Override
        public void close() {
            permit.close();
        }
    }

    /**
     * The whole body, once {@code budget} has room for it (a chunked body reserves {@code maxBytes}).
     *
     * @throws StubError 413 over {@code maxBytes}, 400 for framing the HTTP server could not decode, 503 when the
     *                   budget stays full
     * @throws IOException when the exchange was cut for taking too long
     */
    public static Body read(HttpExchange exchange, int maxBytes, BodyBudget budget) throws IOException {
        long declared = declaredLength(exchange);
        if (declared > maxBytes) {
            throw tooLarge(maxBytes);
        }
        BodyBudget.Permit permit = budget.open();
        try {
            return new Body(read(exchange, maxBytes, declared, permit), permit);
        } catch (Throwable e) { // an OutOfMemoryError too: the budget must not leak
            permit.close();
            if (e instanceof StubError error && error.kind() == StubError.Kind.OVERLOADED) {
                discardRest(exchange, maxBytes);
            }
            throw e;
        }
    }

    /**
     * Reads and drops what is left of a refused body (at most {@code maxBytes}, within the deadline), so the client
     * finishes sending and reads the refusal instead of meeting a reset.
     */
    private static void discardRest(HttpExchange exchange, int maxBytes) {
        byte[] sink = new byte[READ_SIZE];
        long left = maxBytes;
        try (InputStream in = exchange.getRequestBody()) {
            int n;
            while (left > 0 && (n = in.read(sink, 0, (int) Math.min(sink.length, left))) > 0) {
                left -= n;
            }
        } catch (IOException | RuntimeException e) {
            // The refusal is sent anyway; the connection closes after it.
        }
    }

    private static byte[] read(HttpExchange exchange, int maxBytes, long declared, BodyBudget.Permit permit)
            throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = declared >= 0 ? readExactly(in, (int) declared, permit) : readUpTo(in, maxBytes, permit);
            if (declared >= 0 && body.length < declared) {
                throw badFraming("the body ended after " + body.length + " of the " + declared
                        + " bytes its Content-Length announced");
            }
            ReadPhase.serving();
            return body;
        } catch (InterruptedIOException | ClosedChannelException cut) {
            throw cut;
        } catch (IOException | RuntimeException e) {
            if (e instanceof StubError error) {
                throw error;
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedIOException("the client took longer than allowed to send its request");
            }
            // The JDK's chunked decoder throws IOExceptions, and IndexOutOfBoundsException for sizes that overflow.
            throw badFraming(describe(e));
        }
    }

    /** The Content-Length; 0 without one unless chunked; -1 for a chunked body (length unknown). */
    private static long declaredLength(HttpExchange exchange) {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length == null) {
            // The JDK server accepts no other transfer coding; without either header there is no body.
            return exchange.getRequestHeaders().containsKey("Transfer-Encoding") ? -1 : 0;
        }
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1; // the JDK server rejected unparsable lengths before the handler ran
        }
    }

    /** Up to {@code length} bytes; the buffer grows with what arrives (a stalled client costs what it sent). */
    private static byte[] readExactly(InputStream in, int length, BodyBudget.Permit permit) throws IOException {
        return collect(in, length, length, permit);
    }

    private static byte[] readUpTo(InputStream in, int maxBytes, BodyBudget.Permit permit) throws IOException {
        return collect(in, maxBytes + 1, maxBytes, permit);
    }

    /**
     * Reads at most {@code limit} bytes in pieces counted against the budget, then joins them once: the body costs
     * twice its size at the peak (a growing array would cost up to four times).
     */
    private static byte[] collect(InputStream in, int limit, int maxBytes, BodyBudget.Permit permit)
            throws IOException {
        List<byte[]> pieces = new ArrayList<>();
        int total = 0;
        while (total < limit) {
            byte[] piece = new byte[Math.min(READ_SIZE, limit - total)];
            int n = in.readNBytes(piece, 0, piece.length);
            if (n <= 0) {
                break;
            }
            total += n;
            if (total > maxBytes) {
                throw tooLarge(maxBytes);
            }
            permit.grow(n);
            pieces.add(n == piece.length ? piece : Arrays.copyOf(piece, n));
            if (n < piece.length) {
                break;
            }
        }
        byte[] body = new byte[total];
        int at = 0;
        for (byte[] piece : pieces) {
            System.arraycopy(piece, 0, body, at, piece.length);
            at += piece.length;
        }
        return body;
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        String what = e instanceof IndexOutOfBoundsException ? "a chunk size out of range"
                : message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
        return "the chunked or length-delimited body could not be decoded (" + Ascii.printable(what, 120) + ")";
    }

    /** 413 for a body over {@code maxBytes}. */
    public static StubError tooLarge(int maxBytes) {
        return new StubError(StubError.Kind.TOO_LARGE, 413, "invalid_request_error", null, "request_too_large",
                "Request body is larger than the limit of " + maxBytes + " bytes (limit maxBodyBytes)");
    }

    private static StubError badFraming(String detail) {
        return new StubError(StubError.Kind.MALFORMED_BODY, 400, "invalid_request_error", null, "invalid_body_framing",
                "Malformed request body: " + detail + "; send a Content-Length body, or chunks with hex sizes"
                        + " and no trailers").header("Connection", "close");
    }
}
