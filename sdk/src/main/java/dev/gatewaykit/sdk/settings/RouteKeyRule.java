package dev.gatewaykit.sdk.settings;

import dev.gatewaykit.sdk.Role;

import java.util.List;
import java.util.Optional;

/**
 * The key rule: a key belongs to the origin it was configured for. A role key belongs to its role (and, across
 * layers, to the origin its own layer and those below give the role: {@link LayeredKeyRule}); the internal key to
 * the internal URL's origin; {@code OPENAI_API_KEY} to {@code OPENAI_BASE_URL}'s origin.
 */
final class RouteKeyRule {

    /**
     * The key a route sends, or none; {@code leftBehind} when a higher layer moved the role away from its key.
     *
     * @param key        the key chosen, or null
     * @param leftBehind the problem of a key left behind, or null
     */
    record KeyChoice(FoundValue key, SettingsProblem leftBehind) {
        List<SettingsProblem> problems() {
            return leftBehind == null ? List.of() : List.of(leftBehind);
        }
    }

    private final SettingsLookup lookup;
    private final LayeredKeyRule layeredKeyRule;
    private final String baseUrl;
    private final String internalUrl;

    /** The rule for routes whose shared URLs are {@code baseUrl} and {@code internalUrl} (both normalised). */
    RouteKeyRule(SettingsLookup lookup, LayeredKeyRule layeredKeyRule, String baseUrl, String internalUrl) {
        this.lookup = lookup;
        this.layeredKeyRule = layeredKeyRule;
        this.baseUrl = baseUrl;
        this.internalUrl = internalUrl;
    }

    /** The key for {@code role} at {@code url}, whose value came from {@code urlFound}. */
    KeyChoice choose(Role role, String url, FoundValue urlFound) {
        String origin = RouteSettings.originOf(url);
        Optional<FoundValue> roleKey = lookup.find(Setting.roleApiKey(role));
        if (roleKey.isPresent()) {
            int keyPosition = roleKey.get().position();
            String keyOrigin = urlFound.position() < keyPosition
                    ? layeredKeyRule.originAtOrBelow(role, keyPosition) : origin;
            if (keyOrigin.equals(origin)) {
                return new KeyChoice(roleKey.get(), null);
            }
            return new KeyChoice(null, layeredKeyRule.keyLeftBehind(role, ApiKey.of(roleKey.get().value()),
                    keyOrigin, urlFound.setting(), urlFound.position(), origin));
        }
        if (role == Role.EMBEDDINGS) {
            Optional<FoundValue> internalKey = lookup.find(Setting.INTERNAL_API_KEY);
            if (internalKey.isPresent() && origin.equals(RouteSettings.originOf(internalUrl))) {
                return new KeyChoice(internalKey.get(), null);
            }
        }
        Optional<FoundValue> apiKey = lookup.find(Setting.API_KEY);
        if (apiKey.isPresent() && origin.equals(RouteSettings.originOf(baseUrl))) {
            return new KeyChoice(apiKey.get(), null);
        }
        return new KeyChoice(null, null);
    }

    /** Why {@code role} at {@code url} has no key; {@code roleUrl} is its own URL setting's value, or null. */
    SettingsProblem missing(Role role, FoundValue roleUrl, String url) {
        String origin = RouteSettings.originOf(url);
        boolean apiKeySet = lookup.find(Setting.API_KEY).isPresent();
        String keyless = " (or, for a gateway that needs no key, " + Setting.roleAuth(role).variable() + "=none)";
        if (roleUrl != null && !origin.equals(RouteSettings.originOf(role == Role.EMBEDDINGS ? internalUrl
                : baseUrl))) {
            Setting roleKey = Setting.roleApiKey(role);
            return new SettingsProblem(roleKey.variable(), "", "no key for " + role + " at " + origin + "; "
                    + roleUrl.setting().variable() + " points to another origin than the route's key was set for,"
                    + " and a key is never sent to a host it was not configured for.",
                    "set " + roleKey.variable() + keyless + ".");
        }
        if (role == Role.EMBEDDINGS) {
            String why = apiKeySet && !origin.equals(RouteSettings.originOf(baseUrl))
                    ? "OPENAI_API_KEY belongs to " + RouteSettings.originOf(baseUrl) + " (OPENAI_BASE_URL), a different"
                    + " origin, so it is not sent to the internal route."
                    : "neither OPENAI_INTERNAL_API_KEY nor OPENAI_API_KEY is set" + (lookup.find(Setting.PORTKEY_API_KEY)
                    .isPresent() && !origin.equals(RouteSettings.originOf(baseUrl))
                    ? "; PORTKEY_API_KEY belongs to " + RouteSettings.originOf(baseUrl) + " (OPENAI_BASE_URL) and is"
                    + " never sent to another origin." : ".");
            return new SettingsProblem(Setting.INTERNAL_API_KEY.variable(), "", "no key for the internal route"
                    + " (EMBEDDINGS) at " + origin + ": " + why,
                    "set OPENAI_INTERNAL_API_KEY to the key for " + origin + keyless + ".");
        }
        return new SettingsProblem(Setting.API_KEY.variable(), "", "no key for the public route (LLM, CODEX) at "
                + origin + ".", "set OPENAI_API_KEY to the provider key or the proxy's virtual key"
                + " (or, for a gateway that needs no key, OPENAI_LLM_AUTH=none and OPENAI_CODEX_AUTH=none).");
    }
}
