package dev.gatewaykit.stub.gateway;

import dev.gatewaykit.stub.StubMode;
import dev.gatewaykit.stub.http.Route;
import dev.gatewaykit.stub.http.StubError;
import dev.gatewaykit.stub.http.StubRequest;
import dev.gatewaykit.stub.keys.Caller;

/**
 * Everything that differs between OpenAI, LiteLLM and Portkey: which paths exist, how callers are checked,
 * which headers are added, and how errors look. One implementation per mode.
 */
public interface GatewayBehaviour {

    /** The mode this behaviour implements. */
    StubMode mode();

    /** Whether paths must start with {@code /v1}. */
    boolean requiresV1();

    /** Whether the route exists in this gateway. */
    boolean serves(Route route);

    /**
     * Checks a gateway makes from the request line and headers alone, after routing and body framing, before the
     * body is parsed or any fault applies (the self-hosted Portkey gateway's request validator). Default: none.
     */
    default void precheck(StubRequest request, Route route) {
    }

    /** Checks the caller's credentials (before the body is validated). */
    Caller authenticate(StubRequest request, Route route);

    /** Checks that the caller may use {@code model} (allowlist, budget, routing headers). */
    void authorizeModel(StubRequest request, Caller caller, String model);

    /** The model name the provider behind the gateway sees. */
    default String upstreamModel(String model) {
        return model;
    }

    /** Adds headers every reply from this gateway carries, errors included. */
    void addCommonHeaders(StubRequest request);

    /** Adds per-call headers and records spend for a successful model call. */
    void onModelCall(StubRequest request, Caller caller, String model, long promptTokens, long completionTokens);

    /** Renders an error in this gateway's shape and status. */
    RenderedError render(StubError error);

    /** Renders an error for {@code request} (modes that word errors after the request's headers override this). */
    default RenderedError render(StubRequest request, StubError error) {
        return render(error);
    }
}
