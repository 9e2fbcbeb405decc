package dev.gatewaykit.sdk.settings;

import java.util.List;

/**
 * What a rule read from the settings and what it found wrong on the way; a value with problems is the default the
 * bad input was replaced by, so resolution can go on and report every problem at once.
 *
 * @param value    the value to use
 * @param problems what was wrong, in the order found
 */
record Checked<T>(T value, List<SettingsProblem> problems) {

    Checked {
        problems = List.copyOf(problems);
    }

    /** A value without problems. */
    static <T> Checked<T> ok(T value) {
        return new Checked<>(value, List.of());
    }
}
