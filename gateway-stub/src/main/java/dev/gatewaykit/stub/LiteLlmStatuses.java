package dev.gatewaykit.stub;

/**
 * The older names of the LiteLLM release lines, kept as aliases: {@code OLD} is {@link LiteLlmVersion#V1_60},
 * {@code NEW} is {@link LiteLlmVersion#V1_75}. New code uses {@link LiteLlmVersion}.
 */
public enum LiteLlmStatuses {
    /** Alias of {@link LiteLlmVersion#V1_60}: model not allowed → 401, budget exceeded → 400. */
    OLD(LiteLlmVersion.V1_60),
    /** Alias of {@link LiteLlmVersion#V1_75}: model not allowed → 403, budget exceeded → 429. */
    NEW(LiteLlmVersion.V1_75);

    private final LiteLlmVersion version;

    LiteLlmStatuses(LiteLlmVersion version) {
        this.version = version;
    }

    /** The release line this alias names. */
    public LiteLlmVersion version() {
        return version;
    }

    /** Status for a model outside the key's allowlist. */
    public int modelNotAllowed() {
        return version.modelNotAllowed();
    }

    /** Status for a key whose spend reached its budget. */
    public int budgetExceeded() {
        return version.budgetExceeded();
    }

    /** Parses {@code old} or {@code new} (any case), or a release line. */
    public static LiteLlmStatuses parse(String value) {
        LiteLlmVersion v = LiteLlmVersion.parse(value);
        return v == LiteLlmVersion.V1_60 ? OLD : NEW;
    }
}
