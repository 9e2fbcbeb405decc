package dev.gatewaykit.sdk.settings;

import java.util.List;

/**
 * The outcome of {@link GatewaySettings#inspect(SettingsSources)}: what was resolved and what is wrong.
 *
 * @param settings the settings as far as they could be resolved
 * @param problems every problem; empty when the configuration is valid
 */
public record SettingsReport(GatewaySettings settings, List<SettingsProblem> problems) {

    /** Copies the problem list. */
    public SettingsReport {
        problems = List.copyOf(problems);
    }

    /** Whether the configuration is valid. */
    public boolean ok() {
        return problems.isEmpty();
    }
}
