package dev.gatewaykit.sample.e2e;

import dev.gatewaykit.stub.GatewayStub;
import dev.gatewaykit.stub.StubMode;
import dev.gatewaykit.stub.keys.VirtualKey;

/** The gateway stubs the end-to-end tests put in front of the app, each started on a free port. */
final class E2EStubs {

    private E2EStubs() {
    }

    /** A LiteLLM proxy knowing one virtual key that may call {@code models} (none given: every model). */
    static GatewayStub liteLlm(String virtualKey, String... models) {
        return GatewayStub.builder()
            .mode(StubMode.LITELLM)
            .port(0)
            .virtualKey(VirtualKey.builder(virtualKey).models(models).build())
            .start();
    }

    /** A Portkey gateway expecting {@code apiKey} in {@code x-portkey-api-key}. */
    static GatewayStub portkey(String apiKey) {
        return GatewayStub.builder().mode(StubMode.PORTKEY).port(0).masterKey(apiKey).start();
    }

}
