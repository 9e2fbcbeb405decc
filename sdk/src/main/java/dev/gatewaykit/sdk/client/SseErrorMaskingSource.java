package dev.gatewaykit.sdk.client;

import okio.Buffer;
import okio.BufferedSource;
import okio.ByteString;
import okio.Source;
import okio.Timeout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

/**
 * An event stream passed on line by line, with {@code mask} applied to the lines of error events: an
 * {@code event: error} block, a {@code data:} line holding an {@code "error"} member, or a {@code data:} line that
 * is not a JSON object (a parser would quote it). Lines are the unit because a key never spans one.
 */
final class SseErrorMaskingSource implements Source {

    private static final ByteString ERROR = ByteString.encodeUtf8("\"error\"");

    private final BufferedSource upstream;
    private final UnaryOperator<String> mask;
    private final Buffer pending = new Buffer();
    private boolean inErrorEvent;

    SseErrorMaskingSource(BufferedSource upstream, UnaryOperator<String> mask) {
        this.upstream = upstream;
        this.mask = mask;
    }

    @Override
    public long read(Buffer sink, long byteCount) throws IOException {
        if (pending.size() == 0 && !nextLine()) {
            return -1;
        }
        return pending.read(sink, Math.min(byteCount, pending.size()));
    }

    /** Moves the next line (with its line break) into {@code pending}, masked if needed; false at the end. */
    private boolean nextLine() throws IOException {
        long newline = upstream.indexOf((byte) '\n');
        ByteString line;
        if (newline >= 0) {
            line = upstream.readByteString(newline + 1);
        } else if (!upstream.exhausted()) {
            line = upstream.readByteString();
        } else {
            return false;
        }
        pending.write(needsMask(line) ? ByteString.encodeUtf8(mask.apply(line.utf8())) : line);
        return true;
    }

    private boolean needsMask(ByteString line) {
        String text = line.string(StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            inErrorEvent = false;
            return false;
        }
        if (text.startsWith("event:")) {
            inErrorEvent = text.substring("event:".length()).strip().equals("error");
            return inErrorEvent;
        }
        if (inErrorEvent) {
            return true;
        }
        if (!text.startsWith("data:")) {
            return false;
        }
        String data = text.substring("data:".length()).strip();
        return line.indexOf(ERROR) >= 0 || !(data.startsWith("{") || data.equals("[DONE]"));
    }

    @Override
    public Timeout timeout() {
        return upstream.timeout();
    }

    @Override
    public void close() throws IOException {
        upstream.close();
    }
}
