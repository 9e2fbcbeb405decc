package dev.gatewaykit.sdk.client;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.errors.GatewayError;
import dev.gatewaykit.sdk.errors.GatewayErrorKind;
import dev.gatewaykit.sdk.settings.GatewaySettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.gatewaykit.sdk.testing.Fixtures.CHAT_JSON;
import static dev.gatewaykit.sdk.testing.Fixtures.chat;
import static dev.gatewaykit.sdk.testing.Fixtures.settings;
import static dev.gatewaykit.sdk.testing.TestLayers.fakeKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A gateway that redirects to another origin never gets a key sent there: not {@code Authorization}, not Portkey's
 * {@code x-portkey-api-key}, not a key in a configured header. Same-origin redirects are followed as before.
 */
class CrossOriginRedirectTest {

    @RegisterExtension
    static WireMockExtension gateway = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @RegisterExtension
    static WireMockExtension elsewhere = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort())
            .build();

    private final String providerKey = fakeKey();
    private final String portkeyKey = "pk-" + fakeKey().substring(3);
    private final String headerToken = "tok" + fakeKey().substring(3);
    private final String litellmKey = fakeKey();

    @BeforeEach
    void everyOriginAnswersChat() {
        elsewhere.stubFor(any(urlPathEqualTo("/v1/chat/completions")).willReturn(okJson(CHAT_JSON)));
        gateway.stubFor(any(urlPathEqualTo("/v1/moved/chat/completions")).willReturn(okJson(CHAT_JSON)));
    }

    private GatewaySettings portkeyWithKeyHeaders() {
        return settings(Map.of("OPENAI_BASE_URL", gateway.baseUrl() + "/v1", "OPENAI_API_KEY", providerKey,
                "OPENAI_GATEWAY", "portkey", "PORTKEY_PRODUCT", "cloud", "PORTKEY_API_KEY", portkeyKey,
                "OPENAI_MAX_RETRIES", "2",
                "OPENAI_HEADERS", "x-team-token=" + headerToken + ",x-litellm-api-key=" + litellmKey
                        + ",api-key=" + providerKey));
    }

    private List<String> secrets() {
        return List.of(providerKey, portkeyKey, headerToken, litellmKey);
    }

    @ParameterizedTest(name = "HTTP {0} to another origin")
    @ValueSource(ints = {301, 302, 307, 308})
    void redirectToAnotherOriginIsRefusedAndTheOtherOriginSeesNothing(int status) {
        String target = elsewhere.baseUrl() + "/v1/chat/completions";
        gateway.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
                .willReturn(aResponse().withStatus(status).withHeader("Location", target)));

        try (GatewayClients clients = GatewayClients.create(portkeyWithKeyHeaders())) {
            Throwable failure = catchThrowable(() -> chat(clients.llm()));

            assertThat(failure).as("the call must fail").isNotNull();
            assertThat(elsewhere.getAllServeEvents()).as("requests that reached the other origin").isEmpty();
            GatewayError error = clients.explain(Role.LLM, failure);
            assertThat(error.kind()).isEqualTo(GatewayErrorKind.REDIRECT_REFUSED);
            assertThat(error.status()).hasValue(status);
            assertThat(error.message()).contains(elsewhere.baseUrl());
            assertThat(error.hint()).contains(elsewhere.baseUrl(), "OPENAI_BASE_URL");
            // Refused is final: retrying a refused redirect cannot succeed.
            assertThat(gateway.getAllServeEvents()).hasSize(1);
            for (String secret : secrets()) {
                assertThat(failure.getMessage()).doesNotContain(secret);
                assertThat(error.describe()).doesNotContain(secret);
            }
        }
    }

    @ParameterizedTest(name = "HTTP {0} within the origin")
    @ValueSource(ints = {301, 302, 307, 308})
    void redirectWithinTheOriginIsFollowedWithItsKeys(int status) {
        gateway.stubFor(post(urlPathEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(status)
                .withHeader("Location", "/v1/moved/chat/completions")));

        try (GatewayClients clients = GatewayClients.create(portkeyWithKeyHeaders())) {
            assertThat(chat(clients.llm()).id()).isEqualTo("chatcmpl-test");
        }

        List<ServeEvent> served = gateway.getAllServeEvents();
        assertThat(served).hasSize(2);
        ServeEvent followed = served.stream()
                .filter(e -> e.getRequest().getUrl().equals("/v1/moved/chat/completions")).findFirst().orElseThrow();
        assertThat(followed.getRequest().getHeader("x-portkey-api-key")).isEqualTo(portkeyKey);
        assertThat(followed.getRequest().getHeader("x-team-token")).isEqualTo(headerToken);
    }
}
