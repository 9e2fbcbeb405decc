package dev.gatewaykit.stub;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatewaykit.stub.keys.VirtualKey;
import dev.gatewaykit.stub.support.Clients;
import dev.gatewaykit.stub.support.RawHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every known difference between the LiteLLM release lines, one row per case and line. */
class LiteLlmVersionTest {

    private static final String MASTER = "sk-master-" + Clients.fakeKey();
    private static final String LIMITED = "sk-test-version-limited-0001";
    private static final String EXPIRED = "sk-test-version-expired-0001";
    private static final String SPENT = "sk-test-version-spent-0001";
    private static final Map<LiteLlmVersion, GatewayStub> STUBS = new EnumMap<>(LiteLlmVersion.class);

    @BeforeAll
    static void start() {
        for (LiteLlmVersion v : LiteLlmVersion.values()) {
            STUBS.put(v, GatewayStub.builder().mode(StubMode.LITELLM).liteLlmVersion(v).masterKey(MASTER)
                    .virtualKey(VirtualKey.builder(LIMITED).models("gpt-4o-mini").build())
                    .virtualKey(VirtualKey.builder(EXPIRED).expires(Instant.now().minusSeconds(60)).build())
                    .virtualKey(VirtualKey.builder(SPENT).maxBudget(0.0).build())
                    .start());
        }
    }

    @AfterAll
    static void stop() {
        STUBS.values().forEach(GatewayStub::close);
    }

    /** version, case, key, model, path, status, type, message start. */
    static Stream<Arguments> differences() {
        return Stream.of(
                Arguments.of(LiteLlmVersion.V1_60, "expired key", EXPIRED, "gpt-4o-mini", "/chat/completions", 400,
                        "auth_error", "Authentication Error - Expired Key. Key Expiry time "),
                Arguments.of(LiteLlmVersion.V1_75, "expired key", EXPIRED, "gpt-4o-mini", "/chat/completions", 401,
                        "expired_key", "Authentication Error - Expired Key. Key Expiry time "),
                Arguments.of(LiteLlmVersion.V1_60, "model not allowed", LIMITED, "gpt-4o", "/chat/completions", 401,
                        "key_model_access_denied", "key not allowed to access model."),
                Arguments.of(LiteLlmVersion.V1_75, "model not allowed", LIMITED, "gpt-4o", "/chat/completions", 403,
                        "key_model_access_denied", "The requested model 'gpt-4o' is not available for this API key"),
                Arguments.of(LiteLlmVersion.V1_60, "budget", SPENT, "gpt-4o-mini", "/chat/completions", 400,
                        "budget_exceeded", "Budget has been exceeded! Current cost: 0.0, Max budget: 0.0"),
                Arguments.of(LiteLlmVersion.V1_75, "budget", SPENT, "gpt-4o-mini", "/chat/completions", 429,
                        "budget_exceeded", "Budget has been exceeded! Current cost: 0.0, Max budget: 0.0"),
                Arguments.of(LiteLlmVersion.V1_60, "non-sk key", "pk-test-not-litellm-0001", "gpt-4o-mini",
                        "/chat/completions", 401, "auth_error", "Authentication Error, Invalid proxy server token passed."),
                Arguments.of(LiteLlmVersion.V1_75, "non-sk key", "pk-test-not-litellm-0001", "gpt-4o-mini",
                        "/chat/completions", 401, "auth_error", "Authentication Error, LiteLLM Virtual Key expected. "
                                + "Received=pk-...0001, expected to start with 'sk-'."),
                Arguments.of(LiteLlmVersion.V1_60, "unknown model", MASTER, "gpt-99", "/chat/completions", 400,
                        "invalid_request_error", "{'error': 'Invalid model name passed in model=gpt-99. Call `/v1/models`"),
                Arguments.of(LiteLlmVersion.V1_75, "unknown model", MASTER, "gpt-99", "/chat/completions", 400,
                        "invalid_request_error", "{'error': '/chat/completions: Invalid model name passed in model=gpt-99."),
                Arguments.of(LiteLlmVersion.V1_75, "unknown model, bare path", MASTER, "gpt-99", "/chat/completions",
                        400, "invalid_request_error", "{'error': '/chat/completions: Invalid model name"));
    }

    @ParameterizedTest(name = "{0} {1} -> {5} {6}")
    @MethodSource("differences")
    void eachLineAnswersAsItsSourceDoes(LiteLlmVersion version, String situation, String key, String model, String path,
                                         int status, String type, String messageStart) {
        GatewayStub stub = STUBS.get(version);
        String base = situation.contains("bare") ? stub.origin() : stub.baseUrl();
        HttpResponse<String> r = RawHttp.post(base + path, RawHttp.chat(model, "hi"), "Authorization", "Bearer " + key);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        JsonNode error = RawHttp.json(r).get("error");
        assertThat(error.get("type").asText()).isEqualTo(type);
        assertThat(error.get("code").asText()).isEqualTo(String.valueOf(status));
        assertThat(error.get("message").asText()).startsWith(messageStart);
        assertThat(r.body()).doesNotContain(key.equals(MASTER) ? MASTER : "never-present");
    }

    @Test
    void expiredKeyParamIsTheKeyIn160AndMaskedIn175() {
        JsonNode older = RawHttp.json(RawHttp.post(STUBS.get(LiteLlmVersion.V1_60).baseUrl() + "/chat/completions",
                RawHttp.chat("gpt-4o-mini", "x"), "Authorization", "Bearer " + EXPIRED)).get("error");
        JsonNode newer = RawHttp.json(RawHttp.post(STUBS.get(LiteLlmVersion.V1_75).baseUrl() + "/chat/completions",
                RawHttp.chat("gpt-4o-mini", "x"), "Authorization", "Bearer " + EXPIRED)).get("error");
        // The stub masks every known key it would echo; what differs is whether the param names the key at all.
        assertThat(older.get("param").asText()).isEqualTo("sk-...0001");
        assertThat(newer.get("param").asText()).isEqualTo("sk-...0001");
        assertThat(older.get("param").asText()).doesNotContain(EXPIRED);
    }

    @Test
    void versionHeaderAndKeySpendFollowTheLine() {
        HttpResponse<String> older = RawHttp.post(STUBS.get(LiteLlmVersion.V1_60).baseUrl() + "/chat/completions",
                RawHttp.chat("gpt-4o-mini", "x"), "Authorization", "Bearer " + MASTER);
        HttpResponse<String> newer = RawHttp.post(STUBS.get(LiteLlmVersion.V1_75).baseUrl() + "/chat/completions",
                RawHttp.chat("gpt-4o-mini", "x"), "Authorization", "Bearer " + MASTER);
        assertThat(older.headers().firstValue("x-litellm-version")).hasValue("1.60.8");
        assertThat(newer.headers().firstValue("x-litellm-version")).hasValue("1.75.0");
        assertThat(older.headers().firstValue("x-litellm-key-spend")).hasValue("0.0");
        assertThat(newer.headers().firstValue("x-litellm-key-spend"))
                .isEqualTo(newer.headers().firstValue("x-litellm-response-cost"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"1.60, V1_60", "1.60.8, V1_60", "v1.60.2, V1_60", "old, V1_60", "OLD, V1_60", "1.75, V1_75",
            "1.75.0, V1_75", "new, V1_75"})
    void linesVersionsAndOldNamesParse(String text, LiteLlmVersion expected) {
        assertThat(LiteLlmVersion.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"1.6", "1.61", "2.0", "newest", "''"})
    void anythingElseIsRefusedWithTheAcceptedList(String text) {
        assertThatThrownBy(() -> LiteLlmVersion.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1.60 (alias old), 1.75 (alias new)");
    }

    @Test
    void theOldStatusNamesAreAliasesOfTheLines() {
        assertThat(LiteLlmStatuses.OLD.version()).isEqualTo(LiteLlmVersion.V1_60);
        assertThat(LiteLlmStatuses.NEW.version()).isEqualTo(LiteLlmVersion.V1_75);
        assertThat(LiteLlmStatuses.parse("1.60")).isEqualTo(LiteLlmStatuses.OLD);
    }
}
