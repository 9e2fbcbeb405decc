package dev.gatewaykit.sdk.settings;

import dev.gatewaykit.sdk.gateway.GatewayKind;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** DESIGN's URL rules: what a base URL must look like, with the fix for each mistake. */
final class UrlRules {

    private static final List<String> ENDPOINTS =
            List.of("/chat/completions", "/embeddings", "/responses", "/completions", "/models");

    private UrlRules() {
    }

    /** The first problem with {@code url} used as the base URL of a {@code gateway} route, if any. */
    static Optional<SettingsProblem> check(Setting variable, String url, GatewayKind gateway) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return problem(variable, url, "is not a URL.", "write it like https://host[:port]/v1.");
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https"))) {
            return problem(variable, url, "must start with http:// or https://.",
                    "write it like https://host[:port]/v1 (a bare host:port is not enough).");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return problem(variable, url, "has no host.", "write it like " + scheme + "://host[:port]/v1.");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return problem(variable, url, "must not have a query or fragment.",
                    "use " + RouteSettings.normaliseUrl(stripQuery(url)) + ".");
        }
        String path = uri.getPath() == null ? "" : RouteSettings.normaliseUrl(uri.getPath());
        for (String endpoint : ENDPOINTS) {
            if (path.toLowerCase(Locale.ROOT).endsWith(endpoint)) {
                String fixed = RouteSettings.normaliseUrl(url);
                fixed = fixed.substring(0, fixed.length() - endpoint.length());
                return problem(variable, url, "ends with the endpoint path " + endpoint
                        + "; the client appends endpoint paths itself.", "use " + fixed + ".");
            }
        }
        if (path.contains("/v1/v1")) {
            return problem(variable, url, "contains /v1 twice.",
                    "use " + RouteSettings.normaliseUrl(url).replace("/v1/v1", "/v1") + ".");
        }
        if ((gateway == GatewayKind.OPENAI || gateway == GatewayKind.PORTKEY) && !path.endsWith("/v1")) {
            return problem(variable, url, (gateway == GatewayKind.OPENAI ? "OpenAI" : "Portkey")
                            + " serves its API under /v1; without it every call answers 404.",
                    "use " + RouteSettings.normaliseUrl(url) + "/v1.");
        }
        return Optional.empty();
    }

    static boolean isLoopback(String url) {
        try {
            String host = new URI(url).getHost();
            if (host == null) {
                return false;
            }
            String h = host.toLowerCase(Locale.ROOT);
            return h.equals("localhost") || h.startsWith("127.") || h.equals("[::1]") || h.equals("::1");
        } catch (URISyntaxException e) {
            return false;
        }
    }

    static String host(String url) {
        try {
            String host = new URI(url).getHost();
            return host == null ? "" : host.toLowerCase(Locale.ROOT);
        } catch (URISyntaxException e) {
            return "";
        }
    }

    private static String stripQuery(String url) {
        int cut = url.length();
        int q = url.indexOf('?');
        int f = url.indexOf('#');
        if (q >= 0) {
            cut = Math.min(cut, q);
        }
        if (f >= 0) {
            cut = Math.min(cut, f);
        }
        return url.substring(0, cut);
    }

    private static Optional<SettingsProblem> problem(Setting variable, String value, String message, String fix) {
        return Optional.of(new SettingsProblem(variable.variable(), variable.display(value), message, fix));
    }
}
