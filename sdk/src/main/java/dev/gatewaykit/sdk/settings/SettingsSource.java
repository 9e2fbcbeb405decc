package dev.gatewaykit.sdk.settings;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One layer of configuration (process environment, system properties, a {@code .env} file, Spring, ...).
 * Sources return raw values; trimming and "blank means unset" are applied by the resolver, once, for all layers.
 */
public interface SettingsSource {

    /** The layer label shown to users: "env", "system", ".env", ".env.default", "spring", "builder". */
    String name();

    /** The raw value of a setting in this layer, if present. */
    Optional<String> get(Setting setting);

    /**
     * What was wrong while reading this layer (e.g. a malformed {@code .env} line), reported with every other
     * problem when settings are resolved; empty by default.
     */
    default List<SettingsProblem> problems() {
        return List.of();
    }

    /** A map-valued setting; by default the string form {@code name=value,name2=value2} is parsed. */
    default Map<String, String> getMap(Setting setting) {
        Optional<String> raw = get(setting);
        return raw.isPresent() ? SettingValues.parseMap(raw.get()) : Map.of();
    }

    /** How a user gives {@code setting} in this layer, as the start of a fix: "set OPENAI_LLM_API_KEY in .env". */
    default String howToSet(Setting setting) {
        return "set " + setting.variable() + " in " + name();
    }
}
