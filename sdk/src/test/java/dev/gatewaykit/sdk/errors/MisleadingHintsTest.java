package dev.gatewaykit.sdk.errors;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.client.GatewayClients;
import dev.gatewaykit.sdk.settings.GatewaySettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.gatewaykit.sdk.testing.Fixtures.chat;
import static dev.gatewaykit.sdk.testing.Fixtures.settings;
import static dev.gatewaykit.sdk.testing.TestLayers.fakeKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Hints that used to send users the wrong way: a 200 whose body is not the API's JSON was called a broken
 * connection, garbage in {@code retry-after} was echoed, and an error event in a 200 stream was said to be retried.
 */
class MisleadingHintsTest {

    @RegisterExtension
    static WireMockExtension proxy = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final String key = fakeKey();

    private GatewaySettings liteLlm() {
        return settings(Map.of("OPENAI_BASE_URL", proxy.baseUrl() + "/v1", "OPENAI_API_KEY", key,
                "OPENAI_GATEWAY", "litellm", "OPENAI_MAX_RETRIES", "0"));
    }

    private GatewayError chatFailure(ResponseDefinitionBuilder response) {
        proxy.stubFor(post(urlPathEqualTo("/v1/chat/completions")).willReturn(response));
        try (GatewayClients clients = GatewayClients.create(liteLlm())) {
            Throwable failure = catchThrowable(() -> chat(clients.llm()));
            assertThat(failure).as("the call must fail").isNotNull();
            GatewayError error = clients.explain(Role.LLM, failure);
            assertThat(error.describe()).doesNotContain(key);
            for (Throwable t = failure; t != null; t = t.getCause()) {
                assertThat(String.valueOf(t.getMessage())).doesNotContain(key);
            }
            return error;
        }
    }

    private static ResponseDefinitionBuilder ok(String contentType, String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", contentType).withBody(body);
    }

    private static void assertNotTheApisJson(GatewayError error, String contentType, String firstBytes) {
        assertThat(error.kind()).isEqualTo(GatewayErrorKind.UPSTREAM);
        assertThat(error.status()).hasValue(200);
        assertThat(error.hint()).contains("answered 200 with a body that is not the API's JSON", contentType,
                firstBytes).doesNotContain("broke mid-call");
    }

    @Test
    void htmlPageUnder200IsNotCalledABrokenConnection() {
        GatewayError error = chatFailure(ok("text/html; charset=utf-8",
                "<html><body>Please sign in. Your key " + key + " is unknown.</body></html>"));

        assertNotTheApisJson(error, "text/html", "<html><body>Please sign in.");
    }

    @Test
    void invalidJsonUnder200() {
        GatewayError error = chatFailure(ok("application/json", "{\"id\": oops " + key + "}"));

        assertNotTheApisJson(error, "application/json", "{\"id\": oops");
    }

    @Test
    void emptyBodyUnder200() {
        GatewayError error = chatFailure(ok("application/json", ""));

        assertNotTheApisJson(error, "application/json", "empty");
    }

    @Test
    void truncatedJsonUnder200() {
        GatewayError error = chatFailure(ok("application/json",
                "{\"id\":\"chatcmpl-test\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,"));

        assertNotTheApisJson(error, "application/json", "{\"id\":\"chatcmpl-test\"");
        assertThat(error.hint()).contains("ends before");
    }

    @Test
    void garbageRetryAfterIsNotEchoed() {
        GatewayError letters = chatFailure(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                .withHeader("retry-after", "abc").withBody("{\"error\":{\"message\":\"slow down\",\"type\":\"rate_limit\"}}"));
        GatewayError negative = chatFailure(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                .withHeader("retry-after-ms", "-5000").withBody("{\"error\":{\"message\":\"slow down\"}}"));

        assertThat(letters.kind()).isEqualTo(GatewayErrorKind.RATE_LIMITED);
        assertThat(letters.hint()).doesNotContain("abc").doesNotContain("wait abc");
        assertThat(negative.hint()).doesNotContain("-5000");
        assertThat(letters.hint()).contains("retry-after", "not a valid");
    }

    @Test
    void errorEventInA200StreamIsNotSaidToBeRetried() {
        proxy.stubFor(post(urlPathEqualTo("/v1/chat/completions")).willReturn(ok("text/event-stream", """
                data: {"error": {"message": "upstream connection reset", "type": "internal_server_error", \
                "param": null, "code": "500"}}

                """)));
        try (GatewayClients clients = GatewayClients.create(liteLlm());
             StreamResponse<ChatCompletionChunk> stream = clients.llm().chat().completions().createStreaming(
                     ChatCompletionCreateParams.builder().model("gpt-4o-mini").addUserMessage("hi").build())) {
            Throwable failure = catchThrowable(() -> stream.stream().forEach(chunk -> { }));
            GatewayError error = clients.explain(Role.LLM, failure);

            assertThat(error.kind()).isEqualTo(GatewayErrorKind.UPSTREAM);
            assertThat(error.message()).contains("upstream connection reset");
            assertThat(error.hint()).doesNotContain("the client retried").contains("inside the event stream",
                    "not retried");
        }
    }
}
