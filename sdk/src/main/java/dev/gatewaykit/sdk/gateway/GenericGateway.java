package dev.gatewaykit.sdk.gateway;

import dev.gatewaykit.sdk.GatewayKind;
import dev.gatewaykit.sdk.settings.RouteSettings;

import java.util.List;
import java.util.Optional;

/** Any OpenAI-compatible server (vLLM, Ollama, LocalAI, ...): only the OpenAI API is assumed. */
public final class GenericGateway implements Gateway {

    static final GenericGateway INSTANCE = new GenericGateway();

    private GenericGateway() {
    }

    @Override
    public GatewayKind kind() {
        return GatewayKind.GENERIC;
    }

    @Override
    public String healthUrl(RouteSettings route) {
        return route.baseUrl() + "/models";
    }

    @Override
    public List<String> requestIdHeaders() {
        return List.of("x-request-id", "x-litellm-call-id", "x-portkey-trace-id");
    }

    @Override
    public String probeCommand(RouteSettings route) {
        return LiteLlmGateway.INSTANCE.probeCommand(route) + " (LiteLLM) or " + "curl " + healthUrl(route);
    }

    /**
     * A generic route is often a LiteLLM proxy that detection did not recognise: LiteLLM's own error types are
     * unambiguous, so they are read here too.
     */
    @Override
    public Optional<Diagnosis> diagnose(GatewayFailure failure, RouteSettings route) {
        return LiteLlmGateway.recognise(failure, route);
    }
}
