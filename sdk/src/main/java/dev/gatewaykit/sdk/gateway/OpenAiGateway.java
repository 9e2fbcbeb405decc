package dev.gatewaykit.sdk.gateway;

import dev.gatewaykit.sdk.GatewayKind;
import dev.gatewaykit.sdk.settings.RouteSettings;

import java.util.List;
import java.util.Optional;

/** OpenAI itself: health is the model listing, errors are OpenAI's own. */
public final class OpenAiGateway implements Gateway {

    static final OpenAiGateway INSTANCE = new OpenAiGateway();

    private OpenAiGateway() {
    }

    @Override
    public GatewayKind kind() {
        return GatewayKind.OPENAI;
    }

    @Override
    public String healthUrl(RouteSettings route) {
        return route.baseUrl() + "/models";
    }

    @Override
    public List<String> requestIdHeaders() {
        return List.of("x-request-id");
    }

    @Override
    public Optional<Diagnosis> diagnose(GatewayFailure failure, RouteSettings route) {
        if (failure.status().orElse(0) == 401) {
            return Optional.of(Diagnosis.hintOnly("OpenAI rejected the key " + route.apiKey().map(Object::toString).orElse("(none)")
                    + ": check it at https://platform.openai.com/api-keys. A LiteLLM or Portkey virtual key does"
                    + " not work against api.openai.com; point the base URL at the proxy instead."));
        }
        return Optional.empty();
    }
}
