package dev.gatewaykit.spring.autoconfigure.actuate;

import java.util.Locale;
import java.util.regex.Pattern;

import dev.gatewaykit.sdk.settings.Secrets;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Masks the gateway's secrets in {@code /actuator/env} and {@code /actuator/configprops}, whatever
 * {@code show-values} says: keys ({@code openai.api-key}, {@code openai.<role>.api-key}, {@code OPENAI_*_API_KEY},
 * {@code PORTKEY_API_KEY}, …) as {@code sk-...abcd}, the proxy password and credential-bearing headers completely.
 */
public final class GatewaySecretsSanitizingFunction implements SanitizingFunction {

    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^a-z0-9]");

    private static final Pattern SECRET_WORD = Pattern.compile("authorization|apikey|token|secret|cookie|password");

    @Override
    public SanitizableData apply(SanitizableData data) {
        Object value = data.getValue();
        if (value == null) {
            return data;
        }
        String key = data.getLowerCaseKey();
        String compact = NOT_ALPHANUMERIC.matcher(key).replaceAll("");
        if (!compact.startsWith("openai") && !compact.startsWith("portkey")) {
            return data;
        }
        if (compact.contains("headers")) {
            return headerLooksSecret(key, value) ? data.withSanitizedValue() : data;
        }
        if (compact.endsWith("key")) {
            return data.withValue(Secrets.mask(String.valueOf(value)));
        }
        return SECRET_WORD.matcher(compact).find() ? data.withSanitizedValue() : data;
    }

    /** A header entry named like a credential, or a whole {@code name=value,...} list mentioning one. */
    private static boolean headerLooksSecret(String key, Object value) {
        String lastSegment = key.substring(key.lastIndexOf('.') + 1);
        String compactName = NOT_ALPHANUMERIC.matcher(lastSegment).replaceAll("");
        if (!compactName.endsWith("headers")) {
            return SECRET_WORD.matcher(compactName).find() || compactName.endsWith("key");
        }
        String compactValue = NOT_ALPHANUMERIC.matcher(String.valueOf(value).toLowerCase(Locale.ROOT)).replaceAll("");
        return SECRET_WORD.matcher(compactValue).find() || compactValue.contains("key");
    }

}
