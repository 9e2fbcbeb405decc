package dev.gatewaykit.sdk.settings;

/** Masks secrets for display: keys never appear in full in messages, logs or {@code toString}. */
public final class Secrets {

    /** Keys shorter than this are masked completely, because showing 7 of them would reveal too much. */
    static final int MIN_PARTIAL_LENGTH = 12;

    private Secrets() {
    }

    /** Returns {@code sk-…abcd} (first 3 characters, "…", last 4), or {@code ****} for short or absent keys. */
    public static String mask(String key) {
        if (key == null || key.length() < MIN_PARTIAL_LENGTH) {
            return "****";
        }
        return key.substring(0, 3) + "…" + key.substring(key.length() - 4);
    }
}
