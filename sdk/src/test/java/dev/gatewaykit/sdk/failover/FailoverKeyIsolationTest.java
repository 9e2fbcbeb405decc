package dev.gatewaykit.sdk.failover;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.client.GatewayClients;
import dev.gatewaykit.sdk.gateway.GatewayRequestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.gatewaykit.sdk.testing.Fixtures.CHAT_JSON;
import static dev.gatewaykit.sdk.testing.Fixtures.jsonError;
import static dev.gatewaykit.sdk.testing.Fixtures.settings;
import static dev.gatewaykit.sdk.testing.TestLayers.fakeKey;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The key rule under failover, checked on the raw requests WireMock received: the proxy's key and every gateway
 * header stay with the proxy, the failover key goes only to the failover origin.
 */
class FailoverKeyIsolationTest {

    @RegisterExtension
    static WireMockExtension proxy = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();
    @RegisterExtension
    static WireMockExtension direct = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final String proxyKey = fakeKey();
    private final String failoverKey = fakeKey();
    private final String proxyHeaderSecret = "test-proxy-header-secret-" + fakeKey();

    @Test
    void proxyCredentialsAndGatewayHeadersNeverReachTheFailoverOrigin() {
        proxy.stubFor(any(anyUrl()).willReturn(jsonError(503, "{\"error\":{\"message\":\"down\"}}")));
        direct.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(okJson(CHAT_JSON)));

        Map<String, String> values = Map.of(
                "OPENAI_BASE_URL", proxy.baseUrl(), "OPENAI_API_KEY", proxyKey, "OPENAI_GATEWAY", "litellm",
                "OPENAI_LLM_HEADERS", "x-litellm-api-key=" + proxyKey + ",api-key=" + proxyKey + ",x-api-key="
                        + proxyKey + ",X-Proxy-Token=" + proxyHeaderSecret + ",x-portkey-config=pc-test-config",
                "OPENAI_LITELLM_TAGS", "search,test",
                "OPENAI_FAILOVER_ENABLED", "true", "OPENAI_FAILOVER_BASE_URL", direct.baseUrl() + "/v1",
                "OPENAI_FAILOVER_API_KEY", failoverKey, "OPENAI_FAILOVER_FAILURE_THRESHOLD", "1",
                "OPENAI_MAX_RETRIES", "0");

        try (GatewayClients clients = GatewayClients.create(settings(values))) {
            clients.client(Role.LLM, GatewayRequestContext.builder().user("user-test-1").build()).chat().completions()
                    .create(ChatCompletionCreateParams.builder().addUserMessage("hi").model("openai/gpt-4o-mini")
                            .temperature(0.25).build());
        }

        proxy.verify(1, postRequestedFor(urlEqualTo("/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer " + proxyKey))
                .withHeader("x-litellm-end-user-id", equalTo("user-test-1")));
        direct.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer " + failoverKey))
                .withHeader("x-litellm-api-key", absent()).withHeader("api-key", absent())
                .withHeader("x-api-key", absent()).withHeader("X-Proxy-Token", absent())
                .withHeader("x-portkey-config", absent()).withHeader("x-litellm-tags", absent())
                .withHeader("x-litellm-end-user-id", absent())
                .withRequestBody(matchingJsonPath("$.model", equalTo("gpt-4o-mini")))
                .withRequestBody(matchingJsonPath("$.temperature", equalTo("0.25"))));

        assertThat(everything(direct.findAll(anyRequestedFor(anyUrl())))).doesNotContain(proxyKey)
                .doesNotContain(proxyHeaderSecret).contains(failoverKey);
        assertThat(everything(proxy.findAll(anyRequestedFor(anyUrl())))).doesNotContain(failoverKey)
                .contains(proxyKey);
    }

    @Test
    void callsToOtherUrlsThanTheRouteBaseUrlAreLeftAlone() throws Exception {
        direct.stubFor(any(anyUrl()).willReturn(okJson("{}")));
        proxy.stubFor(any(anyUrl()).willReturn(jsonError(503, "{}")));
        Map<String, String> values = Map.of("OPENAI_BASE_URL", proxy.baseUrl() + "/v1", "OPENAI_API_KEY", proxyKey,
                "OPENAI_FAILOVER_ENABLED", "true", "OPENAI_FAILOVER_BASE_URL", direct.baseUrl() + "/v1",
                "OPENAI_FAILOVER_API_KEY", failoverKey, "OPENAI_FAILOVER_FAILURE_THRESHOLD", "1");

        try (GatewayClients clients = GatewayClients.create(settings(values))) {
            okhttp3.Request outside = new okhttp3.Request.Builder().url(proxy.baseUrl() + "/other/v1/models").build();
            try (okhttp3.Response response = clients.okHttpClient(Role.LLM).newCall(outside).execute()) {
                assertThat(response.code()).isEqualTo(503);
            }
            assertThat(clients.failoverStatus(Role.LLM).orElseThrow().consecutiveFailures()).isZero();
        }
        assertThat(direct.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "openai/gpt-4o-mini, gpt-4o-mini",
            "OpenAI/gpt-4o, gpt-4o",
            "@openai-prod/gpt-4o-mini, gpt-4o-mini",
            "@team/text-embedding-3-small, text-embedding-3-small",
            "gpt-4o-mini, gpt-4o-mini",
            "anthropic/claude-3-5-sonnet, anthropic/claude-3-5-sonnet",
            "openai/, openai/",
            "@slug, @slug",
            "@/x, @/x"})
    void modelNamesAreMappedToTheProvidersOwn(String proxyName, String providerName) {
        assertThat(FailoverModelNames.forProvider(proxyName)).isEqualTo(providerName);
    }

    @Test
    void bodiesWithoutAMappableModelAreSentUnchanged() {
        byte[] noModel = "{\"input\":\"x\"}".getBytes();
        byte[] plain = "{\"model\":\"gpt-4o\",\"temperature\":0.10}".getBytes();
        byte[] notJson = "model=openai/x".getBytes();
        assertThat(FailoverModelNames.mapBody(noModel)).isSameAs(noModel);
        assertThat(FailoverModelNames.mapBody(plain)).isSameAs(plain);
        assertThat(FailoverModelNames.mapBody(notJson)).isSameAs(notJson);
        assertThat(new String(FailoverModelNames.mapBody("{\"model\":\"openai/gpt-4o\",\"top_p\":0.10}".getBytes())))
                .isEqualTo("{\"model\":\"gpt-4o\",\"top_p\":0.10}");
    }

    private static String everything(List<LoggedRequest> requests) {
        StringBuilder all = new StringBuilder();
        for (LoggedRequest r : requests) {
            all.append(r.getUrl()).append('\n').append(r.getHeaders()).append('\n').append(r.getBodyAsString());
        }
        return all.toString();
    }
}
