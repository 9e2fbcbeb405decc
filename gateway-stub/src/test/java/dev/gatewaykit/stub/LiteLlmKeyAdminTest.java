package dev.gatewaykit.stub;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.client.OpenAIClient;
import com.openai.errors.RateLimitException;
import com.openai.errors.UnauthorizedException;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.gatewaykit.stub.junit.GatewayStubExtension;
import dev.gatewaykit.stub.keys.VirtualKey;
import dev.gatewaykit.stub.support.Clients;
import dev.gatewaykit.stub.support.RawHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpResponse;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * LiteLLM key administration and per-key limits with LiteLLM's own request bodies and answers
 * (proxy/management_endpoints/key_management_endpoints.py, proxy/auth/user_api_key_auth.py,
 * proxy/hooks/parallel_request_limiter_v3.py, proxy/common_request_processing.py).
 */
class LiteLlmKeyAdminTest {

    private static final String MASTER = "sk-master-" + Clients.fakeKey();

    @RegisterExtension
    static GatewayStubExtension extension = new GatewayStubExtension(GatewayStub.builder().mode(StubMode.LITELLM)
            .masterKey(MASTER));

    private final GatewayStub stub;

    LiteLlmKeyAdminTest(GatewayStub stub) {
        this.stub = stub;
    }

    private HttpResponse<String> admin(String path, String body) {
        return RawHttp.post(stub.origin() + path, body, "Authorization", "Bearer " + MASTER);
    }

    private HttpResponse<String> chat(String key) {
        return RawHttp.post(stub.baseUrl() + "/chat/completions", RawHttp.chat("gpt-4o-mini", "hi"),
                "Authorization", "Bearer " + key);
    }

    private String newKey(String body) {
        HttpResponse<String> r = admin("/key/generate", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return RawHttp.json(r).get("key").asText();
    }

    @Test
    void blockRefusesTheKeyWithLiteLlmsMessageAndUnblockRestoresIt() {
        String key = newKey("{}");
        HttpResponse<String> blocked = admin("/key/block", "{\"key\":\"" + key + "\"}");
        assertThat(blocked.statusCode()).isEqualTo(200);
        assertThat(RawHttp.json(blocked).get("blocked").asBoolean()).isTrue();

        HttpResponse<String> refused = chat(key);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(RawHttp.json(refused)).isEqualTo(RawHttp.json("{\"error\":{\"message\":\"Authentication Error, Key is"
                + " blocked. Update via `/key/unblock` if you're an admin.\",\"type\":\"auth_error\",\"param\":\"None\","
                + "\"code\":\"401\"}}"));

        assertThat(admin("/key/unblock", "{\"key\":\"" + key + "\"}").statusCode()).isEqualTo(200);
        assertThat(chat(key).statusCode()).isEqualTo(200);
        assertThat(RawHttp.json(RawHttp.get(stub.origin() + "/key/info?key=" + key, "Authorization", "Bearer " + MASTER))
                .at("/info/blocked").asBoolean()).isFalse();
    }

    @Test
    void aBlockedKeyIsATypedUnauthorizedForOpenAiJava() {
        String key = newKey("{}");
        admin("/key/block", "{\"key\":\"" + key + "\"}");
        UnauthorizedException e = catchThrowableOfType(UnauthorizedException.class, () -> Clients.openAi(stub, key)
                .chat().completions().create(ChatCompletionCreateParams.builder().model("gpt-4o-mini")
                        .addUserMessage("hi").build()));
        assertThat(e.statusCode()).isEqualTo(401);
        assertThat(e.getMessage()).contains("Key is blocked");
    }

    @Test
    void updateRaisesTheLimitsAndAnswersTheFieldsSet() {
        String key = newKey("{\"rpm_limit\":1}");
        assertThat(chat(key).statusCode()).isEqualTo(200);
        assertThat(chat(key).statusCode()).isEqualTo(429);

        HttpResponse<String> updated = admin("/key/update", "{\"key\":\"" + key + "\",\"rpm_limit\":5,\"tpm_limit\":100000}");
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        assertThat(RawHttp.json(updated)).isEqualTo(RawHttp.json("{\"key\":\"" + key
                + "\",\"rpm_limit\":5,\"tpm_limit\":100000}"));
        HttpResponse<String> ok = chat(key);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("x-litellm-key-rpm-limit")).hasValue("5");
        assertThat(ok.headers().firstValue("x-litellm-key-tpm-limit")).hasValue("100000");
        assertThat(ok.headers().firstValue("x-ratelimit-api_key-limit-requests")).hasValue("5");
        assertThat(ok.headers().firstValue("x-ratelimit-api_key-remaining-requests")).hasValue("3");
        assertThat(ok.headers().firstValue("x-ratelimit-api_key-limit-tokens")).hasValue("100000");
    }

    @Test
    void anRpmLimitAnswersLiteLlmsRateLimit429WithRetryAfter() {
        String key = newKey("{\"rpm_limit\":1}");
        HttpResponse<String> first = chat(key);
        assertThat(first.headers().firstValue("x-ratelimit-api_key-remaining-requests")).hasValue("0");
        HttpResponse<String> second = chat(key);
        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(second.headers().firstValue("retry-after")).hasValue("60");
        assertThat(second.headers().firstValue("rate_limit_type")).hasValue("requests");
        JsonNode error = RawHttp.json(second).get("error");
        assertThat(error.get("message").asText()).startsWith("Rate limit exceeded for api_key: ")
                .contains(". Limit type: requests. Current limit: 1, Remaining: 0. Limit resets at: ").endsWith(" UTC");
        assertThat(error.get("code").asText()).isEqualTo("429");
        RateLimitException e = catchThrowableOfType(RateLimitException.class, () -> Clients.openAi(stub, key).chat()
                .completions().create(ChatCompletionCreateParams.builder().model("gpt-4o-mini").addUserMessage("x").build()));
        assertThat(e.headers().values("retry-after")).containsExactly("60");
    }

    @Test
    void aTpmLimitRefusesOnceTheWindowsTokensReachIt() {
        String key = newKey("{\"tpm_limit\":5}");
        HttpResponse<String> first = chat(key);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("x-ratelimit-api_key-remaining-tokens")).hasValue("5");
        HttpResponse<String> second = chat(key);
        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(second.headers().firstValue("rate_limit_type")).hasValue("tokens");
        assertThat(RawHttp.json(second).at("/error/message").asText()).contains("Limit type: tokens. Current limit: 5");
    }

    @Test
    void perModelLimitsSendTheRemainingHeadersNamedAfterTheModel() {
        String key = newKey("{\"model_rpm_limit\":{\"gpt-4o-mini\":3},\"model_tpm_limit\":{\"gpt-4o-mini\":1000}}");
        HttpResponse<String> r = chat(key);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("x-litellm-key-remaining-requests-gpt-4o-mini")).hasValue("2");
        assertThat(r.headers().firstValue("x-litellm-key-remaining-tokens-gpt-4o-mini")).hasValue("1000");
        chat(key);
        chat(key);
        HttpResponse<String> over = chat(key);
        assertThat(over.statusCode()).isEqualTo(429);
        assertThat(RawHttp.json(over).at("/error/message").asText()).startsWith("Rate limit exceeded for model_per_key: ");
    }

    @Test
    void successHeadersAreThoseGetCustomHeadersEmits() {
        String key = newKey("{\"max_budget\":2.5}");
        HttpResponse<String> r = chat(key);
        assertThat(r.headers().firstValue("x-litellm-call-id")).hasValueSatisfying(v -> assertThat(v).hasSize(36));
        assertThat(r.headers().firstValue("x-litellm-version")).hasValue("1.75.0");
        assertThat(r.headers().firstValue("x-litellm-model-api-base")).hasValue("https://api.openai.com");
        assertThat(r.headers().firstValue("x-litellm-key-max-budget")).hasValue("2.5");
        assertThat(r.headers().firstValue("x-litellm-response-cost")).hasValueSatisfying(v ->
                assertThat(v).matches("\\d+\\.\\d+(e-\\d\\d)?"));
        assertThat(r.headers().firstValue("x-litellm-response-duration-ms")).hasValueSatisfying(v ->
                assertThat(Double.parseDouble(v)).isPositive());
        // str(None) values are left out: no limits configured, so no limit headers.
        assertThat(r.headers().firstValue("x-litellm-key-tpm-limit")).isEmpty();
        assertThat(r.headers().firstValue("x-ratelimit-api_key-limit-requests")).isEmpty();
    }

    @Test
    void infoAnswersTheKeyAsAskedAndTheRowWithoutToken() {
        String key = newKey("{\"key_alias\":\"ci-info\",\"tpm_limit\":7}");
        JsonNode info = RawHttp.json(RawHttp.get(stub.origin() + "/key/info?key=" + key, "Authorization", "Bearer " + MASTER));
        assertThat(info.get("key").asText()).isEqualTo(key);
        assertThat(info.get("info").has("token")).isFalse();
        assertThat(info.at("/info/key_alias").asText()).isEqualTo("ci-info");
        assertThat(info.at("/info/tpm_limit").asLong()).isEqualTo(7);
        assertThat(info.at("/info/aliases").isObject()).isTrue();
        assertThat(info.at("/info/key_name").asText()).startsWith("sk-...").doesNotContain(key);
    }

    @Test
    void deleteAnswersTheKeysOrAliasesAsPassed() {
        newKey("{\"key_alias\":\"ci-del\"}");
        HttpResponse<String> r = admin("/key/delete", "{\"key_aliases\":[\"ci-del\"]}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(RawHttp.json(r)).isEqualTo(RawHttp.json("{\"deleted_keys\":[\"ci-del\"]}"));
    }

    @Test
    void onlyTheMasterKeyAdministersKeys() {
        String key = newKey("{}");
        for (String path : new String[] {"/key/update", "/key/block", "/key/unblock", "/key/delete"}) {
            HttpResponse<String> r = RawHttp.post(stub.origin() + path, "{\"key\":\"" + key + "\"}",
                    "Authorization", "Bearer " + key);
            assertThat(r.statusCode()).as(path).isEqualTo(401);
            assertThat(RawHttp.json(r).at("/error/message").asText()).contains("only proxy admin").contains(path);
        }
    }

    @Test
    void keyAndHealthRoutesAreBareOnlyAndUnknownPathsAreFastApisNotFound() {
        for (String path : new String[] {"/v1/key/generate", "/v1/key/block", "/v1/health/liveliness", "/nope"}) {
            HttpResponse<String> r = RawHttp.post(stub.origin() + path, "{}", "Authorization", "Bearer " + MASTER);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(RawHttp.json(r)).isEqualTo(RawHttp.json("{\"detail\":\"Not Found\"}"));
        }
    }

    static Stream<Arguments> badAdminBodies() {
        return Stream.of(
                Arguments.of("/key/generate", "{\"tpm_limit\":-1}", 400, "tpm_limit"),
                Arguments.of("/key/generate", "{\"rpm_limit\":1.5}", 400, "rpm_limit"),
                Arguments.of("/key/generate", "{\"rpm_limit\":\"ten\"}", 400, "rpm_limit"),
                Arguments.of("/key/generate", "{\"max_budget\":-0.01}", 400, "max_budget"),
                Arguments.of("/key/generate", "{\"model_tpm_limit\":{\"gpt-4o\":-5}}", 400, "model_tpm_limit"),
                Arguments.of("/key/generate", "{\"model_rpm_limit\":[1]}", 400, "model_rpm_limit"),
                Arguments.of("/key/generate", "{\"blocked\":\"yes\"}", 400, "blocked"),
                Arguments.of("/key/update", "{\"key\":\"KEY\",\"tpm_limit\":-100}", 400, "tpm_limit"),
                Arguments.of("/key/update", "{\"key\":\"KEY\",\"max_budget\":\"lots\"}", 400, "max_budget"),
                Arguments.of("/key/update", "{\"key\":\"KEY\",\"duration\":\"forever\"}", 400, "duration"),
                Arguments.of("/key/update", "{\"key\":\"KEY\",\"models\":\"gpt-4o\"}", 400, "models"),
                Arguments.of("/key/update", "{\"tpm_limit\":5}", 422, "key"),
                Arguments.of("/key/block", "{}", 422, "key"),
                Arguments.of("/key/unblock", "{\"key\":7}", 422, "key"),
                Arguments.of("/key/block", "{\"key\":\"sk-test-unknown-0000\"}", 404, "key"),
                Arguments.of("/key/block", "[1]", 400, "JSON object"));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @MethodSource("badAdminBodies")
    void badAdminInputGetsALiteLlmShaped4xxNamingTheField(String path, String body, int status, String field) {
        String key = newKey("{\"tpm_limit\":50}");
        HttpResponse<String> r = admin(path, body.replace("KEY", key));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        JsonNode json = RawHttp.json(r);
        if (status == 422) {
            assertThat(json.at("/detail/0/loc/1").asText()).isEqualTo(field);
            assertThat(json.at("/detail/0/msg").asText()).isNotBlank();
        } else {
            assertThat(json.at("/error/code").asText()).isEqualTo(String.valueOf(status));
            assertThat(json.at("/error/param").asText() + " " + json.at("/error/message").asText()).contains(field);
        }
        // Nothing changed: the key keeps its limit.
        assertThat(RawHttp.json(RawHttp.get(stub.origin() + "/key/info?key=" + key, "Authorization", "Bearer " + MASTER))
                .at("/info/tpm_limit").asLong()).isEqualTo(50);
    }

    @Test
    void configuredKeysCarryLimitsAndBlocking() {
        try (GatewayStub s = GatewayStub.builder().mode(StubMode.LITELLM)
                .virtualKey(VirtualKey.builder("sk-test-blocked-0001").blocked(true).build())
                .virtualKey(VirtualKey.builder("sk-test-limited-0001").rpmLimit(0L).build()).start()) {
            OpenAIClient blocked = Clients.openAi(s, "sk-test-blocked-0001");
            assertThat(catchThrowableOfType(UnauthorizedException.class, () -> blocked.models().list()).statusCode())
                    .isEqualTo(401);
            assertThat(RawHttp.post(s.baseUrl() + "/chat/completions", RawHttp.chat("gpt-4o-mini", "x"),
                    "Authorization", "Bearer sk-test-limited-0001").statusCode()).isEqualTo(429);
        }
    }
}
