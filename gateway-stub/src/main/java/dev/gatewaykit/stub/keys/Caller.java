package dev.gatewaykit.stub.keys;

import java.util.Optional;

/**
 * Who is calling: the master key, a virtual key, or anyone (open mode / probes).
 *
 * @param entry  the virtual key's live entry, or {@code null}
 * @param master whether the master key was presented
 */
public record Caller(KeyRegistry.Entry entry, boolean master) {

    /** No key checked. */
    public static final Caller ANONYMOUS = new Caller(null, false);
    /** The master key. */
    public static final Caller MASTER = new Caller(null, true);

    /** The virtual key, if one was used. */
    public Optional<KeyRegistry.Entry> virtualKey() {
        return Optional.ofNullable(entry);
    }
}
