package dev.gatewaykit.sdk.gateway;

import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link Gateway} makes of a failed call: the cause when its error vocabulary names one, and a hint that
 * says what to do. Either may be absent: a cause without a hint gets the generic hint of its kind, a hint without
 * a cause leaves the kind to the HTTP status.
 *
 * @param cause the cause, when the gateway's types, codes or statuses say it
 * @param hint  what to do, in this gateway's terms
 */
public record Diagnosis(Optional<FailureCause> cause, Optional<String> hint) {

    /** Both are required to be non-null (possibly empty). */
    public Diagnosis {
        Objects.requireNonNull(cause);
        Objects.requireNonNull(hint);
    }

    /** A cause and what to do about it. */
    public static Diagnosis of(FailureCause cause, String hint) {
        return new Diagnosis(Optional.of(cause), Optional.of(hint));
    }

    /** A cause only: the hint is the generic one of its kind. */
    public static Diagnosis causeOnly(FailureCause cause) {
        return new Diagnosis(Optional.of(cause), Optional.empty());
    }

    /** A hint only: the kind follows the HTTP status. */
    public static Diagnosis hintOnly(String hint) {
        return new Diagnosis(Optional.empty(), Optional.of(hint));
    }
}
