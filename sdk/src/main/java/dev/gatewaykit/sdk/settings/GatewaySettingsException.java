package dev.gatewaykit.sdk.settings;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when the configuration is invalid; lists every problem at once, keys masked. */
public class GatewaySettingsException extends RuntimeException {

    private final transient List<SettingsProblem> problems;

    /** Creates the exception from at least one problem. */
    public GatewaySettingsException(List<SettingsProblem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, in the order the settings are documented. */
    public List<SettingsProblem> problems() {
        return problems;
    }

    private static String describe(List<SettingsProblem> problems) {
        return problems.size() + " problem(s) in the OpenAI gateway settings:" + problems.stream()
                .map(p -> System.lineSeparator() + "  - " + p.describe())
                .collect(Collectors.joining());
    }
}
