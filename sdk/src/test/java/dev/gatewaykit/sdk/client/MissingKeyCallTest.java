package dev.gatewaykit.sdk.client;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.errors.GatewayErrorKind;
import dev.gatewaykit.sdk.errors.GatewayException;
import dev.gatewaykit.sdk.settings.GatewaySettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.gatewaykit.sdk.testing.Fixtures.chat;
import static dev.gatewaykit.sdk.testing.Fixtures.codex;
import static dev.gatewaykit.sdk.testing.Fixtures.embed;
import static dev.gatewaykit.sdk.testing.Fixtures.openAiEndpoints;
import static dev.gatewaykit.sdk.testing.Fixtures.settings;
import static dev.gatewaykit.sdk.testing.TestLayers.fakeKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Over real HTTP: a route without a key fails its first call at once, sending nothing; the keyed route works. */
class MissingKeyCallTest {

    @RegisterExtension
    static WireMockExtension publicProxy = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort()).build();
    @RegisterExtension
    static WireMockExtension internalProxy = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort()).build();

    private final String internalKey = fakeKey();

    @BeforeEach
    void stubs() {
        for (var mapping : openAiEndpoints()) {
            publicProxy.stubFor(mapping);
            internalProxy.stubFor(mapping);
        }
    }

    @Test
    void callOnARouteWithoutAKeyFailsAtOnceWithoutTouchingTheNetwork() {
        GatewaySettings settings = settings(Map.of("OPENAI_BASE_URL", publicProxy.baseUrl(),
                "OPENAI_INTERNAL_BASE_URL", internalProxy.baseUrl(), "OPENAI_INTERNAL_API_KEY", internalKey));

        try (GatewayClients clients = GatewayClients.create(settings)) {
            embed(clients.embeddings());
            Throwable llm = catchThrowable(() -> chat(clients.llm()));
            Throwable code = catchThrowable(() -> codex(clients.codex()));

            for (Throwable failure : new Throwable[] {llm, code}) {
                assertThat(failure).isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.error().kind()).isEqualTo(GatewayErrorKind.NOT_CONFIGURED);
                    assertThat(e.getMessage()).contains("OPENAI_API_KEY").contains("set OPENAI_API_KEY");
                });
            }
            assertThat(clients.explain(Role.LLM, llm).kind()).isEqualTo(GatewayErrorKind.NOT_CONFIGURED);
            assertThat(clients.explain(Role.LLM, llm).hint()).contains("OPENAI_REQUIRE_KEYS=true");
        }
        publicProxy.verify(0, anyRequestedFor(anyUrl()));
        internalProxy.verify(postRequestedFor(urlEqualTo("/embeddings"))
                .withHeader("Authorization", equalTo("Bearer " + internalKey)));
    }
}
