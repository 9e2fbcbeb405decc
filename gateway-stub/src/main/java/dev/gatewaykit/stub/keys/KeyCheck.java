package dev.gatewaykit.stub.keys;

import dev.gatewaykit.stub.http.PresentedKey;

import java.time.Instant;

/**
 * The outcome of looking up a presented key; gateways word the failures their own way.
 *
 * @param outcome what was found
 * @param entry   the virtual key for {@link Outcome#VIRTUAL} and {@link Outcome#EXPIRED}
 */
public record KeyCheck(Outcome outcome, KeyRegistry.Entry entry) {

    /** Possible outcomes. */
    public enum Outcome {
        /** No master key and no virtual keys: everything is accepted. */
        OPEN,
        /** No key sent. */
        MISSING,
        /** {@code Authorization} without {@code Bearer }. */
        MALFORMED,
        /** The master key. */
        MASTER,
        /** A live virtual key. */
        VIRTUAL,
        /** Not a known key. */
        UNKNOWN,
        /** A virtual key past its expiry. */
        EXPIRED
    }

    /** Looks up {@code presented} against the master key and the registry. */
    public static KeyCheck of(PresentedKey presented, String masterKey, KeyRegistry keys) {
        if (masterKey == null && keys.isEmpty()) {
            return new KeyCheck(Outcome.OPEN, null);
        }
        if (presented.malformed()) {
            return new KeyCheck(Outcome.MALFORMED, null);
        }
        if (!presented.present()) {
            return new KeyCheck(Outcome.MISSING, null);
        }
        if (masterKey != null && masterKey.equals(presented.key())) {
            return new KeyCheck(Outcome.MASTER, null);
        }
        KeyRegistry.Entry entry = keys.find(presented.key()).orElse(null);
        if (entry == null) {
            return new KeyCheck(Outcome.UNKNOWN, null);
        }
        if (entry.key().expires().map(e -> !e.isAfter(Instant.now())).orElse(false)) {
            return new KeyCheck(Outcome.EXPIRED, entry);
        }
        return new KeyCheck(Outcome.VIRTUAL, entry);
    }

    /** The caller for a successful check. */
    public Caller caller() {
        return switch (outcome) {
            case MASTER -> Caller.MASTER;
            case VIRTUAL -> new Caller(entry, false);
            default -> Caller.ANONYMOUS;
        };
    }
}
