package dev.gatewaykit.sdk.client;

import dev.gatewaykit.sdk.errors.GatewayErrorTranslator;
import dev.gatewaykit.sdk.errors.GatewayException;
import dev.gatewaykit.sdk.settings.RouteSettings;
import dev.gatewaykit.sdk.settings.SettingsProblem;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Fails every call of a route that has no key ({@link RouteSettings#missingKey()}) before anything is sent: a
 * {@link GatewayException} of kind {@code NOT_CONFIGURED} naming the variable and the fix. Thrown unchecked, so
 * openai-java neither retries it nor wraps it as an I/O failure, and the caller sees it at once.
 */
final class MissingKeyInterceptor implements Interceptor {

    private final RouteSettings route;
    private final SettingsProblem missing;

    MissingKeyInterceptor(RouteSettings route, SettingsProblem missing) {
        this.route = route;
        this.missing = missing;
    }

    @Override
    public Response intercept(Chain chain) {
        throw new GatewayException(GatewayErrorTranslator.notConfigured(route, missing), null);
    }
}
