package dev.gatewaykit.sdk.settings;

import dev.gatewaykit.sdk.Role;

import java.util.List;
import java.util.Optional;

/**
 * The key rule across layers: a role key belongs to the origin that its own layer and the layers below it give the
 * role. A higher layer that moves the role to another origin without a key of its own hides that key, so a key never
 * follows a URL it was not configured for, whichever entry point (environment, Spring, connection details, builder)
 * set the URL.
 */
final class LayeredKeyRule {

    private final List<SettingsSource> layers;

    LayeredKeyRule(SettingsSources layers) {
        this.layers = layers.list();
    }

    /** The settings that give a role its URL, highest precedence first (the URL rule). */
    static List<Setting> urlOrder(Role role) {
        return role == Role.EMBEDDINGS
                ? List.of(Setting.roleBaseUrl(role), Setting.INTERNAL_BASE_URL, Setting.BASE_URL)
                : List.of(Setting.roleBaseUrl(role), Setting.BASE_URL);
    }

    /** The origin the layers from {@code position} down (0 = highest) give {@code role}. */
    String originAtOrBelow(Role role, int position) {
        for (Setting setting : urlOrder(role)) {
            Optional<String> url = valueAtOrBelow(setting, position);
            if (url.isPresent()) {
                return RouteSettings.originOf(RouteSettings.normaliseUrl(url.get()));
            }
        }
        return RouteSettings.originOf(GatewaySettings.DEFAULT_BASE_URL);
    }

    /**
     * The problem of a key left behind: {@code key} was set for {@code keyOrigin}, but {@code urlSetting} in the
     * higher layer at {@code urlPosition} moves the role to {@code origin} without a key.
     */
    SettingsProblem keyLeftBehind(Role role, ApiKey key, String keyOrigin, Setting urlSetting, int urlPosition,
            String origin) {
        SettingsSource urlLayer = layers.get(urlPosition);
        Setting roleKey = Setting.roleApiKey(role);
        return new SettingsProblem(roleKey.variable(), key.masked(), "the key was configured for " + keyOrigin
                + ", but " + urlSetting.variable() + " from " + urlLayer.name() + " moves " + role + " to " + origin
                + " without a key, and a key is never sent to a host it was not configured for.",
                urlLayer.howToSet(roleKey) + " with the key for " + origin + ", or set "
                        + Setting.roleAuth(role).variable() + "=none for a keyless route.");
    }

    private Optional<String> valueAtOrBelow(Setting setting, int position) {
        for (int i = position; i < layers.size(); i++) {
            String value = SettingValues.normalise(layers.get(i).get(setting).orElse(null));
            if (value != null) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
