package dev.gatewaykit.sdk.client;

import dev.gatewaykit.sdk.gateway.GatewayRequestContext;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.openai.errors.OpenAIIoException;
import com.openai.models.embeddings.EmbeddingCreateParams;
import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.errors.GatewayError;
import dev.gatewaykit.sdk.errors.GatewayErrorKind;
import dev.gatewaykit.sdk.GatewayKind;
import dev.gatewaykit.sdk.settings.GatewaySettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.gatewaykit.sdk.testing.Fixtures.CHAT_JSON;
import static dev.gatewaykit.sdk.testing.Fixtures.chat;
import static dev.gatewaykit.sdk.testing.Fixtures.codex;
import static dev.gatewaykit.sdk.testing.Fixtures.embed;
import static dev.gatewaykit.sdk.testing.Fixtures.openAiEndpoints;
import static dev.gatewaykit.sdk.testing.Fixtures.settings;
import static dev.gatewaykit.sdk.testing.TestLayers.fakeKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Real HTTP against WireMock: routing, keys, gateway headers, attribution, float encoding, retries, timeouts. */
class GatewayClientsRoutingTest {

    @RegisterExtension
    static WireMockExtension publicProxy = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort()).build();
    @RegisterExtension
    static WireMockExtension internalProxy = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort()).build();

    private final String apiKey = fakeKey();
    private final String internalKey = fakeKey();
    private final String codexKey = fakeKey();

    @BeforeEach
    void stubs() {
        for (var mapping : openAiEndpoints()) {
            publicProxy.stubFor(mapping);
        }
        for (var mapping : openAiEndpoints()) {
            internalProxy.stubFor(mapping);
        }
    }

    @Test
    void eachRoleLandsOnItsOwnUrlWithItsOwnKey() {
        GatewaySettings settings = settings(Map.of(
                "OPENAI_BASE_URL", publicProxy.baseUrl() + "/v1", "OPENAI_API_KEY", apiKey,
                "OPENAI_INTERNAL_BASE_URL", internalProxy.baseUrl(), "OPENAI_INTERNAL_API_KEY", internalKey,
                "OPENAI_CODEX_API_KEY", codexKey));

        try (GatewayClients clients = GatewayClients.create(settings)) {
            assertThat(embed(clients.embeddings()).data()).hasSize(1);
            assertThat(chat(clients.llm()).choices().get(0).message().content()).contains("hello");
            assertThat(codex(clients.codex()).id()).isEqualTo("resp-test");
        }

        internalProxy.verify(1, postRequestedFor(urlEqualTo("/embeddings"))
                .withHeader("Authorization", equalTo("Bearer " + internalKey)));
        internalProxy.verify(0, postRequestedFor(urlPathMatching(".*/(chat/completions|responses)")));
        publicProxy.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer " + apiKey)));
        publicProxy.verify(1, postRequestedFor(urlEqualTo("/v1/responses"))
                .withHeader("Authorization", equalTo("Bearer " + codexKey)));
        publicProxy.verify(0, postRequestedFor(urlPathMatching(".*/embeddings")));
    }

    @Test
    void keylessPortkeyRouteSendsNoAuthorizationButPortkeyHeaders() {
        String portkeyKey = fakeKey();
        GatewaySettings settings = settings(Map.of("OPENAI_BASE_URL", publicProxy.baseUrl() + "/v1",
                "OPENAI_GATEWAY", "portkey", "PORTKEY_PRODUCT", "cloud", "PORTKEY_API_KEY", portkeyKey,
                "PORTKEY_CONFIG", "pc-test-config",
                "PORTKEY_PROVIDER", "openai", "PORTKEY_METADATA", "team=search,env=test"));

        try (GatewayClients clients = GatewayClients.create(settings)) {
            embed(clients.embeddings());
            chat(clients.llm());
        }

        for (String path : new String[] {"/v1/embeddings", "/v1/chat/completions"}) {
            publicProxy.verify(1, postRequestedFor(urlEqualTo(path))
                    .withHeader("Authorization", absent())
                    .withHeader("x-portkey-api-key", equalTo(portkeyKey))
                    .withHeader("x-portkey-config", equalTo("pc-test-config"))
                    .withHeader("x-portkey-provider", equalTo("openai"))
                    .withHeader("x-portkey-metadata", equalToJson("{\"team\":\"search\",\"env\":\"test\"}")));
        }
    }

    @Test
    void authNoneSendsNoAuthorization() {
        GatewaySettings settings = settings(Map.of("OPENAI_BASE_URL", publicProxy.baseUrl() + "/v1",
                "OPENAI_API_KEY", apiKey, "OPENAI_LLM_AUTH", "none"));

        try (GatewayClients clients = GatewayClients.create(settings)) {
            chat(clients.llm());
            codex(clients.codex());
        }

        publicProxy.verify(postRequestedFor(urlEqualTo("/v1/chat/completions")).withHeader("Authorization", absent()));
        publicProxy.verify(postRequestedFor(urlEqualTo("/v1/responses"))
                .withHeader("Authorization", equalTo("Bearer " + apiKey)));
    }

    @Test
    void liteLlmRouteCarriesTagsEndUserAndCustomHeaders() {
        GatewaySettings settings = settings(Map.of("OPENAI_BASE_URL", publicProxy.baseUrl(),
                "OPENAI_API_KEY", apiKey, "OPENAI_LITELLM_TAGS", "team-search, batch",
                "OPENAI_LITELLM_END_USER_ID", "svc-indexer", "OPENAI_HEADERS", "X-Team=search,X-Env=test",
                "OPENAI_LLM_HEADERS", "X-Env=prod", "OPENAI_ORG_ID", "org-test"));

        try (GatewayClients clients = GatewayClients.create(settings)) {
            chat(clients.llm());
        }

        publicProxy.verify(postRequestedFor(urlEqualTo("/chat/completions"))
                .withHeader("x-litellm-tags", equalTo("team-search,batch"))
                .withHeader("x-litellm-end-user-id", equalTo("svc-indexer"))
                .withHeader("X-Team", equalTo("search"))
                .withHeader("X-Env", equalTo("prod"))
                .withHeader("OpenAI-Organization", equalTo("org-test")));
    }

    @Test
    void requestAttributionOverridesDefaults() {
        GatewaySettings settings = settings(Map.of("OPENAI_BASE_URL", publicProxy.baseUrl(),
                "OPENAI_API_KEY", apiKey, "OPENAI_GATEWAY", "litellm", "OPENAI_LITELLM_TAGS", "team-search",
                "OPENAI_LITELLM_END_USER_ID", "svc-default", "OPENAI_HEADERS", "X-Env=test"));
        GatewayRequestContext context = GatewayRequestContext.builder().user("alice").addTag("experiment-7")
                .putHeader("X-Env", "canary").build();

        try (GatewayClients clients = GatewayClients.create(settings)) {
            chat(clients.client(Role.LLM, context));
            chat(clients.llm());
        }

        publicProxy.verify(1, postRequestedFor(urlEqualTo("/chat/completions"))
                .withHeader("x-litellm-end-user-id", equalTo("alice"))
                .withHeader("x-litellm-tags", equalTo("team-search,experiment-7"))
                .withHeader("X-Env", equalTo("canary")));
        publicProxy.verify(1, postRequestedFor(urlEqualTo("/chat/completions"))
                .withHeader("x-litellm-end-user-id", equalTo("svc-default"))
                .withHeader("x-litellm-tags", equalTo("team-search"))
                .withHeader("X-Env", equalTo("test")));
    }

    @Test
    void portkeyAttributionPutsUserIntoMetadataAndSendsTraceId() {
        GatewaySettings settings = settings(Map.of("OPENAI_BASE_URL", publicProxy.baseUrl() + "/v1",
                "OPENAI_GATEWAY", "portkey", "PORTKEY_PRODUCT", "cloud", "PORTKEY_API_KEY", fakeKey(),
                "PORTKEY_METADATA", "team=search"));
        GatewayRequestContext context = GatewayRequestContext.builder().user("bob").putMetadata("feature", "qa")
                .traceId("trace-test-1").build();

        try (GatewayClients clients = GatewayClients.create(settings)) {
            chat(clients.client(Role.LLM, context));
        }

        publicProxy.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withHeader("x-portkey-metadata", equalToJson("{\"team\":\"search\",\"feature\":\"qa\",\"_user\":\"bob\"}"))
                .withHeader("x-portkey-trace-id", equalTo("trace-test-1")));
    }

    @Test
    void embeddingsBodyCarriesFloatEncoding() {
        GatewaySettings settings = settings(Map.of("OPENAI_BASE_URL", publicProxy.baseUrl(),
                "OPENAI_API_KEY", apiKey));

        try (GatewayClients clients = GatewayClients.create(settings)) {
            // Built without encodingFormat: openai-java itself fills in base64.
            embed(clients.embeddings());
            // Only the EMBEDDINGS role changes the encoding.
            embed(clients.llm());
            // The documented opt-out keeps base64 and is not forwarded.
            clients.embeddings().embeddings().create(EmbeddingCreateParams.builder().input("keep")
                    .model("text-embedding-3-small").encodingFormat(EmbeddingCreateParams.EncodingFormat.BASE64)
                    .putAdditionalHeader(FloatEncodingInterceptor.KEEP_ENCODING_HEADER, "true").build());
        }

        publicProxy.verify(1, postRequestedFor(urlEqualTo("/embeddings"))
                .withRequestBody(matchingJsonPath("$.encoding_format", equalTo("float")))
                .withRequestBody(matchingJsonPath("$.input", equalTo("hello")))
                .withRequestBody(matchingJsonPath("$.model", equalTo("text-embedding-3-small"))));
        publicProxy.verify(2, postRequestedFor(urlEqualTo("/embeddings"))
                .withRequestBody(matchingJsonPath("$.encoding_format", equalTo("base64"))));
        publicProxy.verify(1, postRequestedFor(urlEqualTo("/embeddings"))
                .withRequestBody(matchingJsonPath("$.input", equalTo("keep")))
                .withHeader(FloatEncodingInterceptor.KEEP_ENCODING_HEADER, absent()));
    }

    @Test
    void retriesHonourRetryAfterMs() {
        publicProxy.stubFor(post(urlEqualTo("/chat/completions")).inScenario("rate limited")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("retry-after-ms", "20")
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"slow down\",\"type\":\"rate_limit_error\",\"code\":\"429\"}}"))
                .willSetStateTo("recovered"));
        publicProxy.stubFor(post(urlEqualTo("/chat/completions")).inScenario("rate limited")
                .whenScenarioStateIs("recovered").willReturn(okJson(CHAT_JSON)));
        GatewaySettings settings = settings(Map.of("OPENAI_BASE_URL", publicProxy.baseUrl(),
                "OPENAI_API_KEY", apiKey, "OPENAI_MAX_RETRIES", "1"));

        try (GatewayClients clients = GatewayClients.create(settings)) {
            assertThat(chat(clients.llm()).id()).isEqualTo("chatcmpl-test");
        }

        publicProxy.verify(2, postRequestedFor(urlEqualTo("/chat/completions")));
        publicProxy.verify(1, postRequestedFor(urlEqualTo("/chat/completions"))
                .withHeader("X-Stainless-Retry-Count", equalTo("0")));
        publicProxy.verify(1, postRequestedFor(urlEqualTo("/chat/completions"))
                .withHeader("X-Stainless-Retry-Count", equalTo("1")));
    }

    @Test
    void roleTimeoutApplies() {
        publicProxy.stubFor(post(urlEqualTo("/chat/completions")).willReturn(okJson(CHAT_JSON).withFixedDelay(5_000)));
        GatewaySettings settings = settings(Map.of("OPENAI_BASE_URL", publicProxy.baseUrl(),
                "OPENAI_API_KEY", apiKey, "OPENAI_MAX_RETRIES", "0", "OPENAI_LLM_TIMEOUT", "200ms"));

        try (GatewayClients clients = GatewayClients.create(settings)) {
            assertThat(clients.okHttpClient(Role.LLM).callTimeoutMillis()).isEqualTo(200);
            assertThatThrownBy(() -> chat(clients.llm())).isInstanceOfSatisfying(OpenAIIoException.class, e -> {
                GatewayError error = clients.explain(Role.LLM, e);
                assertThat(error.kind()).isEqualTo(GatewayErrorKind.UPSTREAM);
                assertThat(error.hint()).contains("OPENAI_LLM_TIMEOUT");
            });
        }
    }

    @Test
    void readTimeoutApplies() {
        publicProxy.stubFor(post(urlEqualTo("/chat/completions")).willReturn(okJson(CHAT_JSON).withFixedDelay(5_000)));
        GatewaySettings settings = settings(Map.of("OPENAI_BASE_URL", publicProxy.baseUrl(),
                "OPENAI_API_KEY", apiKey, "OPENAI_MAX_RETRIES", "0", "OPENAI_READ_TIMEOUT", "200ms"));

        try (GatewayClients clients = GatewayClients.create(settings)) {
            assertThat(clients.http().okHttpClient().readTimeoutMillis()).isEqualTo(200);
            Throwable failure = catchThrowable(() -> chat(clients.llm()));
            assertThat(failure).isInstanceOf(OpenAIIoException.class);
            assertThat(Stream.iterate(failure, t -> t != null, Throwable::getCause))
                    .anyMatch(java.net.SocketTimeoutException.class::isInstance);
            GatewayError error = clients.explain(Role.LLM, failure);
            assertThat(error.kind()).isEqualTo(GatewayErrorKind.UPSTREAM);
            assertThat(error.hint()).contains("OPENAI_READ_TIMEOUT");
        }
    }

    @ParameterizedTest(name = "OPENAI_GATEWAY={0}")
    @ValueSource(strings = {"auto", "portkey"})
    void portkeyHeadersNeverReachTheInternalOriginOfAnotherGateway(String gateway) {
        String portkeyKey = "pk-test-" + fakeKey().substring(8);
        GatewaySettings settings = settings(Map.of("OPENAI_GATEWAY", gateway, "PORTKEY_PRODUCT", "cloud",
                "OPENAI_BASE_URL", "https://api.portkey.ai/v1", "PORTKEY_API_KEY", portkeyKey,
                "PORTKEY_CONFIG", "pc-test-config", "PORTKEY_METADATA", "team=search",
                "OPENAI_INTERNAL_BASE_URL", internalProxy.baseUrl() + "/v1", "OPENAI_INTERNAL_API_KEY", internalKey));

        try (GatewayClients clients = GatewayClients.create(settings)) {
            assertThat(embed(clients.embeddings()).data()).hasSize(1);
            assertThat(embed(clients.client(Role.EMBEDDINGS, GatewayRequestContext.builder().user("u-1").build()))
                    .data()).hasSize(1);
        }

        assertThat(settings.route(Role.EMBEDDINGS).gateway())
                .isEqualTo(gateway.equals("auto") ? GatewayKind.GENERIC : GatewayKind.PORTKEY);
        internalProxy.verify(2, postRequestedFor(urlEqualTo("/v1/embeddings"))
                .withHeader("Authorization", equalTo("Bearer " + internalKey)));
        // PORTKEY_* settings never go there; on an explicit Portkey route the caller's own attribution still does.
        internalProxy.verify(2, postRequestedFor(urlEqualTo("/v1/embeddings"))
                .withHeader("x-portkey-api-key", absent()).withHeader("x-portkey-config", absent()));
        assertThat(internalProxy.getAllServeEvents()).allSatisfy(event -> {
            var headers = event.getRequest().getHeaders();
            if (gateway.equals("auto")) {
                assertThat(headers.keys()).noneSatisfy(h -> assertThat(h.toLowerCase()).startsWith("x-portkey-"));
            } else if (headers.getHeader("x-portkey-metadata").isPresent()) {
                assertThat(headers.getHeader("x-portkey-metadata").firstValue()).isEqualTo("{\"_user\":\"u-1\"}");
            }
        });
    }
}
