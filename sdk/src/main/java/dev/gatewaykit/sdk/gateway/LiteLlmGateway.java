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
            "user_model_access_denied", "org_model_access_denied");
    private static final Set<String> KEY_TYPES = Set.of("auth_error", "expired_key", "token_not_found_in_db");

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

    @Override
    public List<String> requestIdHeaders() {
        return List.of("x-litellm-call-id");
    }

    @Override
    public Optional<Diagnosis> diagnose(GatewayFailure failure, RouteSettings route) {
        Optional<Diagnosis> recognised = recognise(failure, route);
        if (recognised.flatMap(Diagnosis::hint).isPresent()) {
            return recognised;
        }
        int status = failure.status().orElse(0);
        if (recognised.isPresent() || status == 401 || status == 403) {
            return Optional.of(new Diagnosis(recognised.flatMap(Diagnosis::cause), Optional.of(keyRejected(route))));
        }
        return Optional.empty();
    }

    /**
     * What only LiteLLM answers, whatever kind the route was detected as: its {@code ProxyErrorTypes}, and the
     * two signals of releases that carry no type of their own (documented where they are read).
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
        if (KEY_TYPES.contains(type) || KEY_TYPES.contains(code)) {
            return Optional.of(Diagnosis.causeOnly(FailureCause.KEY_REJECTED));
        }
        // The provider SDK inside LiteLLM raises this when the proxy has no provider key; it carries no error type
        // of its own, so its (stable, OpenAI Python SDK) text is matched here.
        if (status >= 500 && failure.message().contains("api_key client option must be set")) {
            return Optional.of(Diagnosis.of(FailureCause.PROVIDER_NOT_CONFIGURED, providerKeyMissing(route)));
        }
        return Optional.empty();
    }

    private static String keyRejected(RouteSettings route) {
        return "LiteLLM rejected the virtual key " + key(route) + " (from " + RouteProvenance.key(route)
                + "): it is wrong, expired or blocked. Check it with GET " + route.origin()
                + "/key/info?key=... using the master key, or create a new one with POST /key/generate."
                + " A raw provider key is not a virtual key.";
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
