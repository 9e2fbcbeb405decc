package dev.gatewaykit.sdk.settings;

import java.util.Map;
import java.util.Optional;

/** The process environment, read by variable name ({@code OPENAI_BASE_URL}); injectable for tests. */
public final class EnvironmentSource implements SettingsSource {

    private final Map<String, String> environment;

    /** Reads the real process environment. */
    public EnvironmentSource() {
        this(System.getenv());
    }

    /** Reads the given map as if it were the process environment. */
    public EnvironmentSource(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public String name() {
        return "env";
    }

    @Override
    public Optional<String> get(Setting setting) {
        return Optional.ofNullable(environment.get(setting.variable()));
    }

    @Override
    public String toString() {
        return "EnvironmentSource[" + environment.size() + " variables]";
    }
}
