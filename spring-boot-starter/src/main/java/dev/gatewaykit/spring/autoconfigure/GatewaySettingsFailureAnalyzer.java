package dev.gatewaykit.spring.autoconfigure;

import dev.gatewaykit.sdk.settings.GatewaySettingsException;
import dev.gatewaykit.sdk.settings.Setting;
import dev.gatewaykit.sdk.settings.SettingsProblem;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns invalid gateway settings into a startup report: the description lists each problem with the variable,
 * its Spring property and the (masked) value; the action lists the fix for each. Named credentials are reported by
 * their property ({@code openai.credentials.<name>.base-url}). Values come from the sdk already masked, so no key is
 * ever printed.
 */
class GatewaySettingsFailureAnalyzer extends AbstractFailureAnalyzer<GatewaySettingsException> {

    private static final String NL = System.lineSeparator();

    private static final String CREDENTIALS_PREFIX = "openai.credentials.";

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, GatewaySettingsException cause) {
        StringBuilder description = new StringBuilder("The OpenAI gateway settings are invalid (")
            .append(cause.problems().size())
            .append(cause.problems().size() == 1 ? " problem):" : " problems):")
            .append(NL);
        // Named credentials are bound by Spring only, so the .env files cannot fix them.
        boolean onlyCredentials = cause.problems().stream()
            .allMatch((problem) -> problem.variable().startsWith(CREDENTIALS_PREFIX));
        StringBuilder action = new StringBuilder(onlyCredentials
                ? "Change these settings as Spring properties or environment variables:"
                : "Change these settings as environment variables, in the .env file or as Spring properties:")
            .append(NL);
        for (SettingsProblem problem : cause.problems()) {
            String names = names(problem.variable());
            description.append(NL)
                .append("    ")
                .append(names)
                .append(" = ")
                .append(shown(problem.value()))
                .append(NL)
                .append("        ")
                .append(problem.message());
            action.append(NL).append("    ").append(names).append(": ").append(problem.fix());
        }
        return new FailureAnalysis(description.toString(), action.toString(), cause);
    }

    private static String names(String variable) {
        return Setting.byVariable(variable)
            .map((setting) -> variable + " (" + setting.property() + ")")
            .orElse(variable);
    }

    private static String shown(String maskedValue) {
        return (maskedValue == null || maskedValue.isEmpty()) ? "(not set)" : "'" + maskedValue + "'";
    }

}
