package dev.gatewaykit.sdk.gateway;

import dev.gatewaykit.sdk.settings.RouteSettings;
import dev.gatewaykit.sdk.settings.Setting;

/** Where a route's values came from, phrased for hints: {@code set by OPENAI_API_KEY (env)}. */
public final class RouteProvenance {

    private RouteProvenance() {
    }

    /** The variable and layer of the route's key, e.g. {@code OPENAI_API_KEY (env)}, or {@code no variable}. */
    public static String key(RouteSettings route) {
        RouteSettings.ValueSource source = route.sources().get(Setting.RoleSetting.API_KEY);
        return source == null ? "no variable" : source.toString();
    }

    /** {@code set by <variable (layer)>} for the key, or {@code not configured}. */
    public static String keySetBy(RouteSettings route) {
        return setBy(route, Setting.RoleSetting.API_KEY);
    }

    /** {@code set by <variable (layer)>} for the base URL, or {@code not configured}. */
    public static String baseUrlSetBy(RouteSettings route) {
        return setBy(route, Setting.RoleSetting.BASE_URL);
    }

    private static String setBy(RouteSettings route, Setting.RoleSetting field) {
        RouteSettings.ValueSource source = route.sources().get(field);
        return source == null ? "not configured" : "set by " + source;
    }
}
