package dev.gatewaykit.sdk.client;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.embeddings.EmbeddingCreateParams;
import com.openai.models.responses.ResponseCreateParams;
import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.settings.GatewaySettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.gatewaykit.sdk.testing.Fixtures.openAiEndpoints;
import static dev.gatewaykit.sdk.testing.Fixtures.settings;
import static dev.gatewaykit.sdk.testing.TestLayers.fakeKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Over real HTTP: the role's model and the route's model map decide the {@code model} the gateway receives. */
class ModelOnTheWireTest {

    @RegisterExtension
    static WireMockExtension gateway = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @BeforeEach
    void stubs() {
        for (var mapping : openAiEndpoints()) {
            gateway.stubFor(mapping);
        }
    }

    @Test
    void configuredRoleModelReachesTheWireThroughModelOfRole() {
        GatewaySettings settings = settings(Map.of("OPENAI_BASE_URL", gateway.baseUrl() + "/v1", "OPENAI_API_KEY",
                fakeKey(), "OPENAI_LLM_MODEL", "@openai-prod/gpt-4o-mini"));

        try (GatewayClients clients = GatewayClients.create(settings)) {
            clients.llm().chat().completions().create(ChatCompletionCreateParams.builder()
                    .model(clients.model(Role.LLM)).addUserMessage("hi").build());

            assertThat(clients.model(Role.CODEX, "gpt-5-codex")).isEqualTo("gpt-5-codex");
            assertThatThrownBy(() -> clients.model(Role.CODEX)).hasMessageContaining("OPENAI_CODEX_MODEL");
        }
        gateway.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withRequestBody(matchingJsonPath("$.model", equalTo("@openai-prod/gpt-4o-mini"))));
    }

    @Test
    void modelMapRewritesPlainOpenAiNamesToTheGatewaysNamesPerRoute() {
        GatewaySettings settings = settings(Map.of("OPENAI_BASE_URL", gateway.baseUrl() + "/v1", "OPENAI_API_KEY",
                fakeKey(), "OPENAI_LLM_MODEL_MAP", "gpt-4o-mini=@openai-prod/gpt-4o-mini",
                "OPENAI_CODEX_MODEL_MAP", "*=openai/*", "OPENAI_EMBEDDINGS_MODEL_MAP",
                "text-embedding-*=@azure-eu/text-embedding-*"));

        try (GatewayClients clients = GatewayClients.create(settings)) {
            clients.llm().chat().completions().create(ChatCompletionCreateParams.builder().model("gpt-4o-mini")
                    .addUserMessage("hi").build());
            clients.codex().responses().create(ResponseCreateParams.builder().model("gpt-5-codex")
                    .input("fizzbuzz").build());
            clients.embeddings().embeddings().create(EmbeddingCreateParams.builder()
                    .model("text-embedding-3-small").input("hello").build());
        }
        gateway.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withRequestBody(matchingJsonPath("$.model", equalTo("@openai-prod/gpt-4o-mini")))
                .withRequestBody(matchingJsonPath("$.messages[0].content", equalTo("hi"))));
        gateway.verify(postRequestedFor(urlEqualTo("/v1/responses"))
                .withRequestBody(matchingJsonPath("$.model", equalTo("openai/gpt-5-codex"))));
        gateway.verify(postRequestedFor(urlEqualTo("/v1/embeddings"))
                .withRequestBody(matchingJsonPath("$.model", equalTo("@azure-eu/text-embedding-3-small")))
                .withRequestBody(matchingJsonPath("$.encoding_format", equalTo("float"))));
    }
}
