package dev.gatewaykit.sdk.settings;

import dev.gatewaykit.sdk.GatewayKind;
import dev.gatewaykit.sdk.PortkeyProduct;
import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.settings.RouteSettings.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves the route of each role: the URL rule, gateway detection, the key rule and the route's own values. Every
 * problem goes to the lookup's problems in the order found; warnings are collected here.
 */
final class RouteResolver {

    private final SettingsLookup lookup;
    private final SharedUrls urls;
    private final GatewayContext gateways;
    private final Map<String, String> globalHeaders;
    private final Set<Role> keysRequired;
    private final RouteKeyRule keyRule;
    private final List<SettingsWarning> warnings = new ArrayList<>();
    private final RoleWarnings roleWarnings = new RoleWarnings();

    RouteResolver(SettingsLookup lookup, SharedUrls urls, GatewayContext gateways, Map<String, String> globalHeaders,
                  Set<Role> keysRequired, LayeredKeyRule layeredKeyRule) {
        this.lookup = lookup;
        this.urls = urls;
        this.gateways = gateways;
        this.globalHeaders = globalHeaders;
        this.keysRequired = keysRequired;
        this.keyRule = new RouteKeyRule(lookup, layeredKeyRule, urls.baseUrl(), urls.internalUrl());
    }

    /** Warnings of the routes resolved so far: per-route ones first, then those shared by several roles. */
    List<SettingsWarning> warnings() {
        List<SettingsWarning> all = new ArrayList<>(warnings);
        all.addAll(roleWarnings.toList());
        return all;
    }

    /** The route of {@code role}. */
    RouteSettings resolve(Role role) {
        RouteSettings.Builder b = RouteSettings.builder().role(role);

        // URL rule: role override > (EMBEDDINGS: internal URL) > base URL > default.
        FoundValue roleUrl = lookup.find(Setting.roleBaseUrl(role)).orElse(null);
        FoundValue urlFound;
        if (roleUrl != null) {
            urlFound = roleUrl;
        } else if (role == Role.EMBEDDINGS && urls.internal() != null) {
            urlFound = urls.internal();
        } else {
            urlFound = urls.base();
        }
        String url = RouteSettings.normaliseUrl(urlFound.value());
        b.baseUrl(url).source(Setting.roleBaseUrl(role), urlFound.source());

        // PORTKEY_* and OPENAI_LITELLM_* belong to the origin they were configured for: OPENAI_BASE_URL's (or, for
        // Portkey, its cloud host). A route elsewhere is neither detected as that gateway nor sent its headers.
        String baseUrl = urls.baseUrl();
        boolean portkeyApplies = GatewayRule.portkeyOrigin(url, baseUrl);
        GatewayKind gateway = gateways.explicit().isPresent() ? gateways.explicit().get()
                : GatewayRule.detect(url, baseUrl, gateways.portkey(), gateways.litellm());
        b.gateway(gateway).source(Setting.GATEWAY, gateways.explicit().isPresent() && gateways.found() != null
                ? gateways.found().source() : new ValueSource(Setting.GATEWAY.variable(), "derived"));
        Optional<SettingsProblem> urlProblem = UrlRules.check(urlFound.setting(), urlFound.value(), gateway);
        if (urlProblem.isPresent()) {
            lookup.report(urlProblem.get());
        }

        boolean authNone = authNone(role);
        RouteKeyRule.KeyChoice choice = keyRule.choose(role, url, urlFound);
        lookup.report(choice.problems());
        FoundValue key = choice.key();
        PortkeySettings routePortkey = gateway != GatewayKind.PORTKEY ? PortkeySettings.none()
                : (portkeyApplies ? gateways.portkey() : PortkeySettings.none())
                        .withProduct(PortkeyProductRule.forUrl(gateways.product(), url));
        b.portkey(routePortkey);
        boolean keyless = authNone || (routePortkey.apiKey().isPresent() && key == null);
        if (key != null && !authNone) {
            b.apiKey(key.value()).source(Setting.roleApiKey(role), key.source());
            warnIfPlainHttp(role, url, urlFound, key);
        }
        b.keyless(keyless);
        if (key == null && !keyless) {
            missingKey(b, role, roleUrl, url, choice.leftBehind() != null);
        }

        FoundValue model = lookup.checkedText(Setting.roleModel(role)).orElse(null);
        if (model != null) {
            b.model(model.value()).source(Setting.roleModel(role), model.source());
            // The self-hosted gateway needs a provider whatever the model: PortkeyProductRule makes that an error.
            if (gateway == GatewayKind.PORTKEY && routePortkey.product() == PortkeyProduct.CLOUD
                    && !model.value().startsWith("@") && routePortkey.provider().isEmpty()
                    && routePortkey.config().isEmpty()) {
                warnings.add(new SettingsWarning(model.setting().variable(), "Portkey model '" + model.value()
                        + "' has no @provider-slug/ prefix and neither PORTKEY_PROVIDER nor PORTKEY_CONFIG is set;"
                        + " Portkey will not know which provider to call."));
            }
        }
        Map<String, String> modelMap = lookup.map(Setting.roleModelMap(role));
        for (String message : ModelMap.problems(modelMap)) {
            lookup.report(new SettingsProblem(Setting.roleModelMap(role).variable(), SettingValues.formatMap(modelMap), message,
                    "write from=to entries, e.g. gpt-4o-mini=@openai-prod/gpt-4o-mini or *=openai/* (a * only at the"
                            + " end of the name; in the target it stands for the rest of the name)."));
        }
        b.modelMap(modelMap);
        Optional<Duration> timeout = lookup.duration(Setting.roleTimeout(role));
        if (timeout.isPresent()) {
            b.timeout(timeout.get());
        }
        Map<String, String> headers = new LinkedHashMap<>(globalHeaders);
        headers.putAll(lookup.map(Setting.roleHeaders(role)));
        b.headers(headers);
        return b.build();
    }

    private void warnIfPlainHttp(Role role, String url, FoundValue urlFound, FoundValue key) {
        if (url.toLowerCase(Locale.ROOT).startsWith("http://") && !UrlRules.isLoopback(url)) {
            String masked = Secrets.mask(key.value());
            String origin = RouteSettings.originOf(url);
            // One warning per setting and key, naming every role that sends it, not one per role.
            roleWarnings.add(role, urlFound.setting().variable(), "plain-http " + masked + " " + origin,
                    new RoleWarnings.Text("send ", "sends ", masked + " over plain http:// to " + origin
                            + "; anyone on the network can read it. Use https:// unless this is a private network."));
        }
    }

    private void missingKey(RouteSettings.Builder b, Role role, FoundValue roleUrl, String url,
                            boolean leftBehind) {
        SettingsProblem missing = keyRule.missing(role, roleUrl, url);
        if (leftBehind) {
            // Already a problem of its own, which says more; the route stays unusable all the same.
            b.missingKey(missing);
        } else if (keysRequired.contains(role)) {
            lookup.report(missing);
        } else {
            // A route the application may never call must not stop it: it starts, this warning says why the
            // route is unusable, and its first call fails at once with the same explanation.
            b.missingKey(missing);
            roleWarnings.add(role, missing.variable(), "missing-key " + missing.message(),
                    new RoleWarnings.Text("have no key, so their", "has no key, so its", " calls fail at once"
                            + " until " + missing.variable() + " is set: " + missing.message() + " Fix: "
                            + missing.fix() + " To stop at startup instead, set " + Setting.REQUIRE_KEYS.variable()
                            + "=true."));
        }
    }

    /** {@code OPENAI_<ROLE>_AUTH}: whether the route sends no key; a problem for an unknown mode. */
    private boolean authNone(Role role) {
        Optional<FoundValue> auth = lookup.find(Setting.roleAuth(role));
        if (auth.isEmpty()) {
            return false;
        }
        String v = auth.get().value().toLowerCase(Locale.ROOT);
        if (v.equals("none")) {
            return true;
        }
        if (!v.equals("bearer")) {
            lookup.report(new SettingsProblem(auth.get().setting().variable(), auth.get().value(),
                    "is not an auth mode.", "use bearer (send the key) or none (send no Authorization header)."));
        }
        return false;
    }
}
