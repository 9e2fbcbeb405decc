package dev.gatewaykit.sdk.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Failures that prove an origin unreachable because no connection was made (refused, no route, unknown host, port
 * unreachable, connect timeout). A read timeout is not one: it may be a slow model, not a dead proxy.
 */
public final class ConnectFailures {

    private ConnectFailures() {
    }

    /** Whether {@code e} itself is a failure to connect. */
    public static boolean isConnectFailure(IOException e) {
        return e instanceof ConnectException || e instanceof UnknownHostException
                || e instanceof NoRouteToHostException || e instanceof PortUnreachableException
                || (e instanceof SocketTimeoutException timeout && isConnectTimeout(timeout));
    }

    /** Whether a timeout happened while connecting (OkHttp says "connect timed out"), not while reading. */
    public static boolean isConnectTimeout(SocketTimeoutException timeout) {
        return timeout.getMessage() != null && timeout.getMessage().toLowerCase(Locale.ROOT).contains("connect");
    }
}
