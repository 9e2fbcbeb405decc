package dev.gatewaykit.sdk.gateway;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.client.GatewayClients;
import dev.gatewaykit.sdk.errors.GatewayError;
import dev.gatewaykit.sdk.errors.GatewayErrorKind;
import dev.gatewaykit.sdk.errors.GatewayErrorTranslator;
import dev.gatewaykit.sdk.settings.GatewaySettings;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.gatewaykit.sdk.testing.Fixtures.chat;
import static dev.gatewaykit.sdk.testing.Fixtures.jsonError;
import static dev.gatewaykit.sdk.testing.Fixtures.settings;
import static dev.gatewaykit.sdk.testing.TestLayers.fakeKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * One row per error body a real LiteLLM proxy sends, for both release lines the stub models: the older line
 * (expired key 400, model refusal 401, budget 400, the v1 parallel-request limiter) and the newer one (expired key
 * 401 {@code expired_key}, model refusal 403, budget 429, the v3 limiter with {@code rate_limit_type}). Bodies are
 * copied in shape from the cited proxy source file; messages are samples and are never what the sdk reads. Each
 * row is answered over real HTTP: chat rows through openai-java, admin-route rows as raw calls.
 */
class LiteLlmErrorBodiesTest {

    @RegisterExtension
    static WireMockExtension proxy = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String NOT_VIRTUAL = "test-provider-key-0123456789abcd";

    /**
     * @param name    the situation and release line
     * @param source  the LiteLLM file the body's shape comes from
     * @param path    the request path: a chat call through openai-java, or a raw POST to an admin route
     * @param key     the route's key ({@code null}: a well-formed {@code sk-test-} key)
     * @param hints   what the hint must name
     */
    record Row(String name, String source, int status, String body, Map<String, String> headers, String path,
               String key, GatewayErrorKind kind, List<String> hints) {
        @Override
        public String toString() {
            return name + " [" + source + "]";
        }
    }

    private static final String CHAT = "/v1/chat/completions";

    static List<Row> rows() {
        return List.of(
                // ---- older release line -------------------------------------------------------------------------
                new Row("older: unknown key", "proxy/auth/user_api_key_auth.py (Exception -> ProxyException"
                        + " auth_error 401)", 401, """
                        {"error":{"message":"Authentication Error, Invalid proxy server token passed. valid_token=None.",
                         "type":"auth_error","param":"None","code":"401"}}""", Map.of(), CHAT, null,
                        GatewayErrorKind.AUTHENTICATION, List.of("/key/info", "/key/unblock", "/key/generate")),
                new Row("older: expired key, 400 with the raw key as param", "proxy/auth/user_api_key_auth.py"
                        + " (ProxyException expired_key, code=400, param=api_key)", 400, """
                        {"error":{"message":"Authentication Error - Expired Key. Key Expiry time 2026-01-01 00:00:00+00:00 and current time 2026-12-02 10:00:00+00:00",
                         "type":"expired_key","param":"%KEY%","code":"400"}}""", Map.of(), CHAT, null,
                        GatewayErrorKind.AUTHENTICATION, List.of("has expired", "/key/update", "duration")),
                new Row("older: blocked key", "proxy/auth/user_api_key_auth.py (Exception -> auth_error 401)", 401,
                        """
                        {"error":{"message":"Authentication Error, Key is blocked. Update via `/key/unblock` if you're admin.",
                         "type":"auth_error","param":"None","code":"401"}}""", Map.of(), CHAT, null,
                        GatewayErrorKind.AUTHENTICATION, List.of("blocked", "POST /key/unblock")),
                new Row("older: key without sk-", "proxy/auth/user_api_key_auth.py (Exception -> auth_error 401)",
                        401, """
                        {"error":{"message":"Authentication Error, LiteLLM Virtual Key expected. Received=%KEY%, expected to start with 'sk-'.",
                         "type":"auth_error","param":"None","code":"401"}}""", Map.of(), CHAT, NOT_VIRTUAL,
                        GatewayErrorKind.AUTHENTICATION, List.of("starting with sk-", "/key/generate")),
                new Row("older: model not allowed, 401 key_model_access_denied", "proxy/auth/auth_checks.py"
                        + " _can_object_call_model (code=HTTP_401_UNAUTHORIZED)", 401, """
                        {"error":{"message":"key not allowed to access model. This key can only access models=['openai/gpt-4o-mini']. Tried to access openai/gpt-4o",
                         "type":"key_model_access_denied","param":"model","code":"401"}}""", Map.of(), CHAT, null,
                        GatewayErrorKind.MODEL_NOT_ALLOWED, List.of("allowed models", "/key/update")),
                new Row("older: budget spent, 400", "proxy/auth/user_api_key_auth.py (BudgetExceededError ->"
                        + " ProxyException budget_exceeded, code=400)", 400, """
                        {"error":{"message":"Budget has been exceeded! Current cost: 1.2, Max budget: 1.0",
                         "type":"budget_exceeded","param":null,"code":"400"}}""", Map.of(), CHAT, null,
                        GatewayErrorKind.BUDGET_EXCEEDED, List.of("max_budget", "/key/update")),
                new Row("older: parallel request limiter", "proxy/hooks/parallel_request_limiter.py (HTTPException"
                        + " 429)", 429, """
                        {"error":{"message":"LiteLLM Rate Limit Handler for rate limit type = key. Crossed TPM / RPM / Max Parallel Request Limit. current rpm: 2, rpm limit: 1",
                         "type":"None","param":"None","code":"429"}}""", Map.of("retry-after", "60"), CHAT, null,
                        GatewayErrorKind.RATE_LIMITED, List.of("tpm_limit", "/key/update", "60 s")),
                new Row("older: admin route with a virtual key", "proxy/auth/route_checks.py (Exception ->"
                        + " auth_error 401)", 401, """
                        {"error":{"message":"Authentication Error, Only proxy admin can be used to generate, delete, update info for new keys/users/teams. Route=/key/generate. Your role=unknown. Your user_id=unknown",
                         "type":"auth_error","param":"None","code":"401"}}""", Map.of(), "/key/generate", null,
                        GatewayErrorKind.PERMISSION_DENIED, List.of("master key", "admin routes")),
                // ---- newer release line -------------------------------------------------------------------------
                new Row("newer: unknown key", "proxy/auth/auth_checks.py get_key_object (ProxyException"
                        + " token_not_found_in_db, 401)", 401, """
                        {"error":{"message":"Authentication Error, Invalid proxy server token passed. key=0f1e2d3c4b5a, not found in db. Create key via `/key/generate` call.",
                         "type":"token_not_found_in_db","param":"key","code":"401"}}""", Map.of(), CHAT, null,
                        GatewayErrorKind.AUTHENTICATION, List.of("does not know", "/key/generate")),
                new Row("newer: expired key, 401 expired_key with a masked param", "proxy/auth/user_api_key_auth.py"
                        + " (ProxyException expired_key, 401, param=abbreviate_api_key)", 401, """
                        {"error":{"message":"Authentication Error - Expired Key. Key Expiry time 2026-01-01 00:00:00+00:00 and current time 2026-12-02 10:00:00+00:00",
                         "type":"expired_key","param":"sk-...abcd","code":"401"}}""", Map.of(), CHAT, null,
                        GatewayErrorKind.AUTHENTICATION, List.of("has expired", "/key/update", "duration")),
                new Row("newer: blocked key", "proxy/auth/user_api_key_auth.py (Exception -> auth_error 401)", 401,
                        """
                        {"error":{"message":"Authentication Error, Key is blocked. Update via `/key/unblock` if you're admin.",
                         "type":"auth_error","param":"None","code":"401"}}""", Map.of(), CHAT, null,
                        GatewayErrorKind.AUTHENTICATION, List.of("POST /key/unblock")),
                new Row("newer: key without sk-", "proxy/auth/user_api_key_auth.py (HTTPException 401 ->"
                        + " auth_error)", 401, """
                        {"error":{"message":"LiteLLM Virtual Key expected. Received=test****abcd, expected to start with 'sk-'.",
                         "type":"auth_error","param":"None","code":"401"}}""", Map.of(), CHAT, NOT_VIRTUAL,
                        GatewayErrorKind.AUTHENTICATION, List.of("starting with sk-")),
                new Row("newer: model not allowed, 403", "proxy/auth/auth_checks.py _can_object_call_model"
                        + " (code=HTTP_403_FORBIDDEN)", 403, """
                        {"error":{"message":"key not allowed to access model. This key can only access models=['openai/gpt-4o-mini']. Tried to access openai/gpt-4o",
                         "type":"key_model_access_denied","param":"model","code":"403"}}""", Map.of(), CHAT, null,
                        GatewayErrorKind.MODEL_NOT_ALLOWED, List.of("allowed models", "/key/update")),
                new Row("newer: budget spent, 429", "proxy/auth/user_api_key_auth.py (BudgetExceededError ->"
                        + " budget_exceeded, HTTP_429_TOO_MANY_REQUESTS)", 429, """
                        {"error":{"message":"ExceededTokenBudget: Current spend for token: 1.2; Max Budget for Token: 1.0",
                         "type":"budget_exceeded","param":null,"code":"429"}}""", Map.of(), CHAT, null,
                        GatewayErrorKind.BUDGET_EXCEEDED, List.of("max_budget", "budget_duration")),
                new Row("newer: tokens-per-minute limit", "proxy/hooks/parallel_request_limiter_v3.py"
                        + " (HTTPException 429, rate_limit_type header)", 429, """
                        {"error":{"message":"Rate limit exceeded for api_key: 0f1e2d3c. Limit type: tokens. Current limit: 100, Remaining: 0. Limit resets at: 2026-12-02 10:01:00 UTC",
                         "type":"None","param":"None","code":"429"}}""",
                        Map.of("retry-after", "60", "rate_limit_type", "tokens"), CHAT, null,
                        GatewayErrorKind.RATE_LIMITED, List.of("tokens-per-minute", "tpm_limit", "/key/update")),
                new Row("newer: requests-per-minute limit", "proxy/hooks/parallel_request_limiter_v3.py"
                        + " (HTTPException 429, rate_limit_type header)", 429, """
                        {"error":{"message":"Rate limit exceeded for api_key: 0f1e2d3c. Limit type: requests. Current limit: 1, Remaining: 0. Limit resets at: 2026-12-02 10:01:00 UTC",
                         "type":"None","param":"None","code":"429"}}""",
                        Map.of("retry-after", "60", "rate_limit_type", "requests"), CHAT, null,
                        GatewayErrorKind.RATE_LIMITED, List.of("rpm_limit", "/key/update")),
                new Row("newer: admin route with a virtual key", "proxy/auth/route_checks.py"
                        + " _raise_admin_only_route_exception (Exception -> auth_error 401)", 401, """
                        {"error":{"message":"Authentication Error, Only proxy admin can be used to generate, delete, update info for new keys/users/teams. Route=/key/update. Your role=internal_user. Your user_id=81ce69****a8",
                         "type":"auth_error","param":"None","code":"401"}}""", Map.of(), "/key/update", null,
                        GatewayErrorKind.PERMISSION_DENIED, List.of("master key")),
                new Row("newer: admin-only route refused with 403", "proxy/auth/route_checks.py"
                        + " custom_admin_only_route_check (HTTPException 403 -> auth_error)", 403, """
                        {"error":{"message":"user not allowed to access this route, role= internal_user. Trying to access: /spend/logs",
                         "type":"auth_error","param":"None","code":"403"}}""", Map.of(), "/spend/logs", null,
                        GatewayErrorKind.PERMISSION_DENIED, List.of("master key")),
                new Row("newer: team permission refused", "proxy/_types.py ProxyErrorTypes"
                        + ".team_member_permission_error (403)", 403, """
                        {"error":{"message":"Team member does not have permission for /key/generate",
                         "type":"team_member_permission_error","param":"None","code":"403"}}""", Map.of(),
                        "/key/generate", null, GatewayErrorKind.PERMISSION_DENIED, List.of("team permission")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void eachRealBodyGetsItsKindAndTheCallThatFixesIt(Row row) throws IOException {
        String key = row.key() == null ? fakeKey() : row.key();
        ResponseDefinitionBuilder response = jsonError(row.status(), row.body().replace("%KEY%", key));
        row.headers().forEach(response::withHeader);
        proxy.stubFor(any(urlPathEqualTo(row.path())).willReturn(response));
        GatewaySettings settings = settings(Map.of("OPENAI_BASE_URL", proxy.baseUrl() + "/v1",
                "OPENAI_API_KEY", key, "OPENAI_GATEWAY", "litellm", "OPENAI_MAX_RETRIES", "0"));

        GatewayError error = row.path().equals(CHAT) ? chatFailure(settings) : rawFailure(settings, row.path(), key);

        assertThat(error.kind()).as(error.describe()).isEqualTo(row.kind());
        assertThat(error.status()).hasValue(row.status());
        assertThat(error.hint()).as(error.describe()).contains(row.hints());
        assertThat(error.describe()).doesNotContain(key);
    }

    private static GatewayError chatFailure(GatewaySettings settings) {
        try (GatewayClients clients = GatewayClients.create(settings)) {
            Throwable failure = catchThrowable(() -> chat(clients.llm()));
            assertThat(failure).as("the call must fail").isNotNull();
            return clients.explain(Role.LLM, failure);
        }
    }

    private static GatewayError rawFailure(GatewaySettings settings, String path, String key) throws IOException {
        OkHttpClient http = new OkHttpClient();
        Request request = new Request.Builder().url(proxy.baseUrl() + path).header("Authorization", "Bearer " + key)
                .post(RequestBody.create("{}", MediaType.get("application/json"))).build();
        try (Response response = http.newCall(request).execute()) {
            return GatewayErrorTranslator.translateResponse(response.code(), response.headers().toMultimap(),
                    response.body().string(), settings.route(Role.LLM), path);
        } finally {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }
}
