package dev.gatewaykit.sdk.client;

import java.io.IOException;

/**
 * An exchange failed on a reused pooled connection before any response arrived: the gateway had closed the
 * connection while it was idle. Safe to send again on a new connection, once; the cause is the original failure.
 */
public final class StaleConnectionException extends IOException {

    private static final long serialVersionUID = 1L;

    StaleConnectionException(IOException cause) {
        super("the gateway closed a pooled connection while it was idle (" + cause.getMessage() + ")", cause);
    }
}
