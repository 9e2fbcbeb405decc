package dev.gatewaykit.sdk.gateway;

import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.settings.GatewaySettingsException;
import dev.gatewaykit.sdk.client.GatewayClients;
import dev.gatewaykit.sdk.errors.GatewayError;
import dev.gatewaykit.sdk.errors.GatewayErrorKind;
import dev.gatewaykit.stub.GatewayStub;
import dev.gatewaykit.stub.StubMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.gatewaykit.sdk.testing.Fixtures.chat;
import static dev.gatewaykit.sdk.testing.Fixtures.settings;
import static dev.gatewaykit.sdk.testing.TestLayers.fakeKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Against the stub's self-hosted Portkey gateway: a route without the provider header is refused by the gateway's
 * validator, the hint gives the self-hosted forms that work, and the empty trace id it echoes is no request id.
 */
class SelfHostedPortkeyStubTest {

    private GatewayStub stub;

    @BeforeEach
    void startGateway() {
        stub = GatewayStub.builder().mode(StubMode.PORTKEY_OSS).port(0).start();
    }

    @AfterEach
    void stopGateway() {
        stub.close();
    }

    @Test
    void aRouteWithoutProviderIsRefusedAtStartupWithTheSelfHostedForms() {
        String key = fakeKey();
        Throwable failure = catchThrowable(() -> settings(Map.of("OPENAI_BASE_URL", stub.baseUrl(),
                "OPENAI_API_KEY", key, "OPENAI_GATEWAY", "portkey", "OPENAI_MAX_RETRIES", "0")));

        assertThat(failure).isInstanceOf(GatewaySettingsException.class)
                .hasMessageContaining("PORTKEY_PROVIDER")
                .hasMessageContaining("x-portkey-provider header is required")
                .hasMessageContaining("PORTKEY_PRODUCT=cloud");
        assertThat(failure.getMessage()).doesNotContain(key);
    }

    @Test
    void aProviderTheGatewayDoesNotKnowGetsItsRefusalExplainedAndNoEmptyRequestId() {
        String key = fakeKey();
        try (GatewayClients clients = GatewayClients.create(settings(Map.of("OPENAI_BASE_URL", stub.baseUrl(),
                "OPENAI_API_KEY", key, "OPENAI_GATEWAY", "portkey", "PORTKEY_PROVIDER", "not-a-provider",
                "OPENAI_MAX_RETRIES", "0")))) {
            Throwable failure = catchThrowable(() -> chat(clients.llm()));
            GatewayError error = clients.explain(Role.LLM, failure);

            assertThat(error.kind()).as(error.describe()).isEqualTo(GatewayErrorKind.BAD_REQUEST);
            assertThat(error.message()).contains("Invalid provider passed");
            assertThat(error.hint()).contains("Portkey itself refused", "x-portkey-provider");
            assertThat(error.requestId()).isEmpty();
            assertThat(error.describe()).doesNotContain(key);
        }
    }

    @Test
    void withTheProviderHeaderTheSameRouteWorks() {
        try (GatewayClients clients = GatewayClients.create(settings(Map.of("OPENAI_BASE_URL", stub.baseUrl(),
                "OPENAI_API_KEY", fakeKey(), "OPENAI_GATEWAY", "portkey", "PORTKEY_PROVIDER", "openai",
                "OPENAI_MAX_RETRIES", "0")))) {
            assertThat(chat(clients.llm()).choices()).isNotEmpty();
        }
    }
}
