package dev.gatewaykit.stub.keys;

/** Masks secrets as {@code sk-...abcd} (ASCII): first 3 characters, {@code ...}, last 4; shorter than 12 → {@code ****}. */
public final class KeyMask {

    private KeyMask() {
    }

    /** The masked form of {@code key}, or {@code null} for {@code null}. */
    public static String mask(String key) {
        if (key == null) {
            return null;
        }
        if (key.length() < 12) {
            return "****";
        }
        return key.substring(0, 3) + "..." + key.substring(key.length() - 4);
    }
}
