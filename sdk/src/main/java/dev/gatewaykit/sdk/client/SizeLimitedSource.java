package dev.gatewaykit.sdk.client;

import dev.gatewaykit.sdk.errors.ResponseTooLargeException;
import okio.Buffer;
import okio.ForwardingSource;
import okio.Source;

import java.io.IOException;

/**
 * Counts the bytes passing through and throws {@link ResponseTooLargeException} once more than {@code limit} have
 * passed: in total, or, for an event stream, since the last event boundary (an empty line).
 */
final class SizeLimitedSource extends ForwardingSource {

    private final long limit;
    private final boolean perEvent;
    private final Buffer scan = new Buffer();
    private final byte[] scratch = new byte[8192];
    private long counted;
    private long lineLength;

    SizeLimitedSource(Source delegate, long limit, boolean perEvent) {
        super(delegate);
        this.limit = limit;
        this.perEvent = perEvent;
    }

    @Override
    public long read(Buffer sink, long byteCount) throws IOException {
        long read = super.read(sink, byteCount);
        if (read <= 0) {
            return read;
        }
        if (!perEvent) {
            counted += read;
        } else {
            countEvent(sink, read);
        }
        if (counted > limit) {
            throw new ResponseTooLargeException(perEvent ? ResponseTooLargeException.Scope.STREAM_EVENT
                    : ResponseTooLargeException.Scope.ANSWER, limit);
        }
        return read;
    }

    /** Counts the bytes of the current event; an empty line ends it. {@code \r} is ignored, as SSE allows CRLF. */
    private void countEvent(Buffer sink, long read) {
        sink.copyTo(scan, sink.size() - read, read);
        while (scan.size() > 0) {
            int n = scan.read(scratch, 0, (int) Math.min(scratch.length, scan.size()));
            for (int i = 0; i < n; i++) {
                byte b = scratch[i];
                counted++;
                if (b == '\n') {
                    if (lineLength == 0) {
                        counted = 0;
                    }
                    lineLength = 0;
                } else if (b != '\r') {
                    lineLength++;
                }
            }
            if (counted > limit) {
                scan.clear();
                return;
            }
        }
    }
}
