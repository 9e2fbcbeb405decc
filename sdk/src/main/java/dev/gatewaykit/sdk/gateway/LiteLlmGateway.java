package dev.gatewaykit.sdk.gateway;

import dev.gatewaykit.sdk.GatewayKind;
import dev.gatewaykit.sdk.settings.RouteSettings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A LiteLLM proxy: attribution via {@code x-litellm-end-user-id} and {@code x-litellm-tags}; health via
 * {@code GET /health/liveliness} at the origin root (never {@code /health}, which calls every model for real).
 * Errors are read from LiteLLM's {@code ProxyException} body ({@code litellm/proxy/_types.py}): {@code error.type}
 * ({@code ProxyErrorTypes}), {@code error.code} (the status as a string) and the HTTP status.
 */
public final class LiteLlmGateway implements Gateway {

    static final LiteLlmGateway INSTANCE = new LiteLlmGateway();

    private static final Set<String> BUDGET = Set.of("budget_exceeded");
    private static final Set<String> MODEL_DENIED = Set.of("key_model_access_denied", "team_model_access_denied",
            "user_model_access_denied", "org_model_access_denied", "project_model_access_denied");
    /** {@code ProxyErrorTypes} of a valid key refused an action (a model refusal has its own types above). */
    private static final Set<String> PERMISSION_TYPES = Set.of("team_member_permission_error");
    private static final String VIRTUAL_KEY_PREFIX = "sk-";
    /** Header of the v3 rate limiter's 429: {@code tokens}, {@code requests} or {@code max_parallel_requests}. */
    private static final String RATE_LIMIT_TYPE_HEADER = "rate_limit_type";
    /** Management route prefixes ({@code LiteLLMRoutes.management_routes} in {@code litellm/proxy/_types.py}). */
    private static final List<String> ADMIN_PREFIXES = List.of("/key/", "/user/", "/team/", "/organization/",
            "/model/", "/customer/", "/end_user/", "/global/", "/spend/", "/budget/", "/config/");

    private LiteLlmGateway() {
    }

    @Override
    public GatewayKind kind() {
        return GatewayKind.LITELLM;
    }

    @Override
    public Map<String, String> attributionHeaders(GatewayRequestContext context) {
        Map<String, String> headers = new LinkedHashMap<>();
        context.user().ifPresent(user -> headers.put("x-litellm-end-user-id", user));
        if (!context.tags().isEmpty()) {
            headers.put("x-litellm-tags", String.join(",", context.tags()));
        }
        return headers;
    }

    @Override
    public String healthUrl(RouteSettings route) {
        return route.origin() + "/health/liveliness";
    }

    @Override
    public boolean healthNeedsCredentials() {
        return false;
    }

    /**
     * {@code GET <base>/models}: keyed, answered from the proxy's model list without calling a model, and served
     * with and without {@code /v1}. Never {@code /health}, which calls every model.
     */
    @Override
    public Optional<String> keyCheckUrl(RouteSettings route) {
        return Optional.of(route.baseUrl() + "/models");
    }

    @Override
    public List<String> requestIdHeaders() {
        return List.of("x-litellm-call-id");
    }

    /**
     * LiteLLM's answers, read from their types, codes and statuses (the proxy's source file named per branch). Its
     * messages change between releases and are never read, except for the two old signals that carry nothing
     * else (see {@link #recognise}).
     */
    @Override
    public Optional<Diagnosis> diagnose(GatewayFailure failure, RouteSettings route) {
        Optional<Diagnosis> recognised = recognise(failure, route);
        if (recognised.flatMap(Diagnosis::hint).isPresent()) {
            return recognised;
        }
        int status = failure.status().orElse(0);
        if (status == 429) {
            // proxy/hooks/parallel_request_limiter_v3.py: HTTPException 429 with retry-after and rate_limit_type
            return Optional.of(Diagnosis.of(FailureCause.RATE_LIMITED, rateLimited(failure, route)));
        }
        if (status == 403 && recognised.flatMap(Diagnosis::cause).filter(c -> c != FailureCause.KEY_REJECTED)
                .isEmpty()) {
            // A 403 refuses a valid key a route it may not use (proxy/auth/route_checks.py admin-only routes raise
            // HTTPException 403, answered as auth_error; management routes, team permissions); a 403 about a
            // model carries *_model_access_denied and was recognised above.
            return Optional.of(Diagnosis.of(FailureCause.PERMISSION_DENIED, permissionDenied(route)));
        }
        if (recognised.isEmpty() && status != 401) {
            return Optional.empty();
        }
        if (route.apiKey().isEmpty()) {
            return Optional.of(Diagnosis.causeOnly(FailureCause.KEY_REJECTED));
        }
        FailureCause cause = recognised.flatMap(Diagnosis::cause).orElse(FailureCause.KEY_REJECTED);
        if (cause == FailureCause.KEY_REJECTED && !route.apiKey().get().reveal().startsWith(VIRTUAL_KEY_PREFIX)) {
            // proxy/auth/user_api_key_auth.py: "LiteLLM Virtual Key expected ..." is a plain 401 auth_error; the
            // key this route sent is what tells it apart.
            cause = FailureCause.KEY_MALFORMED;
        } else if (cause == FailureCause.KEY_REJECTED
                && failure.requestPath().filter(LiteLlmGateway::isAdminRoute).isPresent()) {
            // proxy/auth/route_checks.py: "Only proxy admin can be used ..." is a plain 401 auth_error too. Unknown
            // keys are refused before the route check (token_not_found_in_db in newer releases), so a well-formed
            // key refused on an admin route is most often a key without the admin role.
            cause = FailureCause.PERMISSION_DENIED;
        }
        return Optional.of(Diagnosis.of(cause, keyHint(cause, route)));
    }

    /**
     * What only LiteLLM answers, whatever kind the route was detected as: its {@code ProxyErrorTypes}
     * ({@code litellm/proxy/_types.py}), and the two signals of releases that carry no type of their own
     * (documented where they are read).
     */
    static Optional<Diagnosis> recognise(GatewayFailure failure, RouteSettings route) {
        String type = lower(failure.type());
        String code = lower(failure.code());
        int status = failure.status().orElse(0);
        if (BUDGET.contains(type) || BUDGET.contains(code)) {
            return Optional.of(Diagnosis.of(FailureCause.BUDGET_EXCEEDED, budgetSpent(route)));
        }
        if (MODEL_DENIED.contains(type) || MODEL_DENIED.contains(code)) {
            return Optional.of(Diagnosis.of(FailureCause.MODEL_NOT_ALLOWED, modelNotAllowed(route)));
        }
        // The oldest releases raise "model not allowed" as a plain 401 auth_error: type and code are those of a bad
        // key, so the frozen message of those releases is the only signal left.
        if (status == 401 && failure.message().toLowerCase(Locale.ROOT).contains("not allowed to access model")) {
            return Optional.of(Diagnosis.of(FailureCause.MODEL_NOT_ALLOWED, modelNotAllowed(route)));
        }
        if (PERMISSION_TYPES.contains(type)) {
            return Optional.of(Diagnosis.causeOnly(FailureCause.PERMISSION_DENIED));
        }
        if ("expired_key".equals(type)) {
            return Optional.of(Diagnosis.causeOnly(FailureCause.KEY_EXPIRED));
        }
        if ("token_not_found_in_db".equals(type)) {
            return Optional.of(Diagnosis.causeOnly(FailureCause.KEY_UNKNOWN));
        }
        if ("auth_error".equals(type)) {
            return Optional.of(Diagnosis.causeOnly(FailureCause.KEY_REJECTED));
        }
        // The provider SDK inside LiteLLM raises this when the proxy has no provider key; it carries no error type
        // of its own, so its (stable, OpenAI Python SDK) text is matched here.
        if (status >= 500 && failure.message().contains("api_key client option must be set")) {
            return Optional.of(Diagnosis.of(FailureCause.PROVIDER_NOT_CONFIGURED, providerKeyMissing(route)));
        }
        return Optional.empty();
    }

    /** Whether {@code path} is one of LiteLLM's management routes (registered bare, without {@code /v1}). */
    static boolean isAdminRoute(String path) {
        return ADMIN_PREFIXES.stream().anyMatch(path::startsWith);
    }

    private static String keyHint(FailureCause cause, RouteSettings route) {
        String key = key(route);
        String from = " (from " + RouteProvenance.key(route) + ")";
        String admin = " using the proxy's master key";
        String origin = route.origin();
        return switch (cause) {
            case KEY_UNKNOWN -> "LiteLLM does not know the virtual key " + key + from + ": it was deleted, or"
                    + " belongs to another proxy. Create one with POST " + origin + "/key/generate" + admin
                    + ", and set it where the key came from.";
            case KEY_EXPIRED -> "The virtual key " + key + from + " has expired. Extend it with POST " + origin
                    + "/key/update {\"key\": \"...\", \"duration\": \"30d\"}" + admin + ", or create a new one"
                    + " with POST /key/generate.";
            case KEY_MALFORMED -> "LiteLLM expects a virtual key starting with " + VIRTUAL_KEY_PREFIX + ", and " + key
                    + from + " is not one (a provider's own key, or another gateway's?). Create a virtual key with"
                    + " POST " + origin + "/key/generate" + admin + ".";
            case PERMISSION_DENIED -> permissionDenied(route);
            default -> "LiteLLM rejected the virtual key " + key + from + ": it is unknown, blocked or expired."
                    + " Check it with GET " + origin + "/key/info?key=..." + admin + ": a blocked key is unblocked"
                    + " with POST /key/unblock {\"key\": \"...\"}, an expired one extended with POST /key/update"
                    + " {\"key\": \"...\", \"duration\": \"30d\"}; else create one with POST /key/generate. A raw"
                    + " provider key is not a virtual key.";
        };
    }

    private static String permissionDenied(RouteSettings route) {
        return "The key " + key(route) + " was refused for this route, not for being wrong: LiteLLM's admin routes"
                + " (/key/*, /user/*, /team/*, /model/*, spend reports) need the proxy's master key or a key of a"
                + " proxy_admin user, and a team permission may be missing. Call admin routes with the master key;"
                + " virtual keys are for the OpenAI routes.";
    }

    private static String rateLimited(GatewayFailure failure, RouteSettings route) {
        String update = "with POST " + route.origin() + "/key/update {\"key\": \"...\", \"";
        String tail = "\": ...} using the proxy's master key (or the team's or user's limit, whichever was hit).";
        return switch (failure.header(RATE_LIMIT_TYPE_HEADER).orElse("").toLowerCase(Locale.ROOT)) {
            case "tokens" -> "LiteLLM's tokens-per-minute limit is reached: send fewer tokens per minute, or raise"
                    + " tpm_limit " + update + "tpm_limit" + tail;
            case "requests" -> "LiteLLM's requests-per-minute limit is reached: lower the request rate, or raise"
                    + " rpm_limit " + update + "rpm_limit" + tail;
            case "max_parallel_requests" -> "LiteLLM's parallel-request limit is reached: lower concurrency, or"
                    + " raise max_parallel_requests " + update + "max_parallel_requests" + tail;
            default -> "a LiteLLM rate limit is reached: lower concurrency, or raise the key's tpm_limit or"
                    + " rpm_limit " + update + "tpm_limit" + tail;
        };
    }

    private static String modelNotAllowed(RouteSettings route) {
        return "The key " + key(route) + " is valid but may not use " + route.model().map(m -> "model " + m)
                .orElse("this model") + ". Add the model (or a wildcard such as openai/*) to the key's allowed"
                + " models (LiteLLM: POST /key/update or the UI), or call a model the key allows.";
    }

    private static String budgetSpent(RouteSettings route) {
        return "The budget of the key " + key(route) + " (or of its team or user) is spent. Raise max_budget"
                + " (LiteLLM: POST /key/update) or wait for budget_duration to reset it.";
    }

    private static String providerKeyMissing(RouteSettings route) {
        // OPENAI_API_KEY here is the proxy's own variable for its provider, not one of this product's settings.
        return "The proxy has no provider key for this model: set the provider's key (e.g. OPENAI_API_KEY) in the"
                + " proxy's own environment (its .env or docker-compose.yml) and restart it. This application's"
                + " key " + key(route) + " is the proxy's virtual key and is not passed on to the provider.";
    }

    private static String key(RouteSettings route) {
        return route.apiKey().map(Object::toString).orElse("(none)");
    }

    private static String lower(Optional<String> value) {
        return value.orElse("").toLowerCase(Locale.ROOT);
    }
}
