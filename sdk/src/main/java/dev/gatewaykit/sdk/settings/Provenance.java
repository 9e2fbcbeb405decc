package dev.gatewaykit.sdk.settings;

import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.settings.RouteSettings.ValueSource;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where a route's values came from, keyed by the route's own {@link Setting}: {@code OPENAI_<ROLE>_BASE_URL},
 * {@code OPENAI_<ROLE>_API_KEY}, {@code OPENAI_<ROLE>_MODEL} and {@code OPENAI_GATEWAY}. Each entry names the
 * variable that actually supplied the value and its layer, e.g. {@code OPENAI_LLM_BASE_URL ->
 * OPENAI_BASE_URL (env)} when the LLM route follows the base URL.
 */
public final class Provenance {

    private final Role role;
    private final Map<Setting, ValueSource> sources;

    Provenance(Role role, Map<Setting, ValueSource> sources) {
        this.role = Objects.requireNonNull(role, "role");
        this.sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
    }

    /** Where the value of {@code setting} came from, or null when the route has no such value. */
    public ValueSource get(Setting setting) {
        return sources.get(setting);
    }

    /** Where the route's value of {@code field} ({@code BASE_URL}, {@code API_KEY}, {@code MODEL}) came from, or null. */
    public ValueSource get(Setting.RoleSetting field) {
        return sources.get(Setting.forRole(role, field));
    }

    /** Every entry, in the order recorded. */
    public Map<Setting, ValueSource> asMap() {
        return sources;
    }

    /**
     * The entries keyed by the route field they set ({@code baseUrl}, {@code apiKey}, {@code model},
     * {@code gateway}), as routing tables and the actuator show them.
     */
    public Map<String, ValueSource> byField() {
        Map<String, ValueSource> byField = new LinkedHashMap<>();
        for (Map.Entry<Setting, ValueSource> entry : sources.entrySet()) {
            byField.put(field(entry.getKey()), entry.getValue());
        }
        return Collections.unmodifiableMap(byField);
    }

    private String field(Setting setting) {
        if (setting.equals(Setting.GATEWAY)) {
            return "gateway";
        }
        if (setting.equals(Setting.roleBaseUrl(role))) {
            return "baseUrl";
        }
        if (setting.equals(Setting.roleApiKey(role))) {
            return "apiKey";
        }
        if (setting.equals(Setting.roleModel(role))) {
            return "model";
        }
        return setting.variable();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Provenance p && role == p.role && sources.equals(p.sources);
    }

    @Override
    public int hashCode() {
        return Objects.hash(role, sources);
    }

    @Override
    public String toString() {
        return "Provenance" + byField();
    }
}
