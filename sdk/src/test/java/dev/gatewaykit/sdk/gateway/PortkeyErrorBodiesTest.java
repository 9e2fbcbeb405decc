package dev.gatewaykit.sdk.gateway;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.gatewaykit.sdk.PortkeyProduct;
import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.client.GatewayClients;
import dev.gatewaykit.sdk.errors.GatewayError;
import dev.gatewaykit.sdk.errors.GatewayErrorKind;
import dev.gatewaykit.sdk.errors.GatewayErrorTranslator;
import dev.gatewaykit.sdk.settings.GatewaySettings;
import dev.gatewaykit.sdk.settings.RouteSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.gatewaykit.sdk.testing.Fixtures.chat;
import static dev.gatewaykit.sdk.testing.Fixtures.jsonError;
import static dev.gatewaykit.sdk.testing.Fixtures.settings;
import static dev.gatewaykit.sdk.testing.TestLayers.fakeKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * One row per error body Portkey sends, for both products. The gateway's own refusals are
 * {@code {"status":"failure","message":...}} from {@code src/middlewares/requestValidator/index.ts}; a provider's
 * error keeps the provider's status and OpenAI shape, framed {@code "<provider> error: "} with a {@code provider}
 * field by {@code src/providers/utils.ts} generateErrorResponse. Each call goes over real HTTP through openai-java;
 * a cloud row is explained for the same route at {@code api.portkey.ai}, the host that makes it the cloud.
 */
class PortkeyErrorBodiesTest {

    @RegisterExtension
    static WireMockExtension proxy = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String CLOUD_URL = "https://api.portkey.ai/v1";

    /**
     * @param traceId the trace id header sent ({@code ""} as the self-hosted gateway sends it when none came in)
     * @param requestId the request id expected, {@code null} for none
     */
    record Row(String name, PortkeyProduct product, String source, int status, String body, String traceId,
               GatewayErrorKind kind, List<String> hints, String requestId) {
        @Override
        public String toString() {
            return name + " [" + product.id() + ", " + source + "]";
        }
    }

    private static final String VALIDATOR = "src/middlewares/requestValidator/index.ts";
    private static final String PROVIDER_ERROR = "src/providers/utils.ts generateErrorResponse";

    static List<Row> rows() {
        return List.of(
                // ---- self-hosted open-source gateway ------------------------------------------------------------
                new Row("no provider header or config", PortkeyProduct.SELF_HOSTED, VALIDATOR, 400, """
                        {"status":"failure","message":"Either x-portkey-config or x-portkey-provider header is required"}""",
                        "", GatewayErrorKind.BAD_REQUEST, List.of("Portkey itself refused", "PORTKEY_PROVIDER=openai",
                        "x-portkey-custom-host", "\"custom_host\"", "no @slug/model", "pc-..."), null),
                new Row("unknown provider", PortkeyProduct.SELF_HOSTED, VALIDATOR, 400, """
                        {"status":"failure","message":"Invalid provider passed"}""", "", GatewayErrorKind.BAD_REQUEST,
                        List.of("Invalid provider passed", "x-portkey-provider"), null),
                new Row("config not JSON (a saved config id)", PortkeyProduct.SELF_HOSTED, VALIDATOR, 400, """
                        {"status":"failure","message":"Invalid config passed. You need to pass a valid json"}""", "",
                        GatewayErrorKind.BAD_REQUEST, List.of("PORTKEY_CONFIG", "JSON config", "pc-..."), null),
                new Row("non-JSON content type", PortkeyProduct.SELF_HOSTED, VALIDATOR, 400, """
                        {"status":"failure","message":"Invalid content type passed"}""", "",
                        GatewayErrorKind.BAD_REQUEST, List.of("Portkey itself refused"), null),
                new Row("openai rate limit passed on", PortkeyProduct.SELF_HOSTED, PROVIDER_ERROR, 429, """
                        {"error":{"message":"openai error: Rate limit reached for requests","type":"requests",
                         "param":null,"code":"rate_limit_exceeded"},"provider":"openai"}""", "trace-sh-429",
                        GatewayErrorKind.RATE_LIMITED, List.of("provider openai", "bearer key"), "trace-sh-429"),
                new Row("anthropic refuses the key", PortkeyProduct.SELF_HOSTED, PROVIDER_ERROR, 401, """
                        {"error":{"message":"anthropic error: invalid x-api-key","type":"authentication_error",
                         "param":null,"code":null},"provider":"anthropic"}""", "",
                        GatewayErrorKind.AUTHENTICATION, List.of("provider anthropic", "OPENAI_API_KEY (env)"), null),
                new Row("azure-openai fails", PortkeyProduct.SELF_HOSTED, PROVIDER_ERROR, 500, """
                        {"error":{"message":"azure-openai error: The server had an error","type":"server_error",
                         "param":null,"code":null},"provider":"azure-openai"}""", "",
                        GatewayErrorKind.UPSTREAM, List.of("provider azure-openai", "x-portkey-custom-host"), null),
                new Row("upstream refuses the bearer key", PortkeyProduct.SELF_HOSTED,
                        "src/handlers/handlerUtils.ts (upstream status passed on)", 401, """
                        {"error":{"message":"Incorrect API key provided","type":"invalid_request_error",
                         "param":null,"code":"invalid_api_key"}}""", "",
                        GatewayErrorKind.AUTHENTICATION, List.of("checks no Portkey key", "Bearer undefined"), null),
                // ---- Portkey cloud ------------------------------------------------------------------------------
                new Row("no provider header or config", PortkeyProduct.CLOUD, VALIDATOR, 400, """
                        {"status":"failure","message":"Either x-portkey-config or x-portkey-provider header is required"}""",
                        "trace-cloud-400", GatewayErrorKind.BAD_REQUEST, List.of("Portkey itself refused",
                        "@slug/model", "pc-...", "PORTKEY_API_KEY"), "trace-cloud-400"),
                new Row("Portkey key refused", PortkeyProduct.CLOUD, "cloud's own refusal", 401, """
                        {"status":"failure","message":"Invalid API Key"}""", "trace-cloud-401",
                        GatewayErrorKind.AUTHENTICATION, List.of("PORTKEY_API_KEY (x-portkey-api-key)"),
                        "trace-cloud-401"),
                new Row("openai rate limit passed on", PortkeyProduct.CLOUD, PROVIDER_ERROR, 429, """
                        {"error":{"message":"openai error: Rate limit reached for requests","type":"requests",
                         "param":null,"code":"rate_limit_exceeded"},"provider":"openai"}""", "trace-cloud-429",
                        GatewayErrorKind.RATE_LIMITED, List.of("provider openai", "Model Catalog"), "trace-cloud-429"),
                new Row("bedrock refuses the request", PortkeyProduct.CLOUD, PROVIDER_ERROR, 400, """
                        {"error":{"message":"bedrock error: Malformed input request","type":null,"param":null,
                         "code":null},"provider":"bedrock"}""", "trace-cloud-bedrock",
                        GatewayErrorKind.BAD_REQUEST, List.of("provider bedrock", "Model Catalog", "@slug"),
                        "trace-cloud-bedrock"),
                new Row("401 without Portkey's shape", PortkeyProduct.CLOUD, "cloud", 401, """
                        {"error":{"message":"Unauthorized","type":null,"param":null,"code":null}}""",
                        "trace-cloud-plain", GatewayErrorKind.AUTHENTICATION, List.of("x-portkey-api-key"),
                        "trace-cloud-plain"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void eachBodyIsExplainedInTheLanguageOfTheProductInUse(Row row) {
        String key = fakeKey();
        ResponseDefinitionBuilder response = jsonError(row.status(), row.body()).withHeader("x-portkey-trace-id",
                row.traceId());
        proxy.stubFor(post(urlPathEqualTo("/v1/chat/completions")).willReturn(response));
        Map<String, String> env = new java.util.HashMap<>(Map.of("OPENAI_BASE_URL", proxy.baseUrl() + "/v1",
                "OPENAI_API_KEY", key, "OPENAI_GATEWAY", "portkey", "OPENAI_MAX_RETRIES", "0",
                "PORTKEY_PRODUCT", row.product().id()));
        if (row.product() == PortkeyProduct.SELF_HOSTED) {
            // A valid self-hosted route: the settings refuse one without a provider before any call is made.
            env.put("PORTKEY_PROVIDER", "openai");
        }
        GatewaySettings settings = settings(env);
        RouteSettings route = settings.route(Role.LLM);
        if (row.product() == PortkeyProduct.CLOUD) {
            route = route.toBuilder().baseUrl(CLOUD_URL).build();
        }
        assertThat(((PortkeyGateway) Gateway.forRoute(route)).product()).isEqualTo(row.product());

        GatewayError error;
        try (GatewayClients clients = GatewayClients.create(settings)) {
            Throwable failure = catchThrowable(() -> chat(clients.llm()));
            assertThat(failure).as("the call must fail").isNotNull();
            error = GatewayErrorTranslator.translate(failure, route);
        }

        assertThat(error.kind()).as(error.describe()).isEqualTo(row.kind());
        assertThat(error.hint()).as(error.describe()).contains(row.hints());
        if (row.requestId() == null) {
            assertThat(error.requestId()).as("an empty trace id is no request id").isEmpty();
        } else {
            assertThat(error.requestId()).contains(row.requestId());
        }
        assertThat(error.describe()).doesNotContain(key);
    }

    @Test
    void anEmptyTraceIdGivesWayToTheNextKnownRequestId() {
        Map<String, String> headers = Map.of("x-portkey-trace-id", "", "x-request-id", "req-upstream-1");

        assertThat(PortkeyGateway.SELF_HOSTED.requestId(headers::get)).contains("req-upstream-1");
        assertThat(PortkeyGateway.SELF_HOSTED.requestId(Map.of("x-portkey-trace-id", " ")::get)).isEmpty();
    }
}
