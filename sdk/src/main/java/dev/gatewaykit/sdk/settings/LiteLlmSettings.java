package dev.gatewaykit.sdk.settings;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** LiteLLM attribution defaults for every LiteLLM route. */
public final class LiteLlmSettings {

    private static final LiteLlmSettings NONE = new LiteLlmSettings(List.of(), null);

    private final List<String> tags;
    private final String endUserId;

    private LiteLlmSettings(List<String> tags, String endUserId) {
        this.tags = List.copyOf(tags);
        this.endUserId = endUserId;
    }

    /** No LiteLLM settings. */
    public static LiteLlmSettings none() {
        return NONE;
    }

    /** Creates the settings; null end user means absent. */
    public static LiteLlmSettings of(List<String> tags, String endUserId) {
        return new LiteLlmSettings(tags == null ? List.of() : tags, endUserId);
    }

    /** Default {@code x-litellm-tags}. */
    public List<String> tags() {
        return tags;
    }

    /** Default {@code x-litellm-end-user-id}. */
    public Optional<String> endUserId() {
        return Optional.ofNullable(endUserId);
    }

    /** Whether any LiteLLM setting is present (gateway detection, for the base URL's origin only). */
    public boolean anySet() {
        return !tags.isEmpty() || endUserId != null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LiteLlmSettings l && tags.equals(l.tags) && Objects.equals(endUserId, l.endUserId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tags, endUserId);
    }

    @Override
    public String toString() {
        return "LiteLlmSettings[tags=" + tags + ", endUserId=" + endUserId + "]";
    }
}
