package dev.gatewaykit.sdk.gateway;

import dev.gatewaykit.sdk.settings.RouteSettings;

/** Where a route's values came from, phrased for hints: {@code set by OPENAI_API_KEY (env)}. */
public final class RouteProvenance {

    private static final String KEY = "apiKey";
    private static final String BASE_URL = "baseUrl";

    private RouteProvenance() {
    }

    /** The variable and layer of the route's key, e.g. {@code OPENAI_API_KEY (env)}, or {@code no variable}. */
    public static String key(RouteSettings route) {
        RouteSettings.ValueSource source = route.sources().get(KEY);
        return source == null ? "no variable" : source.toString();
    }

    /** {@code set by <variable (layer)>} for the key, or {@code not configured}. */
    public static String keySetBy(RouteSettings route) {
        return setBy(route, KEY);
    }

    /** {@code set by <variable (layer)>} for the base URL, or {@code not configured}. */
    public static String baseUrlSetBy(RouteSettings route) {
        return setBy(route, BASE_URL);
    }

    private static String setBy(RouteSettings route, String field) {
        RouteSettings.ValueSource source = route.sources().get(field);
        return source == null ? "not configured" : "set by " + source;
    }
}
