package dev.gatewaykit.stub;

import java.util.Locale;

/** Which gateway the stub impersonates: paths, auth rules, headers and error shapes follow it. */
public enum StubMode {
    /** Plain OpenAI API: {@code /v1/...} and bare paths, OpenAI error shapes. */
    OPENAI,
    /** LiteLLM proxy: virtual keys, key admin, health probes, {@code x-litellm-*} headers. */
    LITELLM,
    /** Portkey gateway: {@code /v1} required, {@code x-portkey-*} headers, {@code {"status":"failure"}} errors. */
    PORTKEY;

    /** The lower-case name used on the command line, in config files and in the admin API. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code openai}, {@code litellm} or {@code portkey} (any case).
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static StubMode parse(String value) {
        if (value != null) {
            for (StubMode mode : values()) {
                if (mode.id().equalsIgnoreCase(value.trim())) {
                    return mode;
                }
            }
        }
        throw new IllegalArgumentException("mode '" + value + "' is not one of openai, litellm, portkey");
    }
}
