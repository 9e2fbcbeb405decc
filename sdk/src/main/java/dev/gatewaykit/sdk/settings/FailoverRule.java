package dev.gatewaykit.sdk.settings;

import dev.gatewaykit.sdk.Role;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The key rule for failover: the failover origin has its own key, which is required, and it must be another origin
 * than the proxy's, or the failover key would be sent to the proxy (and failing over could not help).
 */
final class FailoverRule {

    private final List<SettingsProblem> problems = new ArrayList<>();
    private final List<SettingsWarning> warnings = new ArrayList<>();

    private FailoverRule() {
    }

    /** Checks the routes that fail over to {@code failover}. */
    static FailoverRule check(Map<Role, RouteSettings> routes, FailoverSettings failover) {
        FailoverRule rule = new FailoverRule();
        rule.run(routes, failover);
        return rule;
    }

    /** What is wrong, in the order found. */
    List<SettingsProblem> problems() {
        return problems;
    }

    /** What is allowed but risky (the failover key over plain http), keys masked. */
    List<SettingsWarning> warnings() {
        return warnings;
    }

    private void run(Map<Role, RouteSettings> routes, FailoverSettings failover) {
        List<Role> on = new ArrayList<>();
        for (RouteSettings route : routes.values()) {
            if (route.failover().isPresent()) {
                on.add(route.role());
            }
        }
        if (on.isEmpty()) {
            return;
        }
        String origin = failover.origin();
        String roles = RoleWarnings.names(on);
        if (failover.apiKey().isEmpty()) {
            problems.add(new SettingsProblem(Setting.FAILOVER_API_KEY.variable(), "", "failover is on for " + roles
                    + " but there is no key for the failover origin " + origin + "; the proxy's key is never sent"
                    + " there.", "set " + Setting.FAILOVER_API_KEY.variable() + " (" + Setting.FAILOVER_API_KEY
                    .property() + ") to the provider key for " + origin + ", or turn failover off with "
                    + Setting.FAILOVER_ENABLED.variable() + "=false."));
        } else if (failover.baseUrl().toLowerCase(Locale.ROOT).startsWith("http://")
                && !UrlRules.isLoopback(failover.baseUrl())) {
            warnings.add(new SettingsWarning(Setting.FAILOVER_BASE_URL.variable(), "failover sends "
                    + failover.apiKey().get().masked() + " over plain http:// to " + origin
                    + "; anyone on the network can read it. Use https://."));
        }
        List<Role> sameOrigin = new ArrayList<>();
        for (Role role : on) {
            if (routes.get(role).origin().equals(origin)) {
                sameOrigin.add(role);
            }
        }
        if (!sameOrigin.isEmpty()) {
            Role first = sameOrigin.get(0);
            problems.add(new SettingsProblem(Setting.FAILOVER_BASE_URL.variable(),
                    Setting.FAILOVER_BASE_URL.display(failover.baseUrl()),
                    "is the origin " + origin + " that " + RoleWarnings.names(sameOrigin) + " already call"
                            + (sameOrigin.size() == 1 ? "s" : "") + "; failing over to it cannot help and would send"
                            + " the failover key to the proxy.",
                    "point it at the provider itself (e.g. " + GatewaySettings.DEFAULT_BASE_URL + "), or turn"
                            + " failover off for that role (" + Setting.roleFailoverEnabled(first).variable()
                            + "=false)."));
        }
    }
}
