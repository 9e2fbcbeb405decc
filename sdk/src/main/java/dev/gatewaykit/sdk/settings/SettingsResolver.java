package dev.gatewaykit.sdk.settings;

import dev.gatewaykit.sdk.GatewayKind;
import dev.gatewaykit.sdk.PortkeyProduct;
import dev.gatewaykit.sdk.Role;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns layers into {@link GatewaySettings}: precedence, then one rule object per concern (URL: {@link UrlRules};
 * keys: {@link KeyFormatRule}, {@link RouteKeyRule}, {@link LayeredKeyRule}, {@link RequiredKeysRule}; gateway:
 * {@link GatewayRule}; Portkey products: {@link PortkeyProductRule}; failover: {@link FailoverRule}; transport: {@link TransportLimitsRule}), each returning its
 * problems. Collects every problem before failing.
 */
final class SettingsResolver {

    private final SettingsSources sources;
    private final Map<String, String> explicitValues;
    private final SettingsSources layers;
    private final Set<SettingsProblem> problems = new LinkedHashSet<>();
    private final Set<SettingsWarning> warnings = new LinkedHashSet<>();
    private final SettingsLookup lookup;

    SettingsResolver(SettingsSources sources, Map<String, String> explicitValues) {
        this.sources = sources;
        this.explicitValues = Map.copyOf(explicitValues);
        this.layers = explicitValues.isEmpty() ? sources : sources.withHighest(new MapSource("builder",
                explicitValues));
        this.lookup = new SettingsLookup(layers, problems);
    }

    GatewaySettings resolve() {
        SettingsReport report = inspect();
        if (!report.problems().isEmpty()) {
            throw new GatewaySettingsException(report.problems());
        }
        return report.settings();
    }

    /** Resolves without failing: the settings as far as they could be resolved, plus every problem. */
    SettingsReport inspect() {
        // Problems found while reading a layer (malformed .env lines) come first: they explain missing values.
        for (SettingsSource layer : layers.list()) {
            problems.addAll(layer.problems());
        }
        Optional<FoundValue> gatewayFound = lookup.find(Setting.GATEWAY);
        Checked<Optional<GatewayKind>> explicitGateway = GatewayRule.explicit(gatewayFound);
        lookup.report(explicitGateway.problems());

        FoundValue base = lookup.find(Setting.BASE_URL).orElse(new FoundValue(GatewaySettings.DEFAULT_BASE_URL,
                Setting.BASE_URL, "default", lookup.layerCount()));
        SharedUrls urls = new SharedUrls(base, lookup.find(Setting.INTERNAL_BASE_URL).orElse(null));

        // Every configured key is checked, used or not: a malformed key is a mistake wherever it sits.
        for (Setting setting : KeyFormatRule.keySettings()) {
            Optional<FoundValue> key = lookup.find(setting);
            if (key.isPresent()) {
                lookup.report(KeyFormatRule.check(key.get()));
            }
        }
        Checked<Set<Role>> keysRequired = RequiredKeysRule.read(lookup.find(Setting.REQUIRE_KEYS));
        lookup.report(keysRequired.problems());

        Checked<Optional<PortkeyProduct>> product = PortkeyProductRule.explicit(
                lookup.find(Setting.PORTKEY_PRODUCT));
        lookup.report(product.problems());
        PortkeySettings portkey = portkey().withProduct(PortkeyProductRule.forUrl(product.value(), urls.baseUrl()));
        LiteLlmSettings litellm = litellm();
        Map<String, String> globalHeaders = lookup.map(Setting.HEADERS);
        FailoverSettings failover = failover();

        RouteResolver routeResolver = new RouteResolver(lookup, urls, new GatewayContext(explicitGateway.value(),
                gatewayFound.orElse(null), portkey, litellm, product.value()), globalHeaders, keysRequired.value(),
                new LayeredKeyRule(layers));
        Map<Role, RouteSettings> routes = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            routes.put(role, withFailover(routeResolver.resolve(role), failover));
        }
        warnings.addAll(routeResolver.warnings());
        for (RouteSettings route : routes.values()) {
            lookup.report(PortkeyProductRule.check(route));
        }
        FailoverRule failoverRule = FailoverRule.check(routes, failover);
        lookup.report(failoverRule.problems());
        warnings.addAll(failoverRule.warnings());

        GatewaySettings.Parts parts = new GatewaySettings.Parts().layers(sources, explicitValues).routes(routes)
                .transport(transport())
                .identity(lookup.text(Setting.ORG_ID), lookup.text(Setting.PROJECT_ID))
                .headers(globalHeaders).proxy(proxy()).gateways(portkey, litellm).failover(failover);
        TransportLimits limits = limits();
        GatewaySettings settings = parts.provenance(new ArrayList<>(warnings), lookup.valueSources()).limits(limits)
                .build();
        return new SettingsReport(settings, new ArrayList<>(problems));
    }

    private GatewaySettings.Transport transport() {
        Duration connect = lookup.duration(Setting.CONNECT_TIMEOUT).orElse(GatewaySettings.DEFAULT_CONNECT_TIMEOUT);
        Duration read = lookup.duration(Setting.READ_TIMEOUT).orElse(GatewaySettings.DEFAULT_READ_TIMEOUT);
        Duration call = lookup.duration(Setting.TIMEOUT).orElse(GatewaySettings.DEFAULT_CALL_TIMEOUT);
        int maxRetries = lookup.integer(Setting.MAX_RETRIES).orElse(GatewaySettings.DEFAULT_MAX_RETRIES);
        return new GatewaySettings.Transport(connect, read, call, maxRetries);
    }

    private TransportLimits limits() {
        Checked<TransportLimits> limits = TransportLimitsRule.read(lookup);
        lookup.report(limits.problems());
        return limits.value();
    }

    /** The global failover values; {@code enabled} is {@code OPENAI_FAILOVER_ENABLED}. */
    private FailoverSettings failover() {
        FailoverSettings.Builder b = FailoverSettings.builder()
                .enabled(lookup.bool(Setting.FAILOVER_ENABLED).orElse(false));
        Optional<FoundValue> url = lookup.find(Setting.FAILOVER_BASE_URL);
        if (url.isPresent()) {
            String normalised = RouteSettings.normaliseUrl(url.get().value());
            Optional<SettingsProblem> problem = UrlRules.check(Setting.FAILOVER_BASE_URL, url.get().value(),
                    GatewayRule.detect(normalised, normalised, PortkeySettings.none(), LiteLlmSettings.none()));
            if (problem.isPresent()) {
                lookup.report(problem.get());
            }
            b.baseUrl(normalised);
        }
        Optional<FoundValue> key = lookup.find(Setting.FAILOVER_API_KEY);
        if (key.isPresent()) {
            b.apiKey(key.get().value());
        }
        Optional<Integer> threshold = lookup.integer(Setting.FAILOVER_FAILURE_THRESHOLD);
        if (threshold.isPresent()) {
            b.failureThreshold(threshold.get());
        }
        Optional<Duration> coolDown = lookup.duration(Setting.FAILOVER_COOL_DOWN);
        if (coolDown.isPresent()) {
            b.coolDown(coolDown.get());
        }
        return b.build();
    }

    /** The route with failover attached when it is on for the role (role switch over the global one). */
    private RouteSettings withFailover(RouteSettings route, FailoverSettings failover) {
        boolean on = lookup.bool(Setting.roleFailoverEnabled(route.role())).orElse(failover.enabled());
        return on ? route.toBuilder().failover(failover.toBuilder().enabled(true).build()).build() : route;
    }

    private PortkeySettings portkey() {
        PortkeySettings p = PortkeySettings.of(lookup.text(Setting.PORTKEY_API_KEY),
                lookup.text(Setting.PORTKEY_CONFIG), lookup.text(Setting.PORTKEY_PROVIDER),
                lookup.map(Setting.PORTKEY_METADATA));
        return p.anySet() ? p : PortkeySettings.none();
    }

    private LiteLlmSettings litellm() {
        Optional<FoundValue> tags = lookup.find(Setting.LITELLM_TAGS);
        LiteLlmSettings l = LiteLlmSettings.of(tags.isPresent() ? SettingValues.parseList(tags.get().value())
                : List.of(), lookup.text(Setting.LITELLM_END_USER_ID));
        return l.anySet() ? l : LiteLlmSettings.none();
    }

    private ProxySettings proxy() {
        String host = lookup.text(Setting.PROXY_HOST);
        Optional<Integer> port = lookup.integer(Setting.PROXY_PORT);
        if (host == null) {
            return null;
        }
        ProxySettings proxy = ProxySettings.of(host, port.orElse(8080));
        String user = lookup.text(Setting.PROXY_USERNAME);
        return user == null ? proxy : proxy.withCredentials(user, lookup.text(Setting.PROXY_PASSWORD));
    }
}
