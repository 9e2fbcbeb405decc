package dev.gatewaykit.sdk.errors;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.client.GatewayClients;
import dev.gatewaykit.sdk.GatewayKind;
import dev.gatewaykit.sdk.settings.GatewaySettings;
import dev.gatewaykit.sdk.settings.RouteSettings;
import dev.gatewaykit.sdk.settings.Secrets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.HashMap;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.gatewaykit.sdk.testing.Fixtures.chat;
import static dev.gatewaykit.sdk.testing.Fixtures.closedPort;
import static dev.gatewaykit.sdk.testing.Fixtures.embed;
import static dev.gatewaykit.sdk.testing.Fixtures.jsonError;
import static dev.gatewaykit.sdk.testing.Fixtures.openAiEndpoints;
import static dev.gatewaykit.sdk.testing.Fixtures.settings;
import static dev.gatewaykit.sdk.testing.TestLayers.fakeKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The troubleshooting situations of the LiteLLM and Portkey guides, each over real HTTP, kind and hint asserted. */
class TroubleshootingCasesTest {

    @RegisterExtension
    static WireMockExtension proxy = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final String key = fakeKey();

    private GatewaySettings liteLlm(String... extra) {
        Map<String, String> values = new HashMap<>(Map.of("OPENAI_BASE_URL", proxy.baseUrl(),
                "OPENAI_API_KEY", key, "OPENAI_GATEWAY", "litellm", "OPENAI_MAX_RETRIES", "0",
                "OPENAI_LLM_MODEL", "openai/gpt-4o"));
        for (int i = 0; i < extra.length; i += 2) {
            values.put(extra[i], extra[i + 1]);
        }
        return settings(values);
    }

    /** Answers chat calls with {@code status} and {@code body} and returns the explained failure. */
    private GatewayError chatFailure(GatewaySettings settings, int status, String body, String... headers) {
        var response = jsonError(status, body);
        for (int i = 0; i < headers.length; i += 2) {
            response = response.withHeader(headers[i], headers[i + 1]);
        }
        proxy.stubFor(post(urlPathMatching(".*/chat/completions")).willReturn(response));
        try (GatewayClients clients = GatewayClients.create(settings)) {
            Throwable failure = catchThrowable(() -> chat(clients.llm()));
            assertThat(failure).as("the call must fail").isNotNull();
            return clients.explain(Role.LLM, failure);
        }
    }

    @Test
    void badOrExpiredVirtualKeyIsAuthentication() {
        GatewayError error = chatFailure(liteLlm(), 401, """
                {"error":{"message":"Authentication Error, Invalid proxy server token passed. Received API Key = %s",
                 "type":"auth_error","param":"None","code":"401"}}""".formatted(key),
                "x-litellm-call-id", "call-test-401");

        assertThat(error.kind()).isEqualTo(GatewayErrorKind.AUTHENTICATION);
        assertThat(error.status()).hasValue(401);
        assertThat(error.requestId()).contains("call-test-401");
        assertThat(error.gateway()).isEqualTo(GatewayKind.LITELLM);
        assertThat(error.role()).contains(Role.LLM);
        assertThat(error.hint()).contains("virtual key", Secrets.mask(key), "/key/info", "OPENAI_API_KEY (env)");
        assertThat(error.message()).contains(Secrets.mask(key)).doesNotContain(key);
        assertThat(error.describe()).doesNotContain(key);
    }

    @Test
    void keyQuotedByTheGatewayIsMaskedInTheExceptionTheClientThrows() {
        String otherKey = "sk-" + fakeKey().substring(3) + "other";
        proxy.stubFor(post(urlPathMatching(".*/chat/completions")).willReturn(jsonError(401, """
                {"error":{"message":"Authentication Error. Received API Key = %s, also saw %s",
                 "type":"auth_error","param":"None","code":"401"}}""".formatted(key, otherKey))));

        try (GatewayClients clients = GatewayClients.create(liteLlm())) {
            Throwable failure = catchThrowable(() -> chat(clients.llm()));

            assertThat(failure).isNotNull();
            assertThat(failure.getMessage()).contains(Secrets.mask(key)).doesNotContain(key).doesNotContain(otherKey);
            assertThat(failure.toString()).doesNotContain(key);
            assertThat(clients.explain(Role.LLM, failure).kind()).isEqualTo(GatewayErrorKind.AUTHENTICATION);
        }
    }

    @Test
    void expiredKeyTypeIsAuthenticationWhateverTheStatus() {
        GatewayError error = chatFailure(liteLlm(), 400, """
                {"error":{"message":"Authentication Error - Expired Key","type":"expired_key","param":"None",
                 "code":"400"}}""");

        assertThat(error.kind()).isEqualTo(GatewayErrorKind.AUTHENTICATION);
    }

    @Test
    void modelNotAllowedForKeyOldShape401() {
        GatewayError error = chatFailure(liteLlm(), 401, """
                {"error":{"message":"Authentication Error, API Key not allowed to access model. This key can only access models=['openai/gpt-4o-mini']. Tried to access openai/gpt-4o",
                 "type":"auth_error","param":"None","code":"401"}}""");

        assertThat(error.kind()).isEqualTo(GatewayErrorKind.MODEL_NOT_ALLOWED);
        assertThat(error.hint()).contains("openai/gpt-4o", "allowed models", "openai/*");
    }

    @Test
    void modelNotAllowedForKeyNewShape403() {
        GatewayError error = chatFailure(liteLlm(), 403, """
                {"error":{"message":{"error":"key not allowed to access model"},"type":"key_model_access_denied",
                 "param":"model","code":"403"}}""");

        assertThat(error.kind()).isEqualTo(GatewayErrorKind.MODEL_NOT_ALLOWED);
        assertThat(error.status()).hasValue(403);
        assertThat(error.hint()).contains("allowed models");
    }

    @Test
    void budgetExceededOldShape400() {
        GatewayError error = chatFailure(liteLlm(), 400, """
                {"error":{"message":"Budget has been exceeded! Current cost: 1.2, Max budget: 1.0",
                 "type":"budget_exceeded","param":null,"code":"400"}}""");

        assertThat(error.kind()).isEqualTo(GatewayErrorKind.BUDGET_EXCEEDED);
        assertThat(error.hint()).contains("budget", "max_budget");
    }

    @Test
    void budgetExceededNewShape429() {
        GatewayError error = chatFailure(liteLlm(), 429, """
                {"error":{"message":"ExceededTokenBudget: Current spend for token: 1.2; Max Budget for Token: 1.0",
                 "type":"budget_exceeded","param":null,"code":"429"}}""");

        assertThat(error.kind()).isEqualTo(GatewayErrorKind.BUDGET_EXCEEDED);
        assertThat(error.status()).hasValue(429);
    }

    @Test
    void rateLimitedWithRetryAfter() {
        GatewayError error = chatFailure(liteLlm(), 429, """
                {"error":{"message":"Rate limit reached","type":"rate_limit_error","param":null,"code":"429"}}""",
                "retry-after", "7");

        assertThat(error.kind()).isEqualTo(GatewayErrorKind.RATE_LIMITED);
        assertThat(error.hint()).contains("7 s");
    }

    @Test
    void providerKeyNotSetOnProxy() {
        GatewayError error = chatFailure(liteLlm(), 500, """
                {"error":{"message":"litellm.AuthenticationError: AuthenticationError: OpenAIException - The api_key client option must be set either by passing api_key to the client or by setting the OPENAI_API_KEY environment variable",
                 "type":null,"param":null,"code":"500"}}""");

        assertThat(error.kind()).isEqualTo(GatewayErrorKind.UPSTREAM);
        assertThat(error.hint()).contains("proxy has no provider key", "proxy's own environment");
    }

    @Test
    void connectionRefusedMeansTheProxyIsNotRunning() {
        int port = closedPort();
        GatewaySettings settings = settings(Map.of("OPENAI_BASE_URL", "http://localhost:" + port,
                "OPENAI_API_KEY", key, "OPENAI_MAX_RETRIES", "0"));

        try (GatewayClients clients = GatewayClients.create(settings)) {
            GatewayError error = clients.explain(Role.LLM, catchThrowable(() -> chat(clients.llm())));

            assertThat(error.kind()).isEqualTo(GatewayErrorKind.UNREACHABLE);
            assertThat(error.status()).isEmpty();
            assertThat(error.hint()).contains("is the proxy running",
                    "curl http://localhost:" + port + "/health/liveliness", "localhost is the container itself");
        }
    }

    @Test
    void portkeyAnswers404WhenBaseUrlLacksV1() {
        proxy.stubFor(post(urlPathMatching("/chat/completions")).willReturn(jsonError(404,
                "{\"status\":\"failure\",\"message\":\"Not Found\"}")));
        // Auto-detection cannot see Portkey here (no Portkey setting, local host): the generic hint says /v1 too.
        GatewaySettings settings = settings(Map.of("OPENAI_BASE_URL", proxy.baseUrl(), "OPENAI_API_KEY", key,
                "OPENAI_MAX_RETRIES", "0"));

        try (GatewayClients clients = GatewayClients.create(settings)) {
            Throwable failure = catchThrowable(() -> chat(clients.llm()));
            GatewayError generic = clients.explain(Role.LLM, failure);
            RouteSettings asPortkey = settings.route(Role.LLM).toBuilder().gateway(GatewayKind.PORTKEY).build();
            GatewayError portkey = GatewayErrorTranslator.translate(failure, asPortkey);

            assertThat(generic.kind()).isEqualTo(GatewayErrorKind.BAD_REQUEST);
            assertThat(generic.hint()).contains("try " + proxy.baseUrl() + "/v1");
            assertThat(portkey.kind()).isEqualTo(GatewayErrorKind.BAD_REQUEST);
            assertThat(portkey.hint()).contains("Portkey serves the OpenAI API under /v1", proxy.baseUrl() + "/v1");
        }
    }

    @Test
    void portkeyOwnErrorIsExplainedAsPortkeys() {
        GatewaySettings settings = settings(Map.of("OPENAI_BASE_URL", proxy.baseUrl() + "/v1",
                "OPENAI_GATEWAY", "portkey", "PORTKEY_PRODUCT", "cloud", "PORTKEY_API_KEY", key,
                "OPENAI_MAX_RETRIES", "0"));

        GatewayError error = chatFailure(settings, 400, """
                {"status":"failure","message":"Either x-portkey-config or x-portkey-provider header is required"}""",
                "x-portkey-trace-id", "trace-test-400");

        assertThat(error.kind()).isEqualTo(GatewayErrorKind.BAD_REQUEST);
        assertThat(error.requestId()).contains("trace-test-400");
        assertThat(error.message()).contains("x-portkey-provider header is required");
        assertThat(error.hint()).contains("Portkey itself refused", "PORTKEY_PROVIDER");
    }

    @Test
    void embeddingsWorkButLlmFailsWhenRoutesDiffer() {
        for (var mapping : openAiEndpoints()) {
            proxy.stubFor(mapping);
        }
        int deadPort = closedPort();
        GatewaySettings settings = settings(Map.of("OPENAI_BASE_URL", "http://localhost:" + deadPort,
                "OPENAI_API_KEY", key, "OPENAI_INTERNAL_BASE_URL", proxy.baseUrl(),
                "OPENAI_INTERNAL_API_KEY", fakeKey(), "OPENAI_MAX_RETRIES", "0"));

        try (GatewayClients clients = GatewayClients.create(settings)) {
            assertThat(embed(clients.embeddings()).data()).hasSize(1);
            GatewayError error = clients.explain(Role.LLM, catchThrowable(() -> chat(clients.llm())));

            assertThat(error.kind()).isEqualTo(GatewayErrorKind.UNREACHABLE);
            assertThat(error.hint()).contains("Routes differ", "EMBEDDINGS goes to " + proxy.baseUrl(),
                    "OPENAI_INTERNAL_BASE_URL", "leave OPENAI_INTERNAL_BASE_URL empty");
        }
    }

    @Test
    void gatewayExceptionCarriesTheExplanation() {
        GatewayError error = chatFailure(liteLlm(), 401, """
                {"error":{"message":"Invalid proxy server token passed","type":"auth_error","code":"401"}}""");
        RuntimeException cause = new RuntimeException("original");

        GatewayException exception = new GatewayException(error, cause);

        assertThat(exception.error()).isSameAs(error);
        assertThat(exception).hasMessageContaining("AUTHENTICATION on LLM via litellm").hasCause(cause);
    }
}
