package dev.gatewaykit.sdk.metrics;

import okio.Buffer;
import okio.ForwardingSource;
import okio.Source;

import java.io.IOException;

/**
 * A response body's source that shows every byte the caller reads to a {@link BodyObserver} and finishes the
 * {@link CallMeasurement} when the body ends: exhausted (success, or {@code stream_error} if the reply said so), a
 * read failure (a cut stream: the exception's name), or closed early ({@code cancelled} unless the reply was already
 * whole, e.g. after {@code data: [DONE]}). Nothing is copied beyond a small scratch array.
 */
final class MeteredSource extends ForwardingSource {

    private final BodyObserver observer;
    private final CallEnd call;
    private final byte[] scratch = new byte[8192];
    private final Buffer window = new Buffer();
    private boolean ended;

    MeteredSource(Source delegate, BodyObserver observer, CallEnd call) {
        super(delegate);
        this.observer = observer;
        this.call = call;
    }

    @Override
    public long read(Buffer sink, long byteCount) throws IOException {
        long read;
        try {
            read = super.read(sink, byteCount);
        } catch (IOException | RuntimeException e) {
            call.finish(CallMeasurement.errorType(e));
            throw e;
        }
        if (read == -1) {
            end();
            call.finish(observer.reportsError() ? MetricNames.STREAM_ERROR : MetricNames.NO_ERROR);
            return -1;
        }
        observe(sink, read);
        return read;
    }

    @Override
    public void close() throws IOException {
        try {
            super.close();
        } finally {
            String errorType = observer.reportsError() ? MetricNames.STREAM_ERROR
                    : observer.complete() ? MetricNames.NO_ERROR : MetricNames.CANCELLED;
            call.finish(errorType);
        }
    }

    private void observe(Buffer sink, long read) {
        sink.copyTo(window, sink.size() - read, read);
        while (window.size() > 0) {
            int n = window.read(scratch, 0, (int) Math.min(scratch.length, window.size()));
            observer.onBytes(scratch, 0, n);
        }
    }

    private void end() {
        if (!ended) {
            ended = true;
            observer.onEnd();
        }
    }
}
