package dev.gatewaykit.stub.record;

import dev.gatewaykit.stub.http.Route;
import dev.gatewaykit.stub.http.StubRequest;

import java.io.IOException;

/**
 * Serves model calls from somewhere other than the stub's own replies: a real gateway while recording
 * ({@link Recorder}), or recorded fixtures ({@link Replayer}).
 */
public interface Passthrough {

    /** Answers {@code request} (a model call on {@code route}); a stream is cut after {@code cutAfter} events (-1: never). */
    void serve(StubRequest request, Route route, int cutAfter) throws IOException;
}
