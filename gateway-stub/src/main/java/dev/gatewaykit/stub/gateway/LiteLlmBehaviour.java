package dev.gatewaykit.stub.gateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaykit.stub.LiteLlmVersion;
import dev.gatewaykit.stub.StubMode;
import dev.gatewaykit.stub.http.Json;
import dev.gatewaykit.stub.http.Route;
import dev.gatewaykit.stub.http.StubError;
import dev.gatewaykit.stub.http.StubRequest;
import dev.gatewaykit.stub.keys.Caller;
import dev.gatewaykit.stub.keys.KeyAdminEndpoints;
import dev.gatewaykit.stub.keys.KeyCheck;
import dev.gatewaykit.stub.keys.KeyMask;
import dev.gatewaykit.stub.keys.KeyRegistry;
import dev.gatewaykit.stub.keys.PriceList;
import dev.gatewaykit.stub.keys.RateWindow;
import dev.gatewaykit.stub.keys.VirtualKey;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * LiteLLM proxy: virtual keys with allowlists, budgets, rate limits and blocking, master-key administration,
 * {@code x-litellm-*} headers and LiteLLM's error bodies, where {@code code} is the status as a string
 * ({@code ProxyException} in {@code proxy/_types.py}). Wording and statuses follow the configured
 * {@link LiteLlmVersion}.
 */
public final class LiteLlmBehaviour implements GatewayBehaviour {

    /** Version reported in {@code x-litellm-version} by the default (newer) line. */
    public static final String VERSION = LiteLlmVersion.V1_75.reported();

    private static final Set<Route> ROUTES = EnumSet.complementOf(EnumSet.of(Route.ROOT));
    private static final DateTimeFormatter RESET_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final String masterKey;
    private final KeyRegistry keys;
    private final PriceList prices;
    private final LiteLlmVersion version;

    /** A LiteLLM proxy with these keys, prices and release line. */
    public LiteLlmBehaviour(String masterKey, KeyRegistry keys, PriceList prices, LiteLlmVersion version) {
        this.masterKey = masterKey;
        this.keys = keys;
        this.prices = prices;
        this.version = version;
    }

    @Override
    public StubMode mode() {
        return StubMode.LITELLM;
    }

    @Override
    public boolean requiresV1() {
        return false;
    }

    @Override
    public boolean serves(Route route) {
        return ROUTES.contains(route);
    }

    @Override
    public Caller authenticate(StubRequest request, Route route) {
        if (route.probe()) {
            return Caller.ANONYMOUS;
        }
        String presented = request.presentedKey().key();
        KeyCheck check = KeyCheck.of(request.presentedKey(), masterKey, keys);
        // Messages: proxy/auth/user_api_key_auth.py, wrapped as "Authentication Error, …" by its exception handler.
        Caller caller = switch (check.outcome()) {
            case OPEN, MASTER -> check.caller();
            case VIRTUAL -> {
                if (check.entry().key().blocked()) {
                    throw authError("Authentication Error, Key is blocked. Update via `/key/unblock` if you're an admin.");
                }
                yield check.caller();
            }
            case MISSING -> throw authError("Authentication Error, No api key passed in.");
            case MALFORMED -> throw authError("Authentication Error, Malformed API Key passed in. Ensure Key has "
                    + "`Bearer ` prefix. Passed in: " + KeyMask.mask(presented));
            case UNKNOWN -> {
                if (version.newer() && !presented.startsWith("sk-")) {
                    throw authError("Authentication Error, LiteLLM Virtual Key expected. Received="
                            + KeyMask.mask(presented) + ", expected to start with 'sk-'.");
                }
                throw authError("Authentication Error, Invalid proxy server token passed. Received API Key = "
                        + KeyMask.mask(presented) + ", Key Hash (Token) =" + tokenHash(presented)
                        + ". Unable to find token in cache or `LiteLLM_VerificationTokenTable`");
            }
            case EXPIRED -> {
                String message = "Authentication Error - Expired Key. Key Expiry time "
                        + check.entry().key().expires().orElseThrow() + " and current time " + Instant.now();
                int status = version.expiredKey();
                // Older lines sent the key itself as param; newer ones mask it (the stub masks known keys anyway).
                throw new StubError(StubError.Kind.AUTHENTICATION, status, version.newer() ? "expired_key" : "auth_error",
                        version.newer() ? KeyMask.mask(presented) : presented, String.valueOf(status), message);
            }
        };
        if (route.keyAdmin() && masterKey != null && !caller.master()
                && !(route == Route.KEY_INFO && caller.entry() != null)) {
            throw authError("Authentication Error, only proxy admin can be used to generate, delete, update info "
                    + "for new keys/users/teams. Route=" + route.path());
        }
        return caller;
    }

    private static StubError authError(String message) {
        return new StubError(StubError.Kind.AUTHENTICATION, 401, "auth_error", "None", "401", message);
    }

    private static String tokenHash(String key) {
        return Ids.stableHex(key);
    }

    @Override
    public void authorizeModel(StubRequest request, Caller caller, String model) {
        KeyRegistry.Entry entry = caller.entry();
        if (entry == null) {
            return;
        }
        VirtualKey key = entry.key();
        if (!key.allows(model)) {
            String allowed = key.models().stream().map(m -> "'" + m + "'").collect(Collectors.joining(", "));
            int status = version.modelNotAllowed();
            // proxy/auth/auth_checks.py (can_key_call_model); the newer line words it for the caller.
            String message = version.newer()
                    ? "The requested model '" + model + "' is not available for this API key. This key can only "
                    + "access models=[" + allowed + "]."
                    : "key not allowed to access model. This key can only access models=[" + allowed
                    + "]. Tried to access " + model;
            throw new StubError(StubError.Kind.MODEL_NOT_ALLOWED, status, "key_model_access_denied", "model",
                    String.valueOf(status), message).subject(model);
        }
        Double budget = key.maxBudget().orElse(null);
        if (budget != null && entry.spend() >= budget) {
            int status = version.budgetExceeded();
            throw new StubError(StubError.Kind.BUDGET_EXCEEDED, status, "budget_exceeded", null, String.valueOf(status),
                    "Budget has been exceeded! Current cost: " + PythonFloat.format(entry.spend()) + ", Max budget: "
                    + PythonFloat.format(budget));
        }
        RateWindow.Verdict verdict = entry.rates().admit(key, model);
        if (!verdict.admitted()) {
            throw rateLimited(entry, model, verdict);
        }
    }

    /** The 429 of {@code proxy/hooks/parallel_request_limiter_v3.py}, as the proxy turns its HTTPException into a ProxyException. */
    private static StubError rateLimited(KeyRegistry.Entry entry, String model, RateWindow.Verdict verdict) {
        String value = "api_key".equals(verdict.over()) ? tokenHash(entry.key().key())
                : tokenHash(entry.key().key()) + ":" + model;
        String resetAt = RESET_AT.format(Instant.ofEpochSecond(verdict.windowStartedAt() + RateWindow.WINDOW_SECONDS));
        String message = "Rate limit exceeded for " + verdict.over() + ": " + value + ". Limit type: "
                + verdict.limitType() + ". Current limit: " + verdict.limit() + ", Remaining: 0. Limit resets at: "
                + resetAt;
        return new StubError(StubError.Kind.RATE_LIMITED, 429, "None", "None", "429", message)
                .header("retry-after", String.valueOf(RateWindow.WINDOW_SECONDS))
                .header("rate_limit_type", verdict.limitType())
                .header("reset_at", resetAt);
    }

    @Override
    public void addCommonHeaders(StubRequest request) {
        request.responseHeaders().set("x-litellm-call-id", Ids.uuid());
        request.responseHeaders().set("x-litellm-version", version.reported());
    }

    /**
     * Success headers as {@code ProxyBaseLLMRequestProcessing.get_custom_headers} builds them
     * ({@code proxy/common_request_processing.py}): every value {@code str()}-ed, {@code None} ones left out; key
     * rate-limit headers from {@code async_post_call_success_hook} of {@code parallel_request_limiter_v3.py} and
     * {@code get_remaining_tokens_and_requests_from_request_data} ({@code proxy/common_utils/callback_utils.py}).
     */
    @Override
    public void onModelCall(StubRequest request, Caller caller, String model, long promptTokens, long completionTokens) {
        double cost = prices.of(model).cost(promptTokens, completionTokens);
        KeyRegistry.Entry entry = caller.entry();
        double spendBefore = entry == null ? 0.0 : entry.spend();
        var h = request.responseHeaders();
        h.set("x-litellm-model-id", Ids.stableUuid(model));
        h.set("x-litellm-model-api-base", "https://api.openai.com");
        h.set("x-litellm-response-cost", PythonFloat.format(cost));
        // 1.60 read the key's spend at auth time; newer lines add this call's cost (updated_spend).
        h.set("x-litellm-key-spend", PythonFloat.format(version.newer() && cost > 0 ? spendBefore + cost : spendBefore));
        double millis = request.elapsedMillis();
        h.set("x-litellm-response-duration-ms", PythonFloat.format(Math.max(millis, 0.001)));
        h.set("x-litellm-overhead-duration-ms", PythonFloat.format(Math.max(millis / 10, 0.001)));
        if (entry == null) {
            return;
        }
        VirtualKey key = entry.key();
        key.tpmLimit().ifPresent(v -> h.set("x-litellm-key-tpm-limit", String.valueOf(v)));
        key.rpmLimit().ifPresent(v -> h.set("x-litellm-key-rpm-limit", String.valueOf(v)));
        key.maxBudget().ifPresent(b -> h.set("x-litellm-key-max-budget", PythonFloat.format(b)));
        RateWindow.Counts counts = entry.rates().keyCounts();
        key.rpmLimit().ifPresent(limit -> {
            h.set("x-ratelimit-api_key-remaining-requests", String.valueOf(Math.max(0, limit - counts.requests())));
            h.set("x-ratelimit-api_key-limit-requests", String.valueOf(limit));
        });
        key.tpmLimit().ifPresent(limit -> {
            h.set("x-ratelimit-api_key-remaining-tokens", String.valueOf(Math.max(0, limit - counts.tokens())));
            h.set("x-ratelimit-api_key-limit-tokens", String.valueOf(limit));
        });
        // h11 refuses "/" and ":" in header names, so LiteLLM replaces them with "-".
        String group = model == null ? "" : model.replace('/', '-').replace(':', '-');
        RateWindow.Counts modelCounts = entry.rates().modelCounts(model);
        remaining(h, "x-litellm-key-remaining-requests-" + group, key.modelRpmLimit(), model, modelCounts.requests());
        remaining(h, "x-litellm-key-remaining-tokens-" + group, key.modelTpmLimit(), model, modelCounts.tokens());
        entry.charge(cost);
        entry.rates().addTokens(model, promptTokens + completionTokens);
    }

    private static void remaining(com.sun.net.httpserver.Headers h, String name, Map<String, Long> limits, String model,
                                  long used) {
        Long limit = model == null ? null : limits.get(model);
        if (limit != null && limit - used > 0) { // "if remaining_requests:" leaves out a falsy 0
            h.set(name, String.valueOf(limit - used));
        }
    }

    @Override
    public RenderedError render(StubError error) {
        return render(null, error);
    }

    @Override
    public RenderedError render(StubRequest request, StubError error) {
        if (error.kind() == StubError.Kind.NOT_FOUND || error.kind() == StubError.Kind.METHOD_NOT_ALLOWED) {
            // FastAPI/Starlette answer unrouted paths and methods before any LiteLLM code runs.
            ObjectNode detail = Json.object();
            detail.put("detail", error.kind() == StubError.Kind.NOT_FOUND ? "Not Found" : "Method Not Allowed");
            return new RenderedError(error.status(), detail);
        }
        if (KeyAdminEndpoints.FASTAPI_VALIDATION.equals(error.type())) {
            // FastAPI's RequestValidationError for the endpoint's pydantic body (e.g. BlockKeyRequest.key).
            ObjectNode root = Json.object();
            ObjectNode item = root.putArray("detail").addObject();
            item.put("type", error.code());
            item.putArray("loc").add("body").add(error.param());
            item.put("msg", error.getMessage());
            item.putNull("input");
            return new RenderedError(422, root);
        }
        int status = error.status();
        String message = error.getMessage();
        String type = error.type();
        String param = error.param();
        if (error.kind() == StubError.Kind.UNKNOWN_MODEL) {
            // proxy/route_llm_request.py raises HTTPException(400, detail={"error": f"{route_name}: Invalid model
            // name passed in model=…"}); str() of that dict is the message. The 1.60 line had no route prefix.
            status = 400;
            String prefix = version.newer() && request != null ? routeName(request.rawPath()) + ": " : "";
            message = "{'error': '" + prefix + "Invalid model name passed in model=" + error.subject()
                    + ". Call `/v1/models` to view available models for your key.'}";
            param = "model";
        }
        return new RenderedError(status, OpenAiErrors.body(message, type, param, String.valueOf(status)));
    }

    private static String routeName(String rawPath) {
        return rawPath.startsWith("/v1/") ? rawPath.substring(3) : rawPath;
    }
}
