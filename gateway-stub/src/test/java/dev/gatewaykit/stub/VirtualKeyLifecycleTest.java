package dev.gatewaykit.stub;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.client.OpenAIClient;
import com.openai.errors.PermissionDeniedException;
import com.openai.errors.RateLimitException;
import com.openai.errors.UnauthorizedException;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.gatewaykit.stub.keys.VirtualKey;
import dev.gatewaykit.stub.support.Clients;
import dev.gatewaykit.stub.support.RawHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** LiteLLM virtual keys: generate → allowed → disallowed model → budget exhausted, in old and new statuses. */
class VirtualKeyLifecycleTest {

    private static final String MASTER = "sk-master-" + Clients.fakeKey();

    private GatewayStub stub;

    @AfterEach
    void stop() {
        if (stub != null) {
            stub.close();
        }
    }

    private GatewayStub start(LiteLlmStatuses statuses) {
        stub = GatewayStub.builder().mode(StubMode.LITELLM).masterKey(MASTER).liteLlmStatuses(statuses)
                .price("gpt-4o-mini", 1_000_000, 1_000_000) // $1 per token: budgets run out fast
                .start();
        return stub;
    }

    @ParameterizedTest(name = "{0}: model {1}, budget {2}")
    @MethodSource("statuses")
    void keyLifecycleWithExactLiteLlmErrors(LiteLlmStatuses statuses, int modelStatus, int budgetStatus) {
        start(statuses);
        HttpResponse<String> generated = RawHttp.post(stub.origin() + "/key/generate",
                "{\"models\":[\"gpt-4o-mini\"],\"max_budget\":5,\"key_alias\":\"ci-key\",\"duration\":\"1h\"}",
                "Authorization", "Bearer " + MASTER);
        assertThat(generated.statusCode()).isEqualTo(200);
        JsonNode g = RawHttp.json(generated);
        String key = g.get("key").asText();
        assertThat(key).startsWith("sk-");
        assertThat(g.get("models").get(0).asText()).isEqualTo("gpt-4o-mini");
        assertThat(g.get("expires").asText()).isNotEmpty();

        // Allowed call: costs 9 + 5 tokens at $1 = $14 > budget, so the next call is over budget.
        HttpResponse<String> allowed = RawHttp.post(stub.baseUrl() + "/chat/completions",
                RawHttp.chat("gpt-4o-mini", "hello there"), "Authorization", "Bearer " + key);
        assertThat(allowed.statusCode()).isEqualTo(200);
        // str(float) as get_custom_headers sends it; the newer line's key spend includes this call.
        assertThat(allowed.headers().firstValue("x-litellm-response-cost")).hasValue("14.0");
        assertThat(allowed.headers().firstValue("x-litellm-key-spend"))
                .hasValue(statuses == LiteLlmStatuses.NEW ? "14.0" : "0.0");
        assertThat(allowed.headers().firstValue("x-litellm-key-max-budget")).hasValue("5.0");

        HttpResponse<String> disallowed = RawHttp.post(stub.baseUrl() + "/chat/completions",
                RawHttp.chat("gpt-4o", "hello"), "Authorization", "Bearer " + key);
        assertThat(disallowed.statusCode()).isEqualTo(modelStatus);
        JsonNode modelError = RawHttp.json(disallowed).get("error");
        assertThat(modelError.get("type").asText()).isEqualTo("key_model_access_denied");
        assertThat(modelError.get("code").isTextual()).isTrue();
        assertThat(modelError.get("code").asText()).isEqualTo(String.valueOf(modelStatus));
        assertThat(modelError.get("param").asText()).isEqualTo("model");
        assertThat(modelError.get("message").asText()).isEqualTo(statuses == LiteLlmStatuses.NEW
                ? "The requested model 'gpt-4o' is not available for this API key. This key can only access "
                + "models=['gpt-4o-mini']."
                : "key not allowed to access model. This key can only access models=['gpt-4o-mini']. Tried to access "
                + "gpt-4o");

        HttpResponse<String> overBudget = RawHttp.post(stub.baseUrl() + "/chat/completions",
                RawHttp.chat("gpt-4o-mini", "again"), "Authorization", "Bearer " + key);
        assertThat(overBudget.statusCode()).isEqualTo(budgetStatus);
        JsonNode budgetError = RawHttp.json(overBudget).get("error");
        assertThat(budgetError.get("type").asText()).isEqualTo("budget_exceeded");
        assertThat(budgetError.get("code").asText()).isEqualTo(String.valueOf(budgetStatus));
        assertThat(budgetError.get("message").asText()).isEqualTo("Budget has been exceeded! Current cost: 14.0, Max budget: 5.0");

        JsonNode info = RawHttp.json(RawHttp.get(stub.origin() + "/key/info?key=" + key, "Authorization", "Bearer " + MASTER));
        assertThat(info.at("/info/spend").asDouble()).isEqualTo(14.0);
        assertThat(info.at("/info/key_alias").asText()).isEqualTo("ci-key");
        assertThat(info.get("key").asText()).isEqualTo(key); // info_key_fn answers the key as asked
        assertThat(info.get("info").has("token")).isFalse();

        HttpResponse<String> deleted = RawHttp.post(stub.origin() + "/key/delete", "{\"keys\":[\"" + key + "\"]}",
                "Authorization", "Bearer " + MASTER);
        assertThat(deleted.statusCode()).isEqualTo(200);
        HttpResponse<String> afterDelete = RawHttp.post(stub.baseUrl() + "/chat/completions",
                RawHttp.chat("gpt-4o-mini", "hi"), "Authorization", "Bearer " + key);
        assertThat(afterDelete.statusCode()).isEqualTo(401);
        assertThat(RawHttp.json(afterDelete).at("/error/type").asText()).isEqualTo("auth_error");
    }

    @Test
    void deletingTheLastGeneratedKeyOfAnOpenStubKeepsTheDeletedKeyRejected() {
        stub = GatewayStub.builder().mode(StubMode.LITELLM).start();
        assertThat(RawHttp.post(stub.baseUrl() + "/chat/completions", RawHttp.chat("gpt-4o-mini", "hi"),
                "Authorization", "Bearer " + Clients.fakeKey()).statusCode()).as("open stub").isEqualTo(200);
        String key = RawHttp.json(RawHttp.post(stub.origin() + "/key/generate", "{\"models\":[\"gpt-4o-mini\"]}"))
                .get("key").asText();
        // Once a key exists, key checking is on: the key may delete itself.
        assertThat(RawHttp.post(stub.origin() + "/key/delete", "{\"keys\":[\"" + key + "\"]}",
                "Authorization", "Bearer " + key).statusCode()).isEqualTo(200);

        HttpResponse<String> afterDelete = RawHttp.post(stub.baseUrl() + "/chat/completions",
                RawHttp.chat("gpt-4o-mini", "hi"), "Authorization", "Bearer " + key);

        assertThat(afterDelete.statusCode()).isEqualTo(401);
        stub.reset();
        assertThat(RawHttp.post(stub.baseUrl() + "/chat/completions", RawHttp.chat("gpt-4o-mini", "hi"),
                "Authorization", "Bearer " + key).statusCode()).as("open again after reset").isEqualTo(200);
    }

    static Stream<Arguments> statuses() {
        return Stream.of(Arguments.of(LiteLlmStatuses.OLD, 401, 400), Arguments.of(LiteLlmStatuses.NEW, 403, 429));
    }

    @Test
    void realClientSeesTypedExceptionsForTheNewStatuses() {
        start(LiteLlmStatuses.NEW);
        String key = Clients.fakeKey();
        stub.virtualKey(VirtualKey.builder(key).models("gpt-4o-mini").maxBudget(1.0).build());
        OpenAIClient client = Clients.openAi(stub, key);
        client.chat().completions().create(chat("gpt-4o-mini"));

        PermissionDeniedException denied = catchThrowableOfType(PermissionDeniedException.class,
                () -> client.chat().completions().create(chat("gpt-4o")));
        assertThat(denied.statusCode()).isEqualTo(403);
        RateLimitException budget = catchThrowableOfType(RateLimitException.class,
                () -> client.chat().completions().create(chat("gpt-4o-mini")));
        assertThat(budget.statusCode()).isEqualTo(429);
        UnauthorizedException unknown = catchThrowableOfType(UnauthorizedException.class,
                () -> Clients.openAi(stub, Clients.fakeKey()).chat().completions().create(chat("gpt-4o-mini")));
        assertThat(unknown.statusCode()).isEqualTo(401);
    }

    @ParameterizedTest(name = "key in {0}")
    @MethodSource("keyHeaders")
    void keyAcceptedInEveryLiteLlmHeader(String header, String prefix) {
        start(LiteLlmStatuses.NEW);
        String key = Clients.fakeKey();
        stub.virtualKey(VirtualKey.builder(key).build());
        HttpResponse<String> r = RawHttp.post(stub.baseUrl() + "/chat/completions", RawHttp.chat("gpt-4o-mini", "hi"),
                header, prefix + key);
        assertThat(r.statusCode()).isEqualTo(200);
    }

    static Stream<Arguments> keyHeaders() {
        return Stream.of(Arguments.of("x-litellm-api-key", ""), Arguments.of("Authorization", "Bearer "),
                Arguments.of("API-Key", ""), Arguments.of("x-api-key", ""));
    }

    @Test
    void rawKeyWithoutBearerIsAMalformedKey() {
        start(LiteLlmStatuses.NEW);
        HttpResponse<String> r = RawHttp.post(stub.baseUrl() + "/chat/completions", RawHttp.chat("gpt-4o-mini", "hi"),
                "Authorization", MASTER);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(RawHttp.json(r).at("/error/message").asText()).contains("Malformed API Key").doesNotContain(MASTER);
    }

    @Test
    void missingAndExpiredKeysAre401() {
        start(LiteLlmStatuses.NEW);
        String expired = Clients.fakeKey();
        stub.virtualKey(VirtualKey.builder(expired).expires(Instant.now().minusSeconds(5)).build());
        HttpResponse<String> none = RawHttp.post(stub.baseUrl() + "/chat/completions", RawHttp.chat("gpt-4o-mini", "hi"));
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(RawHttp.json(none).at("/error/code").asText()).isEqualTo("401");
        HttpResponse<String> old = RawHttp.post(stub.baseUrl() + "/chat/completions", RawHttp.chat("gpt-4o-mini", "hi"),
                "Authorization", "Bearer " + expired);
        assertThat(old.statusCode()).isEqualTo(401);
        assertThat(RawHttp.json(old).at("/error/type").asText()).isEqualTo("expired_key");
    }

    @Test
    void onlyTheMasterKeyGeneratesKeys() {
        start(LiteLlmStatuses.NEW);
        String key = Clients.fakeKey();
        stub.virtualKey(VirtualKey.builder(key).build());
        HttpResponse<String> r = RawHttp.post(stub.origin() + "/key/generate", "{}", "Authorization", "Bearer " + key);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(RawHttp.json(r).at("/error/type").asText()).isEqualTo("auth_error");
    }

    @Test
    void resetRemovesGeneratedKeysAndSpend() {
        start(LiteLlmStatuses.NEW);
        String generated = RawHttp.json(RawHttp.post(stub.origin() + "/key/generate", "{}",
                "Authorization", "Bearer " + MASTER)).get("key").asText();
        assertThat(stub.spend(generated)).contains(0.0);
        stub.reset();
        assertThat(stub.spend(generated)).isEmpty();
    }

    @Test
    void openModeAcceptsAnyKeyOrNone() {
        stub = GatewayStub.builder().mode(StubMode.LITELLM).start();
        assertThat(RawHttp.post(stub.baseUrl() + "/chat/completions", RawHttp.chat("gpt-4o-mini", "hi")).statusCode()).isEqualTo(200);
        assertThat(RawHttp.post(stub.baseUrl() + "/chat/completions", RawHttp.chat("gpt-4o-mini", "hi"),
                "Authorization", "not-even-bearer").statusCode()).isEqualTo(200);
    }

    private static ChatCompletionCreateParams chat(String model) {
        return ChatCompletionCreateParams.builder().model(model).addUserMessage("hi").build();
    }

}
