package dev.gatewaykit.sdk.settings;

import java.util.Objects;

/** An API key whose {@code toString} is masked, so it can travel through logs and messages safely. */
public final class ApiKey {

    private final String value;

    private ApiKey(String value) {
        this.value = value;
    }

    /** Wraps a key; the value is kept exactly as given (validation happens during resolution). */
    public static ApiKey of(String value) {
        Objects.requireNonNull(value, "value");
        return new ApiKey(value);
    }

    /** Wraps a key; {@code null} (no key) stays {@code null}, as builders hold an absent key. */
    public static ApiKey ofNullable(String value) {
        return value == null ? null : new ApiKey(value);
    }

    /** The key masked as {@code sk-...abcd}, or {@code (none)} when there is no key. */
    public static String maskedOrNone(ApiKey key) {
        return key == null ? "(none)" : key.masked();
    }

    /** The key itself, for the one place that sends it: the HTTP client. */
    public String reveal() {
        return value;
    }

    /** The key masked as {@code sk-...abcd}. */
    public String masked() {
        return Secrets.mask(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApiKey other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return masked();
    }
}
