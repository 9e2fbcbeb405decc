package dev.gatewaykit.sdk.settings;

import dev.gatewaykit.sdk.Role;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code OPENAI_REQUIRE_KEYS}: the roles whose missing key is a startup error. {@code true} means every role,
 * {@code false} (the default) none; otherwise a list of roles such as {@code llm,codex}.
 */
final class RequiredKeysRule {

    private RequiredKeysRule() {
    }

    static Checked<Set<Role>> read(Optional<FoundValue> found) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (found.isEmpty()) {
            return Checked.ok(roles);
        }
        List<SettingsProblem> problems = new ArrayList<>();
        for (String item : SettingValues.parseList(found.get().value())) {
            String v = item.strip().toUpperCase(Locale.ROOT);
            if (v.equals("TRUE")) {
                roles.addAll(EnumSet.allOf(Role.class));
            } else if (!v.equals("FALSE")) {
                Role role = roleNamed(v);
                if (role != null) {
                    roles.add(role);
                } else {
                    problems.add(new SettingsProblem(Setting.REQUIRE_KEYS.variable(), found.get().value(),
                            "'" + item.strip() + "' is neither true, false nor a role.",
                            "use true, false, or roles such as llm,codex (embeddings, llm, codex)."));
                }
            }
        }
        return new Checked<>(roles, problems);
    }

    /** The role whose name is {@code name}, or null. */
    private static Role roleNamed(String name) {
        for (Role role : Role.values()) {
            if (role.name().equals(name)) {
                return role;
            }
        }
        return null;
    }
}
