package dev.gatewaykit.sdk.settings;

/**
 * One thing wrong with the configuration.
 *
 * @param variable the environment variable to change (its property name is in the message)
 * @param value    the offending value, keys masked; empty when the value is missing
 * @param message  what is wrong
 * @param fix      what to do about it
 */
public record SettingsProblem(String variable, String value, String message, String fix) {

    /** One line: variable, value, message and fix. */
    public String describe() {
        String shown = value == null || value.isEmpty() ? "(not set)" : "'" + value + "'";
        return variable + "=" + shown + ": " + message + " Fix: " + fix;
    }
}
