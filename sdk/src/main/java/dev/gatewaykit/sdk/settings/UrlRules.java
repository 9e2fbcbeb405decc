package dev.gatewaykit.sdk.settings;

import dev.gatewaykit.sdk.GatewayKind;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The URL rules of docs/configuration.md ("Validation"): what a base URL must look like, with the fix for each
 * mistake.
 */
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
        if (uri.getRawUserInfo() != null) {
            return problem(variable, url, "contains credentials (user:password@); they would be sent to the server"
                            + " and shown wherever the URL is logged.",
                    "remove credentials from the URL (use " + display(RouteSettings.normaliseUrl(withoutUserInfo(url)))
                            + ") and put the key into " + variable.variable().replace("BASE_URL", "API_KEY") + ".");
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

    /** {@code url} for display: user info and query values masked, even when the URL does not parse. */
    static String display(String url) {
        if (url == null) {
            return null;
        }
        String shown = url;
        int at = userInfoEnd(shown);
        if (at >= 0) {
            shown = shown.substring(0, authorityStart(shown)) + "****" + shown.substring(at);
        }
        int q = shown.indexOf('?');
        if (q < 0) {
            return shown;
        }
        int f = shown.indexOf('#', q);
        String query = f < 0 ? shown.substring(q + 1) : shown.substring(q + 1, f);
        StringBuilder masked = new StringBuilder();
        for (String param : query.split("&", -1)) {
            if (masked.length() > 0) {
                masked.append('&');
            }
            int eq = param.indexOf('=');
            masked.append(param.isEmpty() ? "" : eq >= 0 ? param.substring(0, eq) + "=****" : "****");
        }
        return shown.substring(0, q + 1) + masked + (f < 0 ? "" : shown.substring(f));
    }

    private static String withoutUserInfo(String url) {
        int at = userInfoEnd(url);
        return at < 0 ? url : url.substring(0, authorityStart(url)) + url.substring(at + 1);
    }

    private static int authorityStart(String url) {
        int scheme = url.indexOf("://");
        return scheme < 0 ? 0 : scheme + 3;
    }

    /** The index of the '@' ending the user info, or -1. */
    private static int userInfoEnd(String url) {
        int start = authorityStart(url);
        int end = url.length();
        for (char c : new char[] {'/', '?', '#'}) {
            int i = url.indexOf(c, start);
            if (i >= 0) {
                end = Math.min(end, i);
            }
        }
        return url.lastIndexOf('@', end - 1) >= start ? url.lastIndexOf('@', end - 1) : -1;
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
