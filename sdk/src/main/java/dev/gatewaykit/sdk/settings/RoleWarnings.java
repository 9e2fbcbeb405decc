package dev.gatewaykit.sdk.settings;

import dev.gatewaykit.sdk.Role;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Warnings shared by several roles, keyed by what they say, so each is logged once naming every role it concerns
 * instead of once per role.
 */
final class RoleWarnings {

    /**
     * The message of a warning once its roles are known: the roles ("LLM, CODEX "), then {@code plural} when there
     * are several roles or {@code singular} for one, then {@code rest}.
     */
    record Text(String plural, String singular, String rest) {
        String apply(List<Role> roles) {
            return names(roles) + " " + (roles.size() > 1 ? plural : singular) + rest;
        }
    }

    /** The roles' names in order: "LLM, CODEX". */
    static String names(List<Role> roles) {
        StringBuilder names = new StringBuilder();
        for (Role role : roles) {
            if (names.length() > 0) {
                names.append(", ");
            }
            names.append(role.name());
        }
        return names.toString();
    }

    /** A warning about one setting that applies to one or more roles. */
    private record RoleWarning(String variable, List<Role> roles, Text text) {
        SettingsWarning toWarning() {
            return new SettingsWarning(variable, text.apply(roles));
        }
    }

    private final Map<String, RoleWarning> warnings = new LinkedHashMap<>();

    /**
     * Adds {@code role} to the warning about {@code variable} identified by {@code what}; {@code text} turns the
     * roles into the message.
     */
    void add(Role role, String variable, String what, Text text) {
        String key = variable + " " + what;
        RoleWarning warning = warnings.get(key);
        if (warning == null) {
            warning = new RoleWarning(variable, new ArrayList<>(), text);
            warnings.put(key, warning);
        }
        warning.roles().add(role);
    }

    /** One warning per distinct message, in the order first added. */
    List<SettingsWarning> toList() {
        List<SettingsWarning> list = new ArrayList<>();
        for (RoleWarning warning : warnings.values()) {
            list.add(warning.toWarning());
        }
        return List.copyOf(list);
    }
}
