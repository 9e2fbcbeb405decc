package dev.gatewaykit.sdk.settings;

import dev.gatewaykit.sdk.Role;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Warnings shared by several roles, keyed by what they say, so each is logged once naming every role it concerns
 * instead of once per role.
 */
final class RoleWarnings {

    /** A warning about one setting that applies to one or more roles. */
    private record RoleWarning(String variable, List<Role> roles, Function<String, String> text) {
        SettingsWarning toWarning() {
            String names = roles.stream().map(Role::name).collect(Collectors.joining(", "));
            return new SettingsWarning(variable, text.apply(names + " "));
        }
    }

    private final Map<String, RoleWarning> warnings = new LinkedHashMap<>();

    /**
     * Adds {@code role} to the warning about {@code variable} identified by {@code what}; {@code text} turns the
     * roles ("LLM, CODEX ") into the message.
     */
    void add(Role role, String variable, String what, Function<String, String> text) {
        warnings.computeIfAbsent(variable + " " + what, k -> new RoleWarning(variable, new ArrayList<>(), text))
                .roles().add(role);
    }

    /** One warning per distinct message, in the order first added. */
    List<SettingsWarning> toList() {
        return warnings.values().stream().map(RoleWarning::toWarning).toList();
    }
}
