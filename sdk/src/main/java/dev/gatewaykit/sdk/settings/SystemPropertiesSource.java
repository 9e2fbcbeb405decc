package dev.gatewaykit.sdk.settings;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * JVM system properties, read by property name ({@code -Dopenai.base-url=...}). Map-valued settings accept both
 * the string form ({@code -Dopenai.headers=a=1,b=2}) and one property per entry ({@code -Dopenai.headers.a=1}).
 */
public final class SystemPropertiesSource implements SettingsSource {

    private final Properties properties;

    /** Reads the live JVM system properties. */
    public SystemPropertiesSource() {
        this(System.getProperties());
    }

    /** Reads the given properties (a snapshot is not taken: tests pass their own instance). */
    public SystemPropertiesSource(Properties properties) {
        this.properties = properties;
    }

    @Override
    public String name() {
        return "system";
    }

    @Override
    public Optional<String> get(Setting setting) {
        return Optional.ofNullable(properties.getProperty(setting.property()));
    }

    @Override
    public Map<String, String> getMap(Setting setting) {
        Map<String, String> map = new LinkedHashMap<>(SettingsSource.super.getMap(setting));
        String prefix = setting.property() + ".";
        for (String name : properties.stringPropertyNames()) {
            if (name.startsWith(prefix) && name.length() > prefix.length()) {
                map.put(name.substring(prefix.length()), properties.getProperty(name).strip());
            }
        }
        return map;
    }
}
