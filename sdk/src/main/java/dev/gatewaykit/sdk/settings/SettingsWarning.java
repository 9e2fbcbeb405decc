package dev.gatewaykit.sdk.settings;

/**
 * Something allowed but probably unintended, e.g. a key sent over plain http to a remote host.
 *
 * @param variable the variable the warning is about
 * @param message  the warning, keys masked
 */
public record SettingsWarning(String variable, String message) {
}
