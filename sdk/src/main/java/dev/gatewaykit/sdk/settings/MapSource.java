package dev.gatewaykit.sdk.settings;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A named layer backed by a map keyed by environment variable name (builder values, Spring, tests). */
public final class MapSource implements SettingsSource {

    private final String name;
    private final Map<String, String> values;

    /** Creates a layer called {@code name}; null values are dropped. */
    public MapSource(String name, Map<String, String> values) {
        this.name = name;
        Map<String, String> copy = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : values.entrySet()) {
            if (entry.getValue() != null) {
                copy.put(entry.getKey(), entry.getValue());
            }
        }
        this.values = Map.copyOf(copy);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Optional<String> get(Setting setting) {
        return Optional.ofNullable(values.get(setting.variable()));
    }

    @Override
    public String toString() {
        return "MapSource[" + name + ", " + values.keySet() + "]";
    }
}
