package dev.gatewaykit.sdk.health;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.client.SharedHttpClient;
import dev.gatewaykit.sdk.errors.GatewayErrorKind;
import dev.gatewaykit.sdk.settings.GatewaySettings;
import dev.gatewaykit.sdk.settings.Secrets;
import okhttp3.Dns;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.gatewaykit.sdk.testing.Fixtures.closedPort;
import static dev.gatewaykit.sdk.testing.Fixtures.jsonError;
import static dev.gatewaykit.sdk.testing.Fixtures.settings;
import static dev.gatewaykit.sdk.testing.TestLayers.fakeKey;
import static org.assertj.core.api.Assertions.assertThat;

/** Health endpoints per gateway: cheap, never billable. */
class RouteHealthProbeTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final String key = fakeKey();
    private SharedHttpClient http;

    private RouteHealthProbe probe(GatewaySettings settings) {
        http = SharedHttpClient.create(settings);
        return new RouteHealthProbe(http.okHttpClient());
    }

    @AfterEach
    void close() {
        if (http != null) {
            http.close();
        }
    }

    @Test
    void liteLlmIsProbedAtLivelinessOnTheOriginRootNeverHealth() {
        server.stubFor(get("/health/liveliness").willReturn(aResponse().withBody("\"I'm alive!\"")));
        server.stubFor(get("/v1/models").willReturn(okJson("{\"object\":\"list\",\"data\":[]}")));
        GatewaySettings settings = settings(Map.of("OPENAI_BASE_URL", server.baseUrl() + "/v1",
                "OPENAI_API_KEY", key, "OPENAI_GATEWAY", "litellm"));

        HealthResult result = probe(settings).probe(settings.route(Role.LLM));

        assertThat(result.up()).isTrue();
        assertThat(result.url()).isEqualTo(server.baseUrl() + "/health/liveliness");
        assertThat(result.latency()).isPositive();
        assertThat(result.detail()).hasValueSatisfying(d -> assertThat(d).contains("200"));
        server.verify(getRequestedFor(urlEqualTo("/health/liveliness")).withHeader("Authorization", absent()));
        server.verify(0, anyRequestedFor(urlEqualTo("/health")));
    }

    @Test
    void liteLlmLivelinessThenTheRoutesKeyIsProvedByTheModelList() {
        server.stubFor(get("/health/liveliness").willReturn(aResponse().withBody("\"I'm alive!\"")));
        server.stubFor(get("/v1/models").willReturn(okJson("{\"object\":\"list\",\"data\":[]}")));
        GatewaySettings settings = settings(Map.of("OPENAI_BASE_URL", server.baseUrl() + "/v1",
                "OPENAI_API_KEY", key, "OPENAI_GATEWAY", "litellm"));

        HealthResult result = probe(settings).probe(settings.route(Role.LLM));

        assertThat(result.up()).isTrue();
        assertThat(result.detail()).hasValueSatisfying(d -> assertThat(d).contains("key accepted by GET /v1/models"));
        server.verify(getRequestedFor(urlEqualTo("/v1/models")).withHeader("Authorization", equalTo("Bearer " + key)));
        server.verify(0, anyRequestedFor(urlEqualTo("/health")));
        server.verify(0, anyRequestedFor(urlMatching(".*/(chat/completions|embeddings|responses)")));
    }

    @Test
    void liteLlmUpButRejectingTheRoutesKeyIsDownWithAuthenticationAndTheHint() {
        server.stubFor(get("/health/liveliness").willReturn(aResponse().withBody("\"I'm alive!\"")));
        server.stubFor(get("/v1/models").willReturn(jsonError(401, """
                {"error":{"message":"Authentication Error, Invalid proxy server token passed. key=0f1e, not found in db.",
                 "type":"token_not_found_in_db","param":"key","code":"401"}}""")));
        GatewaySettings settings = settings(Map.of("OPENAI_BASE_URL", server.baseUrl() + "/v1",
                "OPENAI_API_KEY", key, "OPENAI_GATEWAY", "litellm"));

        HealthResult result = probe(settings).probe(settings.route(Role.LLM));

        assertThat(result.up()).isFalse();
        assertThat(result.url()).isEqualTo(server.baseUrl() + "/v1/models");
        assertThat(result.detail()).hasValueSatisfying(d -> assertThat(d).contains("gateway up", "HTTP 401"));
        assertThat(result.error()).hasValueSatisfying(e -> {
            assertThat(e.kind()).isEqualTo(GatewayErrorKind.AUTHENTICATION);
            assertThat(e.hint()).contains("does not know the virtual key", Secrets.mask(key), "/key/generate");
            assertThat(e.toString()).doesNotContain(key);
        });
    }

    @Test
    void portkeyOssIsProbedAtRoot() {
        server.stubFor(get("/").willReturn(aResponse().withBody("AI Gateway says hey!")));
        GatewaySettings settings = settings(Map.of("OPENAI_BASE_URL", server.baseUrl() + "/v1",
                "OPENAI_GATEWAY", "portkey", "PORTKEY_PROVIDER", "openai", "OPENAI_API_KEY", key));

        HealthResult result = probe(settings).probe(settings.route(Role.EMBEDDINGS));

        assertThat(result.up()).isTrue();
        assertThat(result.url()).isEqualTo(server.baseUrl() + "/");
    }

    @Test
    void genericIsProbedAtModelsWithTheRoutesKey() {
        server.stubFor(get("/v1/models").willReturn(okJson("{\"object\":\"list\",\"data\":[]}")));
        GatewaySettings settings = settings(Map.of("OPENAI_BASE_URL", server.baseUrl() + "/v1",
                "OPENAI_API_KEY", key));

        HealthResult result = probe(settings).probe(settings.route(Role.CODEX));

        assertThat(result.up()).isTrue();
        server.verify(getRequestedFor(urlEqualTo("/v1/models")).withHeader("Authorization", equalTo("Bearer " + key)));
    }

    @Test
    void rejectedKeyIsDownWithAnExplanation() {
        server.stubFor(get("/v1/models").willReturn(jsonError(401,
                "{\"error\":{\"message\":\"Incorrect API key\",\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}")));
        GatewaySettings settings = settings(Map.of("OPENAI_BASE_URL", server.baseUrl() + "/v1",
                "OPENAI_API_KEY", key));

        HealthResult result = probe(settings).probe(settings.route(Role.LLM));

        assertThat(result.up()).isFalse();
        assertThat(result.error()).hasValueSatisfying(e -> assertThat(e.kind())
                .isEqualTo(GatewayErrorKind.AUTHENTICATION));
    }

    @Test
    void refusedConnectionIsDownAndUnreachable() {
        GatewaySettings settings = settings(Map.of("OPENAI_BASE_URL", "http://127.0.0.1:" + closedPort(),
                "OPENAI_API_KEY", key, "OPENAI_GATEWAY", "litellm"));

        HealthResult result = probe(settings).probe(settings.route(Role.LLM));

        assertThat(result.up()).isFalse();
        assertThat(result.error()).hasValueSatisfying(e -> {
            assertThat(e.kind()).isEqualTo(GatewayErrorKind.UNREACHABLE);
            assertThat(e.hint()).contains("/health/liveliness");
        });
    }

    /** A client that resolves Portkey's cloud host to WireMock, so the cloud health path is probed for real. */
    private RouteHealthProbe probeResolvingPortkeyCloudToWireMock(GatewaySettings settings) {
        http = SharedHttpClient.create(settings);
        OkHttpClient client = http.okHttpClient().newBuilder().dns(host -> host.equals("api.portkey.ai")
                ? List.of(InetAddress.getLoopbackAddress()) : Dns.SYSTEM.lookup(host)).build();
        return new RouteHealthProbe(client);
    }

    @Test
    void keylessPortkeyCloudRouteIsProbedWithThePortkeyKey() {
        String portkeyKey = "pk-test-" + key.substring(8);
        server.stubFor(get("/v1/models").withHeader("x-portkey-api-key", equalTo(portkeyKey))
                .willReturn(okJson("{\"object\":\"list\",\"data\":[]}")));
        GatewaySettings settings = settings(Map.of("OPENAI_BASE_URL", "http://api.portkey.ai:" + server.getPort()
                + "/v1", "PORTKEY_API_KEY", portkeyKey, "PORTKEY_CONFIG", "pc-test-config"));
        assertThat(settings.route(Role.LLM).keyless()).isTrue();

        HealthResult result = probeResolvingPortkeyCloudToWireMock(settings).probe(settings.route(Role.LLM));

        assertThat(result.up()).isTrue();
        assertThat(result.url()).isEqualTo("http://api.portkey.ai:" + server.getPort() + "/v1/models");
        server.verify(getRequestedFor(urlEqualTo("/v1/models")).withHeader("x-portkey-api-key", equalTo(portkeyKey))
                .withHeader("x-portkey-config", equalTo("pc-test-config")).withHeader("Authorization", absent()));
    }

    @Test
    void portkeyKeyQuotedInARejectionIsMasked() {
        // Not key-shaped, so only knowing the Portkey key can mask it.
        String portkeyKey = "test-portkey-" + key.substring(8);
        server.stubFor(get("/v1/models").willReturn(jsonError(401,
                "{\"status\":\"failure\",\"message\":\"Invalid API Key " + portkeyKey + "\"}")));
        GatewaySettings settings = settings(Map.of("OPENAI_BASE_URL", "http://api.portkey.ai:" + server.getPort()
                + "/v1", "PORTKEY_API_KEY", portkeyKey));

        HealthResult result = probeResolvingPortkeyCloudToWireMock(settings).probe(settings.route(Role.LLM));

        assertThat(result.up()).isFalse();
        assertThat(result.error()).hasValueSatisfying(e -> {
            assertThat(e.kind()).isEqualTo(GatewayErrorKind.AUTHENTICATION);
            assertThat(e.message()).contains(Secrets.mask(portkeyKey)).doesNotContain(portkeyKey);
            assertThat(e.toString()).doesNotContain(portkeyKey);
        });
    }

    @Test
    void keyEchoedInAHealthyAnswerIsMaskedInTheDetail() {
        server.stubFor(get("/health/liveliness").willReturn(aResponse().withBody("alive; caller " + key)));
        server.stubFor(get("/models").willReturn(okJson("{\"object\":\"list\",\"data\":[]}")));
        GatewaySettings settings = settings(Map.of("OPENAI_BASE_URL", server.baseUrl(), "OPENAI_API_KEY", key,
                "OPENAI_GATEWAY", "litellm"));

        HealthResult result = probe(settings).probe(settings.route(Role.LLM));

        assertThat(result.up()).isTrue();
        assertThat(result.detail()).hasValueSatisfying(d -> assertThat(d).contains("alive")
                .contains(Secrets.mask(key)).doesNotContain(key));
    }
}
