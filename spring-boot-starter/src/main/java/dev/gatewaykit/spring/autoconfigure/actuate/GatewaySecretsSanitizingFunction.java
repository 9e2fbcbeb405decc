package dev.gatewaykit.spring.autoconfigure.actuate;

import java.util.Locale;
import java.util.regex.Pattern;

import dev.gatewaykit.sdk.settings.Secrets;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Masks the gateway's secrets in {@code /actuator/env} and {@code /actuator/configprops}, whatever
 * {@code show-values} says: keys ({@code openai.api-key}, {@code openai.<role>.api-key}, {@code OPENAI_*_API_KEY},
 * {@code PORTKEY_API_KEY}, ...) as {@code sk-...abcd}, the proxy password and credential-bearing headers completely.
 * <p>
 * Every other property is masked by its value too, because a key given on the command line reappears where no name
 * says so: {@code sun.java.command} and {@code jdk.internal.*} hold the whole command line, {@code
 * SPRING_APPLICATION_JSON} a JSON document, {@code *_URL} variables user info. Key-shaped tokens, values of
 * secret-sounding names ({@code --x.api-key=}, {@code "password":}) and URL user info are masked wherever they sit,
 * and a property whose own name says password, secret or api key is masked as a whole.
 */
public final class GatewaySecretsSanitizingFunction implements SanitizingFunction {

    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^a-z0-9]");

    private static final Pattern SECRET_WORD = Pattern.compile("authorization|apikey|token|secret|cookie|password");

    // Names outside the gateway's own that are secrets as a whole (spring.datasource.password, app.api-key).
    private static final Pattern FOREIGN_SECRET_NAME = Pattern.compile("password|passwd|secret|apikey|credentials$");

    @Override
    public SanitizableData apply(SanitizableData data) {
        Object value = data.getValue();
        if (value == null) {
            return data;
        }
        String key = data.getLowerCaseKey();
        String compact = NOT_ALPHANUMERIC.matcher(key).replaceAll("");
        if (!compact.startsWith("openai") && !compact.startsWith("portkey")) {
            return otherProperty(data, compact, value);
        }
        if (compact.contains("headers")) {
            return headerLooksSecret(key, value) ? data.withSanitizedValue() : data;
        }
        if (compact.endsWith("key")) {
            return data.withValue(Secrets.mask(String.valueOf(value)));
        }
        if (SECRET_WORD.matcher(compact).find()) {
            return data.withSanitizedValue();
        }
        // A base URL with user info, an inline Portkey config quoting a key: masked by value.
        return maskedText(data, value);
    }

    private static SanitizableData maskedText(SanitizableData data, Object value) {
        if (!(value instanceof CharSequence text)) {
            return data;
        }
        String raw = text.toString();
        String masked = Secrets.maskSecretsIn(raw);
        return masked.equals(raw) ? data : data.withValue(masked);
    }

    private static SanitizableData otherProperty(SanitizableData data, String compactKey, Object value) {
        if (!(value instanceof CharSequence text)) {
            return data;
        }
        if (FOREIGN_SECRET_NAME.matcher(compactKey).find()) {
            return data.withValue(Secrets.mask(text.toString()));
        }
        return maskedText(data, value);
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
