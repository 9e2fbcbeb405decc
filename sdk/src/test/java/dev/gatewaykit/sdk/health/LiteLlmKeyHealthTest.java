package dev.gatewaykit.sdk.health;

import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.client.SharedHttpClient;
import dev.gatewaykit.sdk.errors.GatewayErrorKind;
import dev.gatewaykit.sdk.settings.GatewaySettings;
import dev.gatewaykit.sdk.settings.Secrets;
import dev.gatewaykit.stub.GatewayStub;
import dev.gatewaykit.stub.StubMode;
import dev.gatewaykit.stub.keys.VirtualKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.gatewaykit.sdk.testing.Fixtures.settings;
import static dev.gatewaykit.sdk.testing.TestLayers.fakeKey;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * LiteLLM health proves the route's key against the stub's LiteLLM: liveliness says the proxy is up, the keyed
 * model list says whether this route's virtual key works; neither calls a model nor {@code /health}.
 */
class LiteLlmKeyHealthTest {

    private final String master = fakeKey();
    private final String valid = fakeKey();
    private final String expired = fakeKey();
    private GatewayStub stub;

    @BeforeEach
    void startProxy() {
        stub = GatewayStub.builder().mode(StubMode.LITELLM).port(0).masterKey(master)
                .virtualKey(VirtualKey.builder(valid).build())
                .virtualKey(VirtualKey.builder(expired).expires(Instant.parse("2026-01-01T00:00:00Z")).build())
                .start();
    }

    @AfterEach
    void stopProxy() {
        stub.close();
    }

    private HealthResult probe(String key) {
        GatewaySettings settings = settings(Map.of("OPENAI_BASE_URL", stub.baseUrl(), "OPENAI_API_KEY", key,
                "OPENAI_GATEWAY", "litellm"));
        try (SharedHttpClient http = SharedHttpClient.create(settings)) {
            return new RouteHealthProbe(http.okHttpClient()).probe(settings.route(Role.LLM));
        }
    }

    private List<String> calls() {
        return stub.journal().stream().map(e -> e.method() + " " + e.path() + " " + e.status()).toList();
    }

    @Test
    void aWorkingVirtualKeyIsUp() {
        HealthResult result = probe(valid);

        assertThat(result.up()).as(String.valueOf(result)).isTrue();
        assertThat(result.detail()).hasValueSatisfying(d -> assertThat(d).contains("key accepted"));
        assertThat(calls()).allSatisfy(call -> assertThat(call).matches("GET /(health/liveliness|v1/models) 200"))
                .hasSize(2);
    }

    @Test
    void anUnknownVirtualKeyIsDownWithAuthenticationWhileTheProxyIsUp() {
        String unknown = fakeKey();

        HealthResult result = probe(unknown);

        assertThat(result.up()).isFalse();
        assertThat(result.detail()).hasValueSatisfying(d -> assertThat(d).contains("gateway up", "HTTP 401"));
        assertThat(result.error()).hasValueSatisfying(e -> {
            assertThat(e.kind()).isEqualTo(GatewayErrorKind.AUTHENTICATION);
            assertThat(e.hint()).contains(Secrets.mask(unknown), "/key/info", "/key/unblock", "/key/generate");
            assertThat(e.describe()).doesNotContain(unknown);
        });
        assertThat(calls()).containsExactly("GET /health/liveliness 200", "GET /v1/models 401");
    }

    @Test
    void anExpiredVirtualKeyIsDownWithTheCallThatExtendsIt() {
        HealthResult result = probe(expired);

        assertThat(result.up()).isFalse();
        assertThat(result.error()).hasValueSatisfying(e -> {
            assertThat(e.kind()).isEqualTo(GatewayErrorKind.AUTHENTICATION);
            assertThat(e.hint()).contains("has expired", "/key/update", "duration");
        });
    }
}
