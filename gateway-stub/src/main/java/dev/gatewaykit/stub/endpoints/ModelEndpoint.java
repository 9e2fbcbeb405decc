package dev.gatewaykit.stub.endpoints;

import java.io.IOException;

/** One model endpoint: validates its body, then answers as JSON or as an event stream. */
public interface ModelEndpoint {

    /** Validates the body and sends the reply. */
    void serve(ModelCall call) throws IOException;
}
