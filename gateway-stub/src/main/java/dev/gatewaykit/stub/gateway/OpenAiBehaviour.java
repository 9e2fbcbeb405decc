package dev.gatewaykit.stub.gateway;

import dev.gatewaykit.stub.StubMode;
import dev.gatewaykit.stub.http.Route;
import dev.gatewaykit.stub.http.StubError;
import dev.gatewaykit.stub.http.StubRequest;
import dev.gatewaykit.stub.keys.Caller;
import dev.gatewaykit.stub.keys.KeyCheck;
import dev.gatewaykit.stub.keys.KeyMask;
import dev.gatewaykit.stub.keys.KeyRegistry;
import dev.gatewaykit.stub.keys.PriceList;

import java.util.EnumSet;
import java.util.Set;

/** The OpenAI API itself: Bearer keys, OpenAI error bodies, {@code x-request-id}. */
public final class OpenAiBehaviour implements GatewayBehaviour {

    private static final Set<Route> ROUTES = EnumSet.of(Route.MODELS, Route.MODEL, Route.CHAT_COMPLETIONS, Route.RESPONSE, Route.RESPONSE_DELETE, Route.RESPONSE_INPUT_ITEMS,
            Route.EMBEDDINGS, Route.RESPONSES, Route.COMPLETIONS);

    private final String masterKey;
    private final KeyRegistry keys;
    private final PriceList prices;

    /** Checks keys against {@code masterKey} and {@code keys} when either is configured. */
    public OpenAiBehaviour(String masterKey, KeyRegistry keys, PriceList prices) {
        this.masterKey = masterKey;
        this.keys = keys;
        this.prices = prices;
    }

    @Override
    public StubMode mode() {
        return StubMode.OPENAI;
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
        KeyCheck check = KeyCheck.of(request.presentedKey(), masterKey, keys);
        return switch (check.outcome()) {
            case OPEN, MASTER, VIRTUAL -> check.caller();
            case MISSING, MALFORMED -> throw new StubError(StubError.Kind.AUTHENTICATION, 401, "invalid_request_error",
                    null, null, "You didn't provide an API key. You need to provide your API key in an Authorization "
                    + "header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).");
            case UNKNOWN, EXPIRED -> throw new StubError(StubError.Kind.AUTHENTICATION, 401, "invalid_request_error",
                    null, "invalid_api_key", "Incorrect API key provided: " + KeyMask.mask(request.presentedKey().key())
                    + ". You can find your API key at https://platform.openai.com/account/api-keys.");
        };
    }

    @Override
    public void authorizeModel(StubRequest request, Caller caller, String model) {
        KeyRegistry.Entry entry = caller.entry();
        if (entry == null) {
            return;
        }
        if (!entry.key().allows(model)) {
            throw new StubError(StubError.Kind.MODEL_NOT_ALLOWED, 404, "invalid_request_error", "model",
                    "model_not_found", "The model `" + model + "` does not exist or you do not have access to it.")
                    .subject(model);
        }
        if (entry.key().maxBudget().map(b -> entry.spend() >= b).orElse(false)) {
            throw new StubError(StubError.Kind.BUDGET_EXCEEDED, 429, "insufficient_quota", null, "insufficient_quota",
                    "You exceeded your current quota, please check your plan and billing details.");
        }
    }

    @Override
    public void addCommonHeaders(StubRequest request) {
        request.responseHeaders().set("x-request-id", Ids.withPrefix("req_"));
    }

    @Override
    public void onModelCall(StubRequest request, Caller caller, String model, long promptTokens, long completionTokens) {
        if (caller.entry() != null) {
            caller.entry().charge(prices.of(model).cost(promptTokens, completionTokens));
        }
        request.responseHeaders().set("openai-processing-ms", "1");
    }

    @Override
    public RenderedError render(StubError error) {
        return new RenderedError(error.status(),
                OpenAiErrors.body(error.getMessage(), error.type(), error.param(), error.code()));
    }
}
