package dev.gatewaykit.sdk.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatewaykit.sdk.GatewayKind;
import dev.gatewaykit.sdk.PortkeyProduct;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which Portkey a Portkey route talks to, and the self-hosted rule: the open-source gateway checks no Portkey key,
 * knows no Model Catalog ({@code @slug/model}) and no saved config ids ({@code pc-...}), and needs the provider
 * named in {@code x-portkey-provider} or a JSON {@code x-portkey-config} with {@code provider} or {@code targets};
 * without a key on the route it forwards {@code Authorization: Bearer undefined}. A self-hosted route written
 * for the cloud is a settings error naming the variable and the self-hosted form that works.
 */
final class PortkeyProductRule {

    private static final String OR_CLOUD = " For Portkey cloud instead, set " + Setting.PORTKEY_PRODUCT.variable()
            + "=cloud.";

    private PortkeyProductRule() {
    }

    /** {@code PORTKEY_PRODUCT}: empty when unset; a problem for an unknown product. */
    static Checked<Optional<PortkeyProduct>> explicit(Optional<FoundValue> found) {
        if (found.isEmpty()) {
            return Checked.ok(Optional.empty());
        }
        Optional<PortkeyProduct> product = PortkeyProduct.fromId(found.get().value());
        return product.isPresent() ? Checked.ok(product) : new Checked<>(product, List.of(new SettingsProblem(
                Setting.PORTKEY_PRODUCT.variable(), found.get().value(), "is not a Portkey product.",
                "use cloud (api.portkey.ai) or self-hosted (the open-source gateway).")));
    }

    /** The product of a Portkey route at {@code url}: {@code explicit}, else by host. */
    static PortkeyProduct forUrl(Optional<PortkeyProduct> explicit, String url) {
        if (explicit.isPresent()) {
            return explicit.get();
        }
        try {
            return PortkeyProduct.forBaseUrl(URI.create(url));
        } catch (IllegalArgumentException e) {
            return PortkeyProduct.SELF_HOSTED;
        }
    }

    /** What a self-hosted Portkey route has that only the cloud accepts; empty for every other route. */
    static List<SettingsProblem> check(RouteSettings route) {
        if (route.gateway() != GatewayKind.PORTKEY || route.portkey().product() != PortkeyProduct.SELF_HOSTED) {
            return List.of();
        }
        List<SettingsProblem> problems = new ArrayList<>();
        String origin = route.origin();
        Optional<String> model = route.model();
        if (model.isPresent() && catalogName(model.get())) {
            problems.add(new SettingsProblem(Setting.roleModel(route.role()).variable(), model.get(),
                    catalog(origin), nameTheProvider()));
        }
        Map.Entry<String, String> e = firstCatalogTarget(route.modelMap());
        if (e != null) {
            problems.add(new SettingsProblem(Setting.roleModelMap(route.role()).variable(),
                    e.getKey() + "=" + e.getValue(), catalog(origin), "map to the provider's own model name"
                    + " (e.g. " + e.getKey() + "=" + e.getValue().substring(e.getValue().indexOf('/') + 1)
                    + ") and name the provider with " + Setting.PORTKEY_PROVIDER.variable() + " (e.g. openai)"
                    + " or a JSON " + Setting.PORTKEY_CONFIG.variable() + "." + OR_CLOUD));
        }
        Config config = Config.of(route.portkey().config().orElse(null));
        Optional<SettingsProblem> configProblem = config.problem(origin);
        if (configProblem.isPresent()) {
            problems.add(configProblem.get());
        }
        if (config.valid() && route.portkey().provider().isEmpty() && !config.namesProvider()) {
            problems.add(new SettingsProblem(Setting.PORTKEY_PROVIDER.variable(), "", "the self-hosted Portkey"
                    + " gateway at " + origin + " needs the provider in x-portkey-provider or in a JSON"
                    + " x-portkey-config, and answers every call without one with 400 'Either x-portkey-config or"
                    + " x-portkey-provider header is required'" + (config.json() == null ? "" : "; "
                    + Setting.PORTKEY_CONFIG.variable() + " has neither provider nor targets") + ".",
                    "set " + Setting.PORTKEY_PROVIDER.variable() + " (e.g. openai; for an OpenAI-compatible"
                    + " upstream add x-portkey-custom-host to OPENAI_HEADERS), or a JSON "
                    + Setting.PORTKEY_CONFIG.variable() + " such as {\"provider\":\"openai\"}." + OR_CLOUD));
        }
        if (route.keyless() && !config.suppliesKey()) {
            Setting key = keySetting(route);
            problems.add(new SettingsProblem(key.variable(), "", "the " + route.role() + " route to the"
                    + " self-hosted Portkey gateway at " + origin + " sends no key"
                    + (route.portkey().apiKey().isPresent() ? " (" + Setting.PORTKEY_API_KEY.variable() + " is a"
                    + " Portkey cloud key; the self-hosted gateway ignores it)" : "") + ", so the gateway forwards"
                    + " 'Authorization: Bearer undefined' and the provider refuses every call.",
                    "set " + key.variable() + " to the provider's key (the self-hosted gateway passes the route's"
                    + " key on), or put api_key into a JSON " + Setting.PORTKEY_CONFIG.variable() + "." + OR_CLOUD));
        }
        return problems;
    }

    /** The first entry of {@code modelMap} that maps to a Model Catalog name, or null. */
    private static Map.Entry<String, String> firstCatalogTarget(Map<String, String> modelMap) {
        for (Map.Entry<String, String> entry : modelMap.entrySet()) {
            if (catalogName(entry.getValue())) {
                return entry;
            }
        }
        return null;
    }

    private static boolean catalogName(String model) {
        return model.startsWith("@");
    }

    private static String catalog(String origin) {
        return "is a Portkey cloud Model Catalog name (@slug/model); the self-hosted Portkey gateway at " + origin
                + " passes it to the provider unchanged, and the provider knows no such model.";
    }

    private static String nameTheProvider() {
        return "write the provider's own model name (e.g. gpt-4o-mini) and name the provider with "
                + Setting.PORTKEY_PROVIDER.variable() + " (e.g. openai) or a JSON " + Setting.PORTKEY_CONFIG.variable()
                + "." + OR_CLOUD;
    }

    /** The key setting that belongs to the setting the route's URL came from. */
    private static Setting keySetting(RouteSettings route) {
        RouteSettings.ValueSource url = route.sources().get(Setting.RoleSetting.BASE_URL);
        String variable = url == null ? Setting.BASE_URL.variable() : url.variable();
        if (variable.equals(Setting.BASE_URL.variable())) {
            return Setting.API_KEY;
        }
        if (variable.equals(Setting.INTERNAL_BASE_URL.variable())) {
            return Setting.INTERNAL_API_KEY;
        }
        return Setting.roleApiKey(route.role());
    }

    /**
     * {@code PORTKEY_CONFIG} as the self-hosted gateway reads it: absent, JSON, or unusable.
     *
     * @param raw  the value, or null
     * @param json the parsed object, or null when absent or not a JSON object
     */
    private record Config(String raw, JsonNode json) {

        static Config of(String raw) {
            if (raw == null || !raw.startsWith("{")) {
                return new Config(raw, null);
            }
            try {
                JsonNode node = new ObjectMapper().readTree(raw);
                return new Config(raw, node != null && node.isObject() ? node : null);
            } catch (JsonProcessingException e) {
                return new Config(raw, null);
            }
        }

        /** Absent or a JSON object: a config the self-hosted gateway accepts. */
        boolean valid() {
            return raw == null || json != null;
        }

        boolean namesProvider() {
            return json != null && (json.hasNonNull("provider") || json.hasNonNull("targets"));
        }

        /** Whether the config gives the provider its key: {@code api_key} at the top or in every target. */
        boolean suppliesKey() {
            if (json == null) {
                return false;
            }
            if (json.hasNonNull("api_key")) {
                return true;
            }
            JsonNode targets = json.path("targets");
            if (!targets.isArray() || targets.isEmpty()) {
                return false;
            }
            for (JsonNode target : targets) {
                if (!target.hasNonNull("api_key")) {
                    return false;
                }
            }
            return true;
        }

        Optional<SettingsProblem> problem(String origin) {
            if (valid()) {
                return Optional.empty();
            }
            String variable = Setting.PORTKEY_CONFIG.variable();
            String fix = "write the config as JSON, e.g. {\"provider\":\"openai\",\"api_key\":\"...\"}, or set "
                    + Setting.PORTKEY_PROVIDER.variable() + "=openai instead." + OR_CLOUD;
            if (raw.startsWith("pc-")) {
                return Optional.of(new SettingsProblem(variable, raw, "is a saved Portkey cloud config id; the"
                        + " self-hosted Portkey gateway at " + origin + " knows no saved configs and answers 400"
                        + " 'Invalid config passed'.", fix));
            }
            return Optional.of(new SettingsProblem(variable, Secrets.maskSecretsIn(raw), "is not a JSON object;"
                    + " the self-hosted Portkey gateway at " + origin + " answers 400 'Invalid config passed'.", fix));
        }
    }
}
