package dev.gatewaykit.stub.http;

import java.io.IOException;

/**
 * Thrown out of the handler to make the JDK server close the connection without finishing the response,
 * which is how a dropped connection or a cut stream looks to the client.
 */
public final class ConnectionDrop extends IOException {

    private final boolean afterHeaders;

    /** A drop; {@code afterHeaders} tells whether a status line was already sent (journal status 200). */
    public ConnectionDrop(String message, boolean afterHeaders) {
        super(message, null);
        this.afterHeaders = afterHeaders;
    }

    /** Whether the status line had already been sent. */
    public boolean afterHeaders() {
        return afterHeaders;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
