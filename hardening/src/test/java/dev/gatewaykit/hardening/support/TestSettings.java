package dev.gatewaykit.hardening.support;

import dev.gatewaykit.sdk.settings.GatewaySettings;
import dev.gatewaykit.sdk.settings.MapSource;
import dev.gatewaykit.sdk.settings.SettingsSources;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings as a user writes them (environment variable names), resolved through the sdk's own resolver from one
 * in-memory layer, so nothing from the machine's environment or {@code .env} files leaks into a test.
 */
public final class TestSettings {

    private final Map<String, String> variables = new LinkedHashMap<>();

    private TestSettings() {
    }

    /** Empty settings. */
    public static TestSettings variables() {
        return new TestSettings();
    }

    /** Sets one variable, e.g. {@code OPENAI_BASE_URL}. */
    public TestSettings set(String variable, String value) {
        variables.put(variable, value);
        return this;
    }

    /** Sets every variable of {@code values}. */
    public TestSettings setAll(Map<String, String> values) {
        variables.putAll(values);
        return this;
    }

    /** The layer these variables form. */
    public SettingsSources sources() {
        return SettingsSources.of(new MapSource("test", Map.copyOf(variables)));
    }

    /** Resolves them (throws {@code GatewaySettingsException} when invalid). */
    public GatewaySettings resolve() {
        return GatewaySettings.resolve(sources());
    }

    /** A copy of the variables. */
    public Map<String, String> asMap() {
        return Map.copyOf(variables);
    }
}
