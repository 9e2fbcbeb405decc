package dev.gatewaykit.sample.gateway;

import java.util.function.Supplier;

import com.openai.errors.OpenAIException;
import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.client.GatewayClients;
import dev.gatewaykit.sdk.errors.GatewayException;

import org.springframework.stereotype.Component;

/**
 * Runs a call on a role's client and turns openai-java failures into a {@link GatewayException} that says what
 * went wrong on which route and what to do about it.
 */
@Component
public class GatewayCalls {

    private final GatewayClients clients;

    public GatewayCalls(GatewayClients clients) {
        this.clients = clients;
    }

    /**
     * Runs {@code call}, explaining a failure.
     * @param <T> the result type
     * @param role the role whose client {@code call} uses
     * @param call the call
     * @return its result
     * @throws GatewayException when the call fails
     */
    public <T> T call(Role role, Supplier<T> call) {
        try {
            return call.get();
        }
        catch (OpenAIException ex) {
            throw explain(role, ex);
        }
    }

    /**
     * Explains a failure of a call on {@code role}.
     * @param role the role
     * @param failure the failure
     * @return the exception to throw or report
     */
    public GatewayException explain(Role role, Throwable failure) {
        if (failure instanceof GatewayException explained) {
            return explained;
        }
        return new GatewayException(this.clients.explain(role, failure), failure);
    }

}
