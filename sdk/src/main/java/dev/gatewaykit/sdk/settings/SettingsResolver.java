package dev.gatewaykit.sdk.settings;

import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.GatewayKind;
import dev.gatewaykit.sdk.settings.RouteSettings.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns layers into {@link GatewaySettings}: the one place where precedence, the URL rule, the key rule, gateway
 * detection and validation live. Collects every problem before failing.
 */
final class SettingsResolver {

    /** A value found in a layer. */
    private record Found(String value, Setting setting, String layer, int position) {
        ValueSource source() {
            return new ValueSource(setting.variable(), layer);
        }
    }

    private static final String PORTKEY_CLOUD_HOST = "api.portkey.ai";

    private final SettingsSources sources;
    private final Map<String, String> explicitValues;
    private final SettingsSources layers;
    private final LayeredKeyRule layeredKeyRule;
    // Roles whose key a higher layer left behind: already a problem, so not reported again as a missing key.
    private final Set<Role> keysLeftBehind = EnumSet.noneOf(Role.class);
    private final Set<SettingsProblem> problems = new LinkedHashSet<>();
    private final Set<SettingsWarning> warnings = new LinkedHashSet<>();
    private final Map<String, ValueSource> valueSources = new LinkedHashMap<>();
    // Warnings shared by several roles, keyed by what they say, so each is logged once with every role it concerns.
    private final Map<String, RoleWarning> roleWarnings = new LinkedHashMap<>();

    /** A warning about one setting that applies to one or more roles. */
    private record RoleWarning(String variable, List<Role> roles, java.util.function.Function<String, String> text) {
        SettingsWarning toWarning() {
            String names = roles.stream().map(Role::name).collect(Collectors.joining(", "));
            return new SettingsWarning(variable, text.apply(names + " "));
        }
    }

    SettingsResolver(SettingsSources sources, Map<String, String> explicitValues) {
        this.sources = sources;
        this.explicitValues = Map.copyOf(explicitValues);
        this.layers = explicitValues.isEmpty() ? sources : sources.withHighest(new MapSource("builder",
                explicitValues));
        this.layeredKeyRule = new LayeredKeyRule(layers);
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
        layers.list().forEach(layer -> problems.addAll(layer.problems()));
        Optional<GatewayKind> explicitGateway = gateway();
        Found gatewayFound = find(Setting.GATEWAY).orElse(null);

        Found base = find(Setting.BASE_URL)
                .orElse(new Found(GatewaySettings.DEFAULT_BASE_URL, Setting.BASE_URL, "default",
                        layers.list().size()));
        Found internal = find(Setting.INTERNAL_BASE_URL).orElse(null);
        String baseUrl = RouteSettings.normaliseUrl(base.value());
        String internalUrl = internal == null ? baseUrl : RouteSettings.normaliseUrl(internal.value());

        // Every configured key is checked, used or not: a malformed key is a mistake wherever it sits.
        List<Setting> keys = new ArrayList<>(List.of(Setting.API_KEY, Setting.INTERNAL_API_KEY,
                Setting.PORTKEY_API_KEY, Setting.FAILOVER_API_KEY));
        for (Role role : Role.values()) {
            keys.add(Setting.roleApiKey(role));
        }
        keys.forEach(setting -> find(setting).ifPresent(this::checkKey));
        Set<Role> keysRequired = keysRequired();

        PortkeySettings portkey = portkey();
        LiteLlmSettings litellm = litellm();
        Map<String, String> globalHeaders = map(Setting.HEADERS);
        FailoverSettings failover = failover();

        Map<Role, RouteSettings> routes = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            RouteSettings route = route(role, explicitGateway, gatewayFound, base, internal, baseUrl, internalUrl,
                    portkey, litellm, globalHeaders, keysRequired.contains(role));
            routes.put(role, withFailover(route, failover));
        }
        roleWarnings.values().forEach(w -> warnings.add(w.toWarning()));
        checkFailover(routes, failover);

        Duration connect = duration(Setting.CONNECT_TIMEOUT).orElse(GatewaySettings.DEFAULT_CONNECT_TIMEOUT);
        Duration read = duration(Setting.READ_TIMEOUT).orElse(GatewaySettings.DEFAULT_READ_TIMEOUT);
        Duration call = duration(Setting.TIMEOUT).orElse(GatewaySettings.DEFAULT_CALL_TIMEOUT);
        int maxRetries = integer(Setting.MAX_RETRIES).orElse(GatewaySettings.DEFAULT_MAX_RETRIES);
        String organization = text(Setting.ORG_ID);
        String project = text(Setting.PROJECT_ID);
        ProxySettings proxy = proxy();

        GatewaySettings settings = new GatewaySettings(sources, explicitValues, routes, connect, read, call,
                maxRetries, organization, project, globalHeaders, proxy, portkey, litellm, failover,
                new ArrayList<>(warnings), valueSources, limits());
        return new SettingsReport(settings, new ArrayList<>(problems));
    }

    // ---- routes ----------------------------------------------------------------------------------------------

    private RouteSettings route(Role role, Optional<GatewayKind> explicitGateway, Found gatewayFound, Found base,
                                Found internal, String baseUrl, String internalUrl, PortkeySettings portkey,
                                LiteLlmSettings litellm, Map<String, String> globalHeaders, boolean keyRequired) {
        RouteSettings.Builder b = RouteSettings.builder().role(role);

        // URL rule: role override > (EMBEDDINGS: internal URL) > base URL > default.
        Found roleUrl = find(Setting.roleBaseUrl(role)).orElse(null);
        Found urlFound;
        if (roleUrl != null) {
            urlFound = roleUrl;
        } else if (role == Role.EMBEDDINGS && internal != null) {
            urlFound = internal;
        } else {
            urlFound = base;
        }
        String url = RouteSettings.normaliseUrl(urlFound.value());
        b.baseUrl(url).source("baseUrl", urlFound.source());

        // PORTKEY_* and OPENAI_LITELLM_* belong to the origin they were configured for: OPENAI_BASE_URL's (or, for
        // Portkey, its cloud host). A route elsewhere is neither detected as that gateway nor sent its headers.
        boolean portkeyApplies = portkeyOrigin(url, baseUrl);
        GatewayKind gateway = explicitGateway.orElseGet(() -> detect(url, baseUrl, portkey, litellm));
        b.gateway(gateway).source("gateway", explicitGateway.isPresent() && gatewayFound != null
                ? gatewayFound.source() : new ValueSource(Setting.GATEWAY.variable(), "derived"));
        UrlRules.check(urlFound.setting(), urlFound.value(), gateway).ifPresent(problems::add);

        boolean authNone = authNone(role);
        Found key = key(role, url, urlFound, baseUrl, internalUrl);
        PortkeySettings routePortkey = gateway == GatewayKind.PORTKEY && portkeyApplies ? portkey
                : PortkeySettings.none();
        b.portkey(routePortkey);
        boolean keyless = authNone || (routePortkey.apiKey().isPresent() && key == null);
        if (key != null && !authNone) {
            b.apiKey(key.value()).source("apiKey", key.source());
            if (url.toLowerCase(Locale.ROOT).startsWith("http://") && !UrlRules.isLoopback(url)) {
                String masked = Secrets.mask(key.value());
                String origin = RouteSettings.originOf(url);
                // One warning per setting and key, naming every role that sends it, not one per role.
                warnFor(role, urlFound.setting().variable(), "plain-http " + masked + " " + origin,
                        roles -> roles + (roles.contains(",") ? "send " : "sends ") + masked
                                + " over plain http:// to " + origin + "; anyone on the network can read it. Use"
                                + " https:// unless this is a private network.");
            }
        }
        b.keyless(keyless);
        if (key == null && !keyless) {
            SettingsProblem missing = missingKey(role, roleUrl, url, baseUrl, internalUrl);
            if (keysLeftBehind.contains(role)) {
                // Already a problem of its own, which says more; the route stays unusable all the same.
                b.missingKey(missing);
            } else if (keyRequired) {
                problems.add(missing);
            } else {
                // A route the application may never call must not stop it: it starts, this warning says why the
                // route is unusable, and its first call fails at once with the same explanation.
                b.missingKey(missing);
                warnFor(role, missing.variable(), "missing-key " + missing.message(),
                        roles -> roles + (roles.contains(",") ? "have " : "has ") + "no key, so "
                                + (roles.contains(",") ? "their" : "its") + " calls fail at once until "
                                + missing.variable() + " is set: " + missing.message() + " Fix: " + missing.fix()
                                + " To stop at startup instead, set " + Setting.REQUIRE_KEYS.variable() + "=true.");
            }
        }

        Found model = find(Setting.roleModel(role))
                .filter(found -> checked(found.setting(), found.value(), found.value()).isPresent()).orElse(null);
        if (model != null) {
            b.model(model.value()).source("model", model.source());
            if (gateway == GatewayKind.PORTKEY && !model.value().startsWith("@") && routePortkey.provider().isEmpty()
                    && routePortkey.config().isEmpty()) {
                warnings.add(new SettingsWarning(model.setting().variable(), "Portkey model '" + model.value()
                        + "' has no @provider-slug/ prefix and neither PORTKEY_PROVIDER nor PORTKEY_CONFIG is set;"
                        + " Portkey will not know which provider to call."));
            }
        }
        Map<String, String> modelMap = map(Setting.roleModelMap(role));
        ModelMap.problems(modelMap).forEach(message -> problems.add(new SettingsProblem(
                Setting.roleModelMap(role).variable(), modelMap.entrySet().stream().map(e -> e.getKey() + "="
                        + e.getValue()).collect(Collectors.joining(",")), message,
                "write from=to entries, e.g. gpt-4o-mini=@openai-prod/gpt-4o-mini or *=openai/* (a * only at the end"
                        + " of the name; in the target it stands for the rest of the name).")));
        b.modelMap(modelMap);
        duration(Setting.roleTimeout(role)).ifPresent(b::timeout);
        Map<String, String> headers = new LinkedHashMap<>(globalHeaders);
        headers.putAll(map(Setting.roleHeaders(role)));
        b.headers(headers);
        return b.build();
    }

    /**
     * The key rule: a key belongs to the origin it was configured for. A role key belongs to its role; the
     * internal key to the internal URL's origin; {@code OPENAI_API_KEY} to {@code OPENAI_BASE_URL}'s origin.
     */
    private Found key(Role role, String url, Found urlFound, String baseUrl, String internalUrl) {
        String origin = RouteSettings.originOf(url);
        Optional<Found> roleKey = find(Setting.roleApiKey(role));
        if (roleKey.isPresent()) {
            int keyPosition = roleKey.get().position();
            String keyOrigin = urlFound.position() < keyPosition
                    ? layeredKeyRule.originAtOrBelow(role, keyPosition) : origin;
            if (keyOrigin.equals(origin)) {
                return roleKey.get();
            }
            problems.add(layeredKeyRule.keyLeftBehind(role, ApiKey.of(roleKey.get().value()), keyOrigin,
                    urlFound.setting(), urlFound.position(), origin));
            keysLeftBehind.add(role);
            return null;
        }
        if (role == Role.EMBEDDINGS) {
            Optional<Found> internalKey = find(Setting.INTERNAL_API_KEY);
            if (internalKey.isPresent() && origin.equals(RouteSettings.originOf(internalUrl))) {
                return internalKey.get();
            }
        }
        Optional<Found> apiKey = find(Setting.API_KEY);
        if (apiKey.isPresent() && origin.equals(RouteSettings.originOf(baseUrl))) {
            return apiKey.get();
        }
        return null;
    }

    private SettingsProblem missingKey(Role role, Found roleUrl, String url, String baseUrl, String internalUrl) {
        String origin = RouteSettings.originOf(url);
        boolean apiKeySet = find(Setting.API_KEY).isPresent();
        String keyless = " (or, for a gateway that needs no key, " + Setting.roleAuth(role).variable() + "=none)";
        if (roleUrl != null && !origin.equals(RouteSettings.originOf(role == Role.EMBEDDINGS ? internalUrl
                : baseUrl))) {
            Setting roleKey = Setting.roleApiKey(role);
            return new SettingsProblem(roleKey.variable(), "", "no key for " + role + " at " + origin + "; "
                    + roleUrl.setting().variable() + " points to another origin than the route's key was set for,"
                    + " and a key is never sent to a host it was not configured for.",
                    "set " + roleKey.variable() + keyless + ".");
        }
        if (role == Role.EMBEDDINGS) {
            String why = apiKeySet && !origin.equals(RouteSettings.originOf(baseUrl))
                    ? "OPENAI_API_KEY belongs to " + RouteSettings.originOf(baseUrl) + " (OPENAI_BASE_URL), a different"
                    + " origin, so it is not sent to the internal route."
                    : "neither OPENAI_INTERNAL_API_KEY nor OPENAI_API_KEY is set" + (find(Setting.PORTKEY_API_KEY)
                    .isPresent() && !origin.equals(RouteSettings.originOf(baseUrl))
                    ? "; PORTKEY_API_KEY belongs to " + RouteSettings.originOf(baseUrl) + " (OPENAI_BASE_URL) and is"
                    + " never sent to another origin." : ".");
            return new SettingsProblem(Setting.INTERNAL_API_KEY.variable(), "", "no key for the internal route"
                    + " (EMBEDDINGS) at " + origin + ": " + why,
                    "set OPENAI_INTERNAL_API_KEY to the key for " + origin + keyless + ".");
        }
        return new SettingsProblem(Setting.API_KEY.variable(), "", "no key for the public route (LLM, CODEX) at "
                + origin + ".", "set OPENAI_API_KEY to the provider key or the proxy's virtual key"
                + " (or, for a gateway that needs no key, OPENAI_LLM_AUTH=none and OPENAI_CODEX_AUTH=none).");
    }

    private void warnFor(Role role, String variable, String what,
                         java.util.function.Function<String, String> text) {
        roleWarnings.computeIfAbsent(variable + " " + what, k -> new RoleWarning(variable, new ArrayList<>(), text))
                .roles().add(role);
    }

    /**
     * {@code OPENAI_REQUIRE_KEYS}: the roles whose missing key is a startup error. {@code true} means every role,
     * {@code false} (the default) none; otherwise a list of roles such as {@code llm,codex}.
     */
    private Set<Role> keysRequired() {
        Optional<Found> found = find(Setting.REQUIRE_KEYS);
        Set<Role> roles = java.util.EnumSet.noneOf(Role.class);
        if (found.isEmpty()) {
            return roles;
        }
        for (String item : SettingValues.parseList(found.get().value())) {
            String v = item.strip().toUpperCase(Locale.ROOT);
            if (v.equals("TRUE")) {
                roles.addAll(java.util.EnumSet.allOf(Role.class));
            } else if (!v.equals("FALSE")) {
                Optional<Role> role = java.util.Arrays.stream(Role.values()).filter(r -> r.name().equals(v))
                        .findFirst();
                if (role.isPresent()) {
                    roles.add(role.get());
                } else {
                    problems.add(new SettingsProblem(Setting.REQUIRE_KEYS.variable(), found.get().value(),
                            "'" + item.strip() + "' is neither true, false nor a role.",
                            "use true, false, or roles such as llm,codex (embeddings, llm, codex)."));
                }
            }
        }
        return roles;
    }

    private void checkKey(Found found) {
        Setting setting = found.setting();
        String key = found.value();
        char first = key.charAt(0);
        char last = key.charAt(key.length() - 1);
        if (first == '"' || first == '\'' || last == '"' || last == '\'') {
            // docker --env-file and many CI variable screens keep quotes literally; they would be sent as part of
            // the key and every call would be refused with 401.
            problems.add(new SettingsProblem(setting.variable(), Secrets.mask(key), "starts or ends with a quote ("
                    + (first == '"' || last == '"' ? "\"" : "'") + ") in the " + found.layer() + " layer; the quote"
                    + " would be sent as part of the key and every call refused with 401.",
                    "remove the quotes where " + setting.variable() + " is set (" + found.layer() + "): docker"
                            + " --env-file and CI variable settings keep them literally. In a .env file, KEY=\"value\""
                            + " is fine: the quotes are removed there."));
        } else if (key.regionMatches(true, 0, "Bearer ", 0, 7)) {
            problems.add(new SettingsProblem(setting.variable(), Secrets.mask(key), "starts with 'Bearer '.",
                    "set only the key; the client adds 'Bearer ' itself."));
        } else if (key.chars().anyMatch(Character::isWhitespace)) {
            problems.add(new SettingsProblem(setting.variable(), Secrets.mask(key), "contains whitespace.",
                    "copy the key again, without spaces or line breaks."));
        }
    }

    /**
     * Gateway detection: api.openai.com -> openai; api.portkey.ai, or any Portkey setting on the base URL's origin ->
     * portkey; a host containing "litellm", or any LiteLLM setting on the base URL's origin -> litellm; else generic.
     */
    static GatewayKind detect(String url, String baseUrl, PortkeySettings portkey, LiteLlmSettings litellm) {
        String host = UrlRules.host(url);
        if (host.equals("api.openai.com")) {
            return GatewayKind.OPENAI;
        }
        boolean baseOrigin = RouteSettings.originOf(url).equals(RouteSettings.originOf(baseUrl));
        if (host.equals(PORTKEY_CLOUD_HOST) || (portkey.anySet() && baseOrigin)) {
            return GatewayKind.PORTKEY;
        }
        if (host.contains("litellm") || (litellm.anySet() && baseOrigin)) {
            return GatewayKind.LITELLM;
        }
        return GatewayKind.GENERIC;
    }

    /** Whether {@code PORTKEY_*} settings are meant for {@code url}: the base URL's origin or Portkey's cloud. */
    private static boolean portkeyOrigin(String url, String baseUrl) {
        return UrlRules.host(url).equals(PORTKEY_CLOUD_HOST)
                || RouteSettings.originOf(url).equals(RouteSettings.originOf(baseUrl));
    }

    // ---- failover --------------------------------------------------------------------------------------------

    /** The global failover values; {@code enabled} is {@code OPENAI_FAILOVER_ENABLED}. */
    private FailoverSettings failover() {
        FailoverSettings.Builder b = FailoverSettings.builder()
                .enabled(bool(Setting.FAILOVER_ENABLED).orElse(false));
        find(Setting.FAILOVER_BASE_URL).ifPresent(url -> {
            String normalised = RouteSettings.normaliseUrl(url.value());
            UrlRules.check(Setting.FAILOVER_BASE_URL, url.value(),
                    detect(normalised, normalised, PortkeySettings.none(), LiteLlmSettings.none()))
                    .ifPresent(problems::add);
            b.baseUrl(normalised);
        });
        find(Setting.FAILOVER_API_KEY).ifPresent(key -> b.apiKey(key.value()));
        integer(Setting.FAILOVER_FAILURE_THRESHOLD).ifPresent(b::failureThreshold);
        duration(Setting.FAILOVER_COOL_DOWN).ifPresent(b::coolDown);
        return b.build();
    }

    /** The route with failover attached when it is on for the role (role switch over the global one). */
    private RouteSettings withFailover(RouteSettings route, FailoverSettings failover) {
        boolean on = bool(Setting.roleFailoverEnabled(route.role())).orElse(failover.enabled());
        return on ? route.toBuilder().failover(failover.toBuilder().enabled(true).build()).build() : route;
    }

    /**
     * The key rule for failover: the failover origin has its own key, which is required, and it must be another
     * origin than the proxy's, or the failover key would be sent to the proxy (and failing over could not help).
     */
    private void checkFailover(Map<Role, RouteSettings> routes, FailoverSettings failover) {
        List<Role> on = routes.values().stream().filter(r -> r.failover().isPresent()).map(RouteSettings::role)
                .toList();
        if (on.isEmpty()) {
            return;
        }
        String origin = failover.origin();
        String roles = on.stream().map(Role::name).collect(Collectors.joining(", "));
        if (failover.apiKey().isEmpty()) {
            problems.add(new SettingsProblem(Setting.FAILOVER_API_KEY.variable(), "", "failover is on for " + roles
                    + " but there is no key for the failover origin " + origin + "; the proxy's key is never sent"
                    + " there.", "set " + Setting.FAILOVER_API_KEY.variable() + " (" + Setting.FAILOVER_API_KEY
                    .property() + ") to the provider key for " + origin + ", or turn failover off with "
                    + Setting.FAILOVER_ENABLED.variable() + "=false."));
        } else if (failover.baseUrl().toLowerCase(Locale.ROOT).startsWith("http://")
                && !UrlRules.isLoopback(failover.baseUrl())) {
            warnings.add(new SettingsWarning(Setting.FAILOVER_BASE_URL.variable(), "failover sends "
                    + failover.apiKey().get().masked() + " over plain http:// to " + origin
                    + "; anyone on the network can read it. Use https://."));
        }
        List<Role> sameOrigin = on.stream().filter(role -> routes.get(role).origin().equals(origin)).toList();
        if (!sameOrigin.isEmpty()) {
            Role first = sameOrigin.get(0);
            problems.add(new SettingsProblem(Setting.FAILOVER_BASE_URL.variable(),
                    Setting.FAILOVER_BASE_URL.display(failover.baseUrl()),
                    "is the origin " + origin + " that " + sameOrigin.stream().map(Role::name)
                            .collect(Collectors.joining(", ")) + " already call"
                            + (sameOrigin.size() == 1 ? "s" : "") + "; failing over to it cannot help and would send"
                            + " the failover key to the proxy.",
                    "point it at the provider itself (e.g. " + GatewaySettings.DEFAULT_BASE_URL + "), or turn"
                            + " failover off for that role (" + Setting.roleFailoverEnabled(first).variable()
                            + "=false)."));
        }
    }

    private boolean authNone(Role role) {
        Optional<Found> auth = find(Setting.roleAuth(role));
        if (auth.isEmpty()) {
            return false;
        }
        String v = auth.get().value().toLowerCase(Locale.ROOT);
        if (v.equals("none")) {
            return true;
        }
        if (!v.equals("bearer")) {
            problems.add(new SettingsProblem(auth.get().setting().variable(), auth.get().value(),
                    "is not an auth mode.", "use bearer (send the key) or none (send no Authorization header)."));
        }
        return false;
    }

    // ---- global settings -------------------------------------------------------------------------------------

    private Optional<GatewayKind> gateway() {
        Optional<Found> found = find(Setting.GATEWAY);
        if (found.isEmpty() || found.get().value().equalsIgnoreCase("auto")) {
            return Optional.empty();
        }
        Optional<GatewayKind> kind = GatewayKind.fromId(found.get().value());
        if (kind.isEmpty()) {
            problems.add(new SettingsProblem(Setting.GATEWAY.variable(), found.get().value(),
                    "is not a gateway kind.", "use auto, openai, litellm, portkey or generic."));
        }
        return kind;
    }

    private PortkeySettings portkey() {
        String key = text(Setting.PORTKEY_API_KEY);
        PortkeySettings p = PortkeySettings.of(key, text(Setting.PORTKEY_CONFIG), text(Setting.PORTKEY_PROVIDER),
                map(Setting.PORTKEY_METADATA));
        return p.anySet() ? p : PortkeySettings.none();
    }

    private LiteLlmSettings litellm() {
        LiteLlmSettings l = LiteLlmSettings.of(find(Setting.LITELLM_TAGS).map(f -> SettingValues.parseList(f.value()))
                .orElse(List.of()), text(Setting.LITELLM_END_USER_ID));
        return l.anySet() ? l : LiteLlmSettings.none();
    }

    /** {@code OPENAI_POOL_KEEP_ALIVE}, {@code OPENAI_MAX_RETRY_AFTER}, {@code OPENAI_MAX_RESPONSE_BYTES}. */
    private TransportLimits limits() {
        Duration keepAlive = duration(Setting.POOL_KEEP_ALIVE).orElse(TransportLimits.DEFAULT_POOL_KEEP_ALIVE);
        if (keepAlive.isZero() || keepAlive.isNegative()) {
            problems.add(new SettingsProblem(Setting.POOL_KEEP_ALIVE.variable(), text(Setting.POOL_KEEP_ALIVE),
                    "must be positive.", "use a duration below the gateway's idle timeout, such as 4s."));
            keepAlive = TransportLimits.DEFAULT_POOL_KEEP_ALIVE;
        }
        Duration maxRetryAfter = duration(Setting.MAX_RETRY_AFTER).orElse(TransportLimits.DEFAULT_MAX_RETRY_AFTER);
        if (maxRetryAfter.isNegative()) {
            problems.add(new SettingsProblem(Setting.MAX_RETRY_AFTER.variable(), text(Setting.MAX_RETRY_AFTER),
                    "must not be negative.", "use a duration such as 60s, or 0s to never wait for retry-after."));
            maxRetryAfter = TransportLimits.DEFAULT_MAX_RETRY_AFTER;
        }
        long maxBytes = TransportLimits.DEFAULT_MAX_RESPONSE_BYTES;
        Optional<Found> size = find(Setting.MAX_RESPONSE_BYTES);
        if (size.isPresent()) {
            try {
                maxBytes = SettingValues.parseSize(size.get().value());
            } catch (IllegalArgumentException e) {
                maxBytes = 0;
            }
            if (maxBytes <= 0) {
                problems.add(new SettingsProblem(Setting.MAX_RESPONSE_BYTES.variable(), size.get().value(),
                        "is not a positive size.", "use a number of bytes or a unit: 1048576, 512KB, 64MB, 1GB."));
                maxBytes = TransportLimits.DEFAULT_MAX_RESPONSE_BYTES;
            }
        }
        return new TransportLimits(keepAlive, maxRetryAfter, maxBytes);
    }

    private ProxySettings proxy() {
        String host = text(Setting.PROXY_HOST);
        Optional<Integer> port = integer(Setting.PROXY_PORT);
        if (host == null) {
            return null;
        }
        ProxySettings proxy = ProxySettings.of(host, port.orElse(8080));
        String user = text(Setting.PROXY_USERNAME);
        return user == null ? proxy : proxy.withCredentials(user, text(Setting.PROXY_PASSWORD));
    }

    /**
     * The value when the setting's structural check accepts it; otherwise each problem is recorded, naming the
     * variable and showing the layer's value as the setting displays it, and the value is dropped.
     */
    private <T> Optional<T> checked(Setting setting, String raw, T value) {
        List<String> found = setting.check().problems(value);
        found.forEach(problem -> problems.add(new SettingsProblem(setting.variable(), setting.display(raw),
                problem + ".", fixFor(setting))));
        return found.isEmpty() ? Optional.of(value) : Optional.empty();
    }

    private static String fixFor(Setting setting) {
        return setting.check().fix().orElseGet(() -> switch (setting.type()) {
            case DURATION -> "use a positive duration such as 30s, 500ms, 2m or PT30S.";
            case INTEGER -> "use a whole number.";
            case MAP -> "write name=value,name2=value2.";
            default -> "correct the value.";
        });
    }

    // ---- lookup and parsing ----------------------------------------------------------------------------------

    /** The highest layer's value; blank or whitespace-only counts as unset at every layer. */
    private Optional<Found> find(Setting setting) {
        List<SettingsSource> list = layers.list();
        for (int position = 0; position < list.size(); position++) {
            SettingsSource source = list.get(position);
            String value = SettingValues.normalise(source.get(setting).orElse(null));
            if (value != null) {
                Found found = new Found(value, setting, source.name(), position);
                valueSources.putIfAbsent(setting.variable(), found.source());
                return Optional.of(found);
            }
        }
        return Optional.empty();
    }

    private String text(Setting setting) {
        return find(setting).map(Found::value).orElse(null);
    }

    /** The highest layer with a non-empty map wins as a whole (layers do not merge entry by entry). */
    private Map<String, String> map(Setting setting) {
        for (SettingsSource source : layers.list()) {
            try {
                Map<String, String> map = source.getMap(setting);
                if (!map.isEmpty()) {
                    valueSources.putIfAbsent(setting.variable(), new ValueSource(setting.variable(), source.name()));
                    return checked(setting, source.get(setting).orElse(""), map).orElse(Map.of());
                }
            } catch (IllegalArgumentException e) {
                // The message names the entry by position or header name only; values (often keys) stay masked.
                problems.add(new SettingsProblem(setting.variable(), setting.display(source.get(setting).orElse("")),
                        e.getMessage() + ".", "write name=value,name2=value2."));
                return Map.of();
            }
        }
        return Map.of();
    }

    private Optional<Duration> duration(Setting setting) {
        Optional<Found> found = find(setting);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Duration parsed;
        try {
            parsed = SettingValues.parseDuration(found.get().value());
        } catch (IllegalArgumentException e) {
            problems.add(new SettingsProblem(setting.variable(), found.get().value(), "is not a duration.",
                    "use a unit: 30s, 500ms, 2m, 1h, or ISO-8601 such as PT30S."));
            return Optional.empty();
        }
        return checked(setting, found.get().value(), parsed);
    }

    private Optional<Boolean> bool(Setting setting) {
        Optional<Found> found = find(setting);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        String v = found.get().value().toLowerCase(Locale.ROOT);
        if (v.equals("true") || v.equals("false")) {
            return Optional.of(v.equals("true"));
        }
        problems.add(new SettingsProblem(setting.variable(), found.get().value(), "is not true or false.",
                "use true or false."));
        return Optional.empty();
    }

    private Optional<Integer> integer(Setting setting) {
        Optional<Found> found = find(setting);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        int parsed;
        try {
            parsed = Integer.parseInt(found.get().value());
        } catch (NumberFormatException e) {
            problems.add(new SettingsProblem(setting.variable(), found.get().value(), "is not a whole number.",
                    fixFor(setting)));
            return Optional.empty();
        }
        return checked(setting, found.get().value(), parsed);
    }
}
