package dev.gatewaykit.sdk.client;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.errors.GatewayError;
import dev.gatewaykit.sdk.settings.GatewaySettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.gatewaykit.sdk.testing.Fixtures.settings;
import static dev.gatewaykit.sdk.testing.TestLayers.fakeKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A 200 stream whose {@code error} event quotes a key (LiteLLM reports mid-stream failures this way): the exception
 * the caller gets, its whole cause chain and the explanation show the key masked, whether it looks like
 * {@code sk-…} or is a virtual key of another shape.
 */
class StreamErrorKeyMaskingTest {

    @RegisterExtension
    static WireMockExtension proxy = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String FIRST_CHUNK = """
            data: {"id": "c1", "object": "chat.completion.chunk", "created": 1, "model": "gpt-4o-mini", \
            "choices": [{"index": 0, "delta": {"content": "Hel"}, "finish_reason": null}]}

            """;

    private void streamAnswersWithErrorQuoting(String quoted) {
        proxy.stubFor(post(urlPathEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream")
                .withBody(FIRST_CHUNK + """
                        data: {"error": {"message": "Authentication Error, Received API Key = %s", \
                        "type": "auth_error", "param": null, "code": "401"}}

                        """.formatted(quoted))));
    }

    private GatewaySettings liteLlm(String key) {
        return settings(Map.of("OPENAI_BASE_URL", proxy.baseUrl() + "/v1", "OPENAI_API_KEY", key,
                "OPENAI_GATEWAY", "litellm", "OPENAI_MAX_RETRIES", "0"));
    }

    private static Throwable streamFailure(GatewayClients clients) {
        try (StreamResponse<ChatCompletionChunk> stream = clients.llm().chat().completions().createStreaming(
                ChatCompletionCreateParams.builder().model("gpt-4o-mini").addUserMessage("hi").build())) {
            return catchThrowable(() -> stream.stream().forEach(chunk -> { }));
        }
    }

    private static void assertNowhere(Throwable failure, GatewayError error, String key) {
        assertThat(failure).as("the stream must fail").isNotNull();
        List<String> texts = new ArrayList<>();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            texts.add(String.valueOf(t.getMessage()));
            texts.add(t.toString());
        }
        texts.add(error.describe());
        texts.add(error.message());
        assertThat(texts).allSatisfy(text -> assertThat(text).doesNotContain(key));
    }

    @Test
    void routeKeyShapedLikeSkIsMaskedInTheThrownStreamError() {
        String key = fakeKey();
        streamAnswersWithErrorQuoting(key);

        try (GatewayClients clients = GatewayClients.create(liteLlm(key))) {
            Throwable failure = streamFailure(clients);
            GatewayError error = clients.explain(Role.LLM, failure);

            assertNowhere(failure, error, key);
            assertThat(failure.getMessage()).contains(clients.settings().route(Role.LLM).apiKey().orElseThrow()
                    .masked());
        }
    }

    @Test
    void routeKeyOfAnotherShapeIsMaskedInTheThrownStreamError() {
        String key = "team-virtual-" + UUID.randomUUID().toString().replace("-", "");
        streamAnswersWithErrorQuoting(key);

        try (GatewayClients clients = GatewayClients.create(liteLlm(key))) {
            Throwable failure = streamFailure(clients);

            assertNowhere(failure, clients.explain(Role.LLM, failure), key);
        }
    }

    @Test
    void unknownSkKeyQuotedByTheGatewayIsMaskedToo() {
        String other = "sk-" + UUID.randomUUID().toString().replace("-", "");
        streamAnswersWithErrorQuoting(other);

        try (GatewayClients clients = GatewayClients.create(liteLlm(fakeKey()))) {
            Throwable failure = streamFailure(clients);

            assertNowhere(failure, clients.explain(Role.LLM, failure), other);
        }
    }
}
