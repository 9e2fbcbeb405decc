package dev.gatewaykit.sdk.gateway;

import dev.gatewaykit.sdk.GatewayKind;
import dev.gatewaykit.sdk.settings.RouteSettings;

import java.util.List;

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
}
