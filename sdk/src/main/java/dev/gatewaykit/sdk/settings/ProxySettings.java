package dev.gatewaykit.sdk.settings;


import java.util.Objects;
import java.util.Optional;

/** An outbound HTTP proxy between the application and the gateway (not the gateway itself). */
public final class ProxySettings {

    private final String host;
    private final int port;
    private final String username;
    private final ApiKey password;

    private ProxySettings(String host, int port, String username, ApiKey password) {
        this.host = host;
        this.port = port;
        this.username = username;
        this.password = password;
    }

    /** A proxy without credentials. */
    public static ProxySettings of(String host, int port) {
        return new ProxySettings(host, port, null, null);
    }

    /** A copy with basic-auth credentials. */
    public ProxySettings withCredentials(String username, String password) {
        return new ProxySettings(host, port, username, ApiKey.ofNullable(password));
    }

    /** The proxy host. */
    public String host() {
        return host;
    }

    /** The proxy port. */
    public int port() {
        return port;
    }

    /** The proxy user, if any. */
    public Optional<String> username() {
        return Optional.ofNullable(username);
    }

    /** The proxy password (masked in {@code toString}), if any. */
    public Optional<ApiKey> password() {
        return Optional.ofNullable(password);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProxySettings p && host.equals(p.host) && port == p.port
                && Objects.equals(username, p.username) && Objects.equals(password, p.password);
    }

    @Override
    public int hashCode() {
        return Objects.hash(host, port, username, password);
    }

    @Override
    public String toString() {
        return "ProxySettings[" + host + ":" + port + (username == null ? "" : ", user=" + username + ", password="
                + ApiKey.maskedOrNone(password)) + "]";
    }
}
