package dev.gatewaykit.hardening.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** A loopback port nobody listens on: what a stopped proxy looks like (connection refused). */
public final class ClosedPort {

    private ClosedPort() {
    }

    /** Binds an ephemeral port and releases it at once; connecting to it is refused. */
    public static int find() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:<closed port>/v1}. */
    public static String baseUrl() {
        return "http://127.0.0.1:" + find() + "/v1";
    }
}
