package dev.gatewaykit.stub.http;

import com.sun.net.httpserver.HttpExchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.channels.ClosedChannelException;

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
        } catch (IOException | RuntimeException e) {
            permit.close();
            throw e;
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
        ByteArrayOutputStream collected = new ByteArrayOutputStream(Math.min(length, READ_SIZE));
        byte[] buffer = new byte[Math.min(length, READ_SIZE)];
        int got = 0;
        int n;
        while (got < length && (n = in.read(buffer, 0, Math.min(buffer.length, length - got))) > 0) {
            permit.grow(n);
            collected.write(buffer, 0, n);
            got += n;
        }
        return collected.toByteArray();
    }

    private static byte[] readUpTo(InputStream in, int maxBytes, BodyBudget.Permit permit) throws IOException {
        ByteArrayOutputStream collected = new ByteArrayOutputStream();
        byte[] buffer = new byte[READ_SIZE];
        int total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            total += n;
            if (total > maxBytes) {
                throw tooLarge(maxBytes);
            }
            permit.grow(n);
            collected.write(buffer, 0, n);
        }
        return collected.toByteArray();
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
