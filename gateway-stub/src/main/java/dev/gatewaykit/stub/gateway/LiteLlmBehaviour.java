package dev.gatewaykit.stub.gateway;

import dev.gatewaykit.stub.LiteLlmStatuses;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaykit.stub.StubMode;
import dev.gatewaykit.stub.http.Json;
import dev.gatewaykit.stub.http.Route;
import dev.gatewaykit.stub.http.StubError;
import dev.gatewaykit.stub.http.StubRequest;
import dev.gatewaykit.stub.keys.Caller;
import dev.gatewaykit.stub.keys.KeyCheck;
import dev.gatewaykit.stub.keys.KeyMask;
import dev.gatewaykit.stub.keys.KeyRegistry;
import dev.gatewaykit.stub.keys.PriceList;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * LiteLLM proxy: virtual keys with allowlists and budgets, master-key administration, {@code x-litellm-*}
 * headers and LiteLLM's error bodies, where {@code code} is the status as a string (GATEWAY-FACTS).
 */
public final class LiteLlmBehaviour implements GatewayBehaviour {

    /** Version reported in {@code x-litellm-version}. */
    public static final String VERSION = "1.75.0";

    private static final Set<Route> ROUTES = EnumSet.complementOf(EnumSet.of(Route.ROOT));

    private final String masterKey;
    private final KeyRegistry keys;
    private final PriceList prices;
    private final LiteLlmStatuses statuses;

    /** A LiteLLM proxy with these keys, prices and error statuses. */
    public LiteLlmBehaviour(String masterKey, KeyRegistry keys, PriceList prices, LiteLlmStatuses statuses) {
        this.masterKey = masterKey;
        this.keys = keys;
        this.prices = prices;
        this.statuses = statuses;
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
        Caller caller = switch (check.outcome()) {
            case OPEN, MASTER, VIRTUAL -> check.caller();
            case MISSING -> throw authError("Authentication Error, No api key passed in.");
            case MALFORMED -> throw authError("Authentication Error, Malformed API Key passed in. Ensure Key has "
                    + "`Bearer ` prefix. Passed in: " + KeyMask.mask(presented));
            case UNKNOWN -> throw authError("Authentication Error, Invalid proxy server token passed. Received API Key = "
                    + KeyMask.mask(presented) + ", Key Hash (Token) =" + tokenHash(presented)
                    + ". Unable to find token in cache or `LiteLLM_VerificationTokenTable`");
            case EXPIRED -> throw new StubError(StubError.Kind.AUTHENTICATION, 401, "expired_key", "None", "401",
                    "Authentication Error - Expired Key. Key Expiry time " + check.entry().key().expires().orElseThrow()
                    + " and current time " + Instant.now());
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
        if (!entry.key().allows(model)) {
            String allowed = entry.key().models().stream().map(m -> "'" + m + "'").collect(Collectors.joining(", "));
            int status = statuses.modelNotAllowed();
            throw new StubError(StubError.Kind.MODEL_NOT_ALLOWED, status, "key_model_access_denied", "model",
                    String.valueOf(status), "key not allowed to access model. This key can only access models=["
                    + allowed + "]. Tried to access " + model).subject(model);
        }
        Double budget = entry.key().maxBudget().orElse(null);
        if (budget != null && entry.spend() >= budget) {
            int status = statuses.budgetExceeded();
            throw new StubError(StubError.Kind.BUDGET_EXCEEDED, status, "budget_exceeded", null, String.valueOf(status),
                    "Budget has been exceeded! Current cost: " + plain(entry.spend()) + ", Max budget: " + plain(budget));
        }
    }

    @Override
    public void addCommonHeaders(StubRequest request) {
        request.responseHeaders().set("x-litellm-call-id", Ids.uuid());
        request.responseHeaders().set("x-litellm-version", VERSION);
    }

    @Override
    public void onModelCall(StubRequest request, Caller caller, String model, long promptTokens, long completionTokens) {
        double cost = prices.of(model).cost(promptTokens, completionTokens);
        // LiteLLM reports the key's spend as read at auth time, before this call is added.
        double spendBefore = caller.entry() == null ? 0.0 : caller.entry().spend();
        if (caller.entry() != null) {
            caller.entry().charge(cost);
        }
        var h = request.responseHeaders();
        h.set("x-litellm-response-cost", plain(cost));
        h.set("x-litellm-key-spend", plain(spendBefore));
        h.set("x-litellm-model-id", Ids.stableUuid(model));
        h.set("x-litellm-model-api-base", "https://api.openai.com");
        if (caller.entry() != null) {
            caller.entry().key().maxBudget().ifPresent(b ->
                    h.set("x-litellm-key-max-budget", plain(b)));
        }
    }

    @Override
    public RenderedError render(StubError error) {
        if (error.kind() == StubError.Kind.NOT_FOUND || error.kind() == StubError.Kind.METHOD_NOT_ALLOWED) {
            // FastAPI/Starlette answer unrouted paths and methods before any LiteLLM code runs.
            ObjectNode detail = Json.object();
            detail.put("detail", error.kind() == StubError.Kind.NOT_FOUND ? "Not Found" : "Method Not Allowed");
            return new RenderedError(error.status(), detail);
        }
        int status = error.status();
        String message = error.getMessage();
        String type = error.type();
        String param = error.param();
        if (error.kind() == StubError.Kind.UNKNOWN_MODEL) {
            // LiteLLM answers 400 and nests the router's message as a dict literal (GATEWAY-FACTS).
            status = 400;
            message = "{'error': 'Invalid model name passed in model=" + error.subject()
                    + ". Call `/v1/models` to view available models for your key.'}";
            param = "model";
        }
        return new RenderedError(status, OpenAiErrors.body(message, type, param, String.valueOf(status)));
    }

    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
