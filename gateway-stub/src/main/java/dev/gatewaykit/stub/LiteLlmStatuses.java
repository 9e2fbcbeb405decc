package dev.gatewaykit.stub;

import java.util.Locale;

/** Which HTTP statuses the LiteLLM mode uses for key errors, because LiteLLM changed them between versions. */
public enum LiteLlmStatuses {
    /** Older LiteLLM: model not allowed for key → 401, budget exceeded → 400. */
    OLD(401, 400),
    /** Newer LiteLLM: model not allowed → 403 {@code key_model_access_denied}, budget exceeded → 429 {@code budget_exceeded}. */
    NEW(403, 429);

    private final int modelNotAllowed;
    private final int budgetExceeded;

    LiteLlmStatuses(int modelNotAllowed, int budgetExceeded) {
        this.modelNotAllowed = modelNotAllowed;
        this.budgetExceeded = budgetExceeded;
    }

    /** Status for a model outside the key's allowlist. */
    public int modelNotAllowed() {
        return modelNotAllowed;
    }

    /** Status for a key whose spend reached its budget. */
    public int budgetExceeded() {
        return budgetExceeded;
    }

    /** Parses {@code old} or {@code new} (any case). */
    public static LiteLlmStatuses parse(String value) {
        if (value != null) {
            String v = value.trim().toUpperCase(Locale.ROOT);
            for (LiteLlmStatuses s : values()) {
                if (s.name().equals(v)) {
                    return s;
                }
            }
        }
        throw new IllegalArgumentException("liteLlmStatuses '" + value + "' is not one of old, new");
    }
}
