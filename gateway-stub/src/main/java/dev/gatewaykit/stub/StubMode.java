package dev.gatewaykit.stub;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Which gateway the stub impersonates: paths, auth rules, headers and error shapes follow it. */
public enum StubMode {
    /** Plain OpenAI API: {@code /v1/...} and bare paths, OpenAI error shapes. */
    OPENAI("openai"),
    /** LiteLLM proxy: virtual keys, key admin, health probes, {@code x-litellm-*} headers. */
    LITELLM("litellm"),
    /**
     * Portkey cloud ({@code api.portkey.ai}): {@code x-portkey-api-key} required, Model Catalog {@code @slug/model},
     * virtual keys, saved config ids {@code pc-…}; {@code /v1} required, {@code {"status":"failure"}} errors.
     */
    PORTKEY("portkey"),
    /**
     * The self-hosted open-source Portkey gateway ({@code @portkey-ai/gateway} 1.15.x): no API-key check, a
     * provider from {@code x-portkey-provider} or a JSON {@code x-portkey-config} on every {@code /v1} call.
     */
    PORTKEY_OSS("portkey-oss");

    private final String id;

    StubMode(String id) {
        this.id = id;
    }

    /** The lower-case name used on the command line, in config files and in the admin API. */
    public String id() {
        return id;
    }

    /** Whether this is one of the Portkey products (cloud or self-hosted). */
    public boolean portkey() {
        return this == PORTKEY || this == PORTKEY_OSS;
    }

    /** The accepted names, comma-separated, for error messages and usage. */
    public static String accepted() {
        return Arrays.stream(values()).map(StubMode::id).collect(Collectors.joining(", "));
    }

    /**
     * Parses {@code openai}, {@code litellm}, {@code portkey} or {@code portkey-oss} (any case).
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
        throw new IllegalArgumentException("mode '" + value + "' is not one of " + accepted());
    }
}
