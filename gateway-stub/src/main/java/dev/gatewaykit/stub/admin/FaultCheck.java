package dev.gatewaykit.stub.admin;

import dev.gatewaykit.stub.http.HeaderSyntax;
import dev.gatewaykit.stub.scripting.Fault;

/** What a fault must satisfy before it is installed, so that applying it later can never fail. */
public final class FaultCheck {

    private FaultCheck() {
    }

    /**
     * Checks a fault's status (a final response, 200..599) and headers (RFC 9110 names, no control characters,
     * no framing headers).
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static Fault requireValid(Fault fault) {
        fault.status().ifPresent(status -> {
            if (status < 200 || status > 599) {
                throw new IllegalArgumentException("fault status must be a final status within 200..599, got "
                        + status);
            }
        });
        fault.headers().forEach(HeaderSyntax::requireValid);
        return fault;
    }
}
