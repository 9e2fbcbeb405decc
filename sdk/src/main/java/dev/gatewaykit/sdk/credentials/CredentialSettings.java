package dev.gatewaykit.sdk.credentials;

import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.settings.ApiKey;
import dev.gatewaykit.sdk.settings.GatewaySettings;
import dev.gatewaykit.sdk.settings.Secrets;
import dev.gatewaykit.sdk.settings.Setting;
import dev.gatewaykit.sdk.settings.SettingsProblem;
import dev.gatewaykit.sdk.settings.SettingsReport;
import dev.gatewaykit.sdk.settings.SettingsSource;
import dev.gatewaykit.sdk.settings.SettingsSources;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Resolves a {@link Credential} with the same resolver, validation and key rule as the global settings: the
 * credential becomes the top layer ({@code OPENAI_BASE_URL}, {@code OPENAI_API_KEY}, {@code OPENAI_GATEWAY},
 * {@code OPENAI_HEADERS}), under it the global layers show only transport settings (timeouts, retries,
 * organization/project, outbound proxy). Global URLs, keys, headers, Portkey/LiteLLM and failover settings are
 * never inherited, so a credential's calls carry only its own key to its own URL. Problems name the credential's
 * properties.
 */
final class CredentialSettings {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");

    private static final Set<Setting> INHERITED = Set.of(Setting.CONNECT_TIMEOUT, Setting.READ_TIMEOUT,
            Setting.TIMEOUT, Setting.MAX_RETRIES, Setting.ORG_ID, Setting.PROJECT_ID, Setting.PROXY_HOST,
            Setting.PROXY_PORT, Setting.PROXY_USERNAME, Setting.PROXY_PASSWORD);

    /** The outcome: settings only when {@code problems} is empty. */
    record Resolution(Credential credential, GatewaySettings settings, List<SettingsProblem> problems) {
    }

    private CredentialSettings() {
    }

    static Resolution resolve(Credential credential, GatewaySettings global) {
        String name = credential.name();
        if (!NAME.matcher(name).matches()) {
            return new Resolution(credential, null, List.of(new SettingsProblem("openai.credentials." + name, name,
                    "is not a credential name.", "use letters, digits, - and _ (e.g. billing or team-a).")));
        }
        List<SettingsSource> layers = new ArrayList<>();
        layers.add(new CredentialLayer(credential));
        for (SettingsSource layer : global.layers().list()) {
            layers.add(new InheritedLayer(layer));
        }
        SettingsReport report = GatewaySettings.inspect(SettingsSources.of(layers));

        Set<SettingsProblem> problems = new LinkedHashSet<>();
        if (noBaseUrl(credential)) {
            problems.add(problem(credential, "base-url", "", "is not set.",
                    "set it to the credential's base URL, e.g. http://litellm-team-a:4000/v1."));
        }
        for (SettingsProblem p : report.problems()) {
            Optional<SettingsProblem> renamed = rename(credential, p);
            if (renamed.isPresent()) {
                problems.add(renamed.get());
            }
        }
        return problems.isEmpty() ? new Resolution(credential, report.settings(), List.of())
                : new Resolution(credential, null, List.copyOf(problems));
    }

    /** Whether the credential has no base URL, or a blank one. */
    private static boolean noBaseUrl(Credential credential) {
        return credential.baseUrl().isEmpty() || credential.baseUrl().get().isBlank();
    }

    /** A resolver problem in the credential's terms; empty when it repeats one already reported. */
    private static Optional<SettingsProblem> rename(Credential credential, SettingsProblem p) {
        String v = p.variable();
        if (v.equals(Setting.BASE_URL.variable())) {
            // An unset credential URL falls back to the built-in default; it is reported as missing instead.
            return noBaseUrl(credential) ? Optional.empty()
                    : Optional.of(problem(credential, "base-url", p.value(), p.message(), p.fix()));
        }
        if (v.equals(Setting.GATEWAY.variable())) {
            return Optional.of(problem(credential, "gateway", p.value(), p.message(), p.fix()));
        }
        if (v.equals(Setting.HEADERS.variable())) {
            return Optional.of(problem(credential, "headers", p.value(), p.message(), p.fix()));
        }
        if (isKeyVariable(v)) {
            if (p.value() != null && !p.value().isEmpty()) {
                return Optional.of(problem(credential, "api-key", p.value(), p.message(), p.fix()));
            }
            String where = noBaseUrl(credential) ? "its base URL" : credential.baseUrl().get();
            return Optional.of(problem(credential, "api-key", "", "no key for credential '" + credential.name()
                    + "' (" + where + "); a credential's calls carry only its own key, never the global ones.",
                    "set " + credential.property("api-key") + " to the key for " + where + "."));
        }
        return Optional.of(p);
    }

    private static boolean isKeyVariable(String variable) {
        if (variable.equals(Setting.API_KEY.variable()) || variable.equals(Setting.INTERNAL_API_KEY.variable())) {
            return true;
        }
        for (Role role : Role.values()) {
            if (variable.equals(Setting.roleApiKey(role).variable())) {
                return true;
            }
        }
        return false;
    }

    private static SettingsProblem problem(Credential credential, String field, String value, String message,
                                           String fix) {
        return new SettingsProblem(credential.property(field), value, message + " (environment: "
                + credential.variable(field) + ")", fix);
    }

    /** The credential's own values, under the names the resolver reads for the global route. */
    private static final class CredentialLayer implements SettingsSource {
        private final Credential credential;

        CredentialLayer(Credential credential) {
            this.credential = credential;
        }

        @Override
        public String name() {
            return "credential " + credential.name();
        }

        @Override
        public Optional<String> get(Setting setting) {
            if (setting == Setting.BASE_URL) {
                return credential.baseUrl();
            }
            if (setting == Setting.API_KEY) {
                return credential.apiKey().isPresent() ? Optional.of(credential.apiKey().get().reveal())
                        : Optional.empty();
            }
            if (setting == Setting.GATEWAY) {
                return credential.gatewayId();
            }
            if (setting == Setting.REQUIRE_KEYS) {
                // A credential exists to be called with its key: a missing one is always a configuration error.
                return Optional.of("true");
            }
            if (setting == Setting.HEADERS && !credential.headers().isEmpty()) {
                return Optional.of(joinHeaders(credential.headers()));
            }
            return Optional.empty();
        }

        /** {@code name=value,name2=value2}, the string form of the headers. */
        private static String joinHeaders(Map<String, String> headers) {
            StringBuilder joined = new StringBuilder();
            for (Map.Entry<String, String> e : headers.entrySet()) {
                if (joined.length() > 0) {
                    joined.append(',');
                }
                joined.append(e.getKey()).append('=').append(e.getValue());
            }
            return joined.toString();
        }

        @Override
        public Map<String, String> getMap(Setting setting) {
            // Handed over as a map: header values may contain ',' or '=' that the string form would split.
            return setting == Setting.HEADERS ? credential.headers() : Map.of();
        }

        @Override
        public String toString() {
            return "CredentialLayer[" + credential.name() + ", key " + credential.apiKey().map(ApiKey::masked)
                    .orElse(Secrets.mask(null)) + "]";
        }
    }

    /** A global layer reduced to the settings a credential inherits. */
    private static final class InheritedLayer implements SettingsSource {
        private final SettingsSource layer;

        InheritedLayer(SettingsSource layer) {
            this.layer = layer;
        }

        @Override
        public String name() {
            return layer.name();
        }

        @Override
        public Optional<String> get(Setting setting) {
            return INHERITED.contains(setting) ? layer.get(setting) : Optional.empty();
        }

        @Override
        public Map<String, String> getMap(Setting setting) {
            return INHERITED.contains(setting) ? layer.getMap(setting) : Map.of();
        }
    }
}
