package dev.gatewaykit.spring.autoconfigure;

import dev.gatewaykit.sdk.settings.Secrets;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.origin.Origin;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Reports an {@code openai.*} property that Spring could not bind, with its value masked. Spring Boot's own bind
 * failure report quotes the value as written, and a value under {@code openai.} may be a key, or a header that
 * carries one ({@code openai.credentials.partner.headers=x-portkey-api-key=...} given as one string is the usual
 * case). Runs before Spring Boot's analyzers; properties outside {@code openai.} are left to them.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class GatewayPropertyBindFailureAnalyzer extends AbstractFailureAnalyzer<BindException> {

    private static final String NL = System.lineSeparator();

    private static final String PREFIX = "openai.";

    private static final String CREDENTIALS_PREFIX = "openai.credentials.";

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, BindException cause) {
        String name = cause.getName().toString();
        if (!name.startsWith(PREFIX)) {
            return null;
        }
        ConfigurationProperty property = cause.getProperty();
        String raw = (property != null && property.getValue() != null) ? String.valueOf(property.getValue()) : null;
        String shown = shown(name, raw);
        StringBuilder description = new StringBuilder("Failed to bind the property '").append(name)
            .append("' to ").append(cause.getTarget().getType()).append(':').append(NL).append(NL);
        if (property != null) {
            description.append("    Property: ").append(property.getName()).append(NL)
                .append("    Value: ").append(shown).append(" (secrets masked)").append(NL);
            Origin origin = property.getOrigin();
            if (origin != null) {
                description.append("    Origin: ").append(origin).append(NL);
            }
        }
        description.append("    Reason: ").append(reason(cause, raw, shown));
        return new FailureAnalysis(description.toString(), action(name), cause);
    }

    // Header values and anything of a named credential are masked whole; other values keep what is not secret.
    private static String shown(String name, String raw) {
        if (raw == null) {
            return "(none)";
        }
        if (name.startsWith(CREDENTIALS_PREFIX) || name.contains("headers")) {
            return "'" + Secrets.mask(raw) + "'";
        }
        return "'" + Secrets.maskSecretsIn(raw) + "'";
    }

    // A converter's message may quote the value ("for value [...]"): replaced by the masked form.
    private static String reason(BindException cause, String raw, String shown) {
        Throwable reason = (cause.getCause() != null) ? cause.getCause() : cause;
        String message = String.valueOf(reason.getMessage());
        if (raw != null && !raw.isEmpty()) {
            message = message.replace(raw, shown);
        }
        return Secrets.maskSecretsIn(message);
    }

    private static String action(String name) {
        if (name.startsWith(CREDENTIALS_PREFIX) && name.endsWith(".headers")) {
            return "Give each header its own key under " + name + ", as " + name + ".<header-name>=<value> in "
                    + "application.properties or a map under 'headers:' in application.yaml. One string of "
                    + "name=value pairs is accepted by OPENAI_HEADERS and OPENAI_<ROLE>_HEADERS only.";
        }
        return "Change " + name + " to a value of the type above; docs/configuration.md lists the accepted values.";
    }

}
