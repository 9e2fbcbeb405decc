package dev.gatewaykit.sdk.client;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.errors.GatewayError;
import dev.gatewaykit.sdk.errors.GatewayErrorKind;
import dev.gatewaykit.sdk.errors.ResponseTooLargeException;
import okhttp3.ConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.gatewaykit.sdk.testing.Fixtures.chat;
import static dev.gatewaykit.sdk.testing.Fixtures.embed;
import static dev.gatewaykit.sdk.testing.Fixtures.settings;
import static dev.gatewaykit.sdk.testing.TestLayers.fakeKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A gateway answering more than {@code OPENAI_MAX_RESPONSE_BYTES} (here 64KB) fails the call with a typed error
 * instead of filling the heap; a stream is bounded per event, so long streams of small events still work. The
 * connection is released either way.
 */
class ResponseSizeLimitTest {

    @RegisterExtension
    static WireMockExtension proxy = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final int LIMIT = 64 * 1024;

    private GatewayClients clients() {
        return GatewayClients.create(settings(Map.of("OPENAI_BASE_URL", proxy.baseUrl() + "/v1",
                "OPENAI_API_KEY", fakeKey(), "OPENAI_MAX_RETRIES", "0", "OPENAI_MAX_RESPONSE_BYTES", "64KB")));
    }

    /** A chat completion whose message content is {@code contentBytes} long: valid JSON, just big. */
    private static String bigChat(int contentBytes) {
        return """
                {"id":"chatcmpl-big","object":"chat.completion","created":1,"model":"gpt-4o-mini",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"%s"},"finish_reason":"stop"}]}"""
                .formatted("x".repeat(contentBytes));
    }

    private static String chunk(String content) {
        return "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o-mini\","
                + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + content + "\"},\"finish_reason\":null}]}\n\n";
    }

    private static void assertReleased(GatewayClients clients) {
        ConnectionPool pool = clients.http().okHttpClient().connectionPool();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (pool.connectionCount() != pool.idleConnectionCount() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        assertThat(pool.connectionCount()).as("connections still in use").isEqualTo(pool.idleConnectionCount());
    }

    @Test
    void answerLargerThanTheLimitFailsWithATypedError() {
        proxy.stubFor(post(urlPathEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(bigChat(2 * 1024 * 1024))));

        try (GatewayClients clients = clients()) {
            Throwable failure = catchThrowable(() -> chat(clients.llm()));

            assertThat(failure).hasRootCauseInstanceOf(ResponseTooLargeException.class);
            GatewayError error = clients.explain(Role.LLM, failure);
            assertThat(error.kind()).isEqualTo(GatewayErrorKind.UPSTREAM);
            assertThat(error.hint()).contains("OPENAI_MAX_RESPONSE_BYTES", "65536 bytes");
            assertReleased(clients);
        }
    }

    @Test
    void answerOfTinyJsonValuesIsBoundedByItsValueCount() {
        // 20 KB of "0," is 10,000 values: each costs the heap ~20 times its two bytes once parsed, so the bytes
        // alone do not bound memory. 64KB allows 64KB / 16 = 4,096 values.
        String tiny = "{\"object\":\"list\",\"model\":\"m\",\"data\":[{\"object\":\"embedding\",\"index\":0,"
                + "\"embedding\":[0" + ",0".repeat(10_000) + "]}]}";
        assertThat(tiny.length()).isLessThan(LIMIT);
        proxy.stubFor(post(urlPathEqualTo("/v1/embeddings")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(tiny)));

        try (GatewayClients clients = clients()) {
            Throwable failure = catchThrowable(() -> embed(clients.embeddings()));

            assertThat(failure).hasRootCauseInstanceOf(ResponseTooLargeException.class);
            assertThat(clients.explain(Role.EMBEDDINGS, failure).hint()).contains("4096 JSON values",
                    "OPENAI_MAX_RESPONSE_BYTES");
            assertReleased(clients);
        }
    }

    @Test
    void answerWithinTheLimitIsUntouched() {
        proxy.stubFor(post(urlPathEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(bigChat(LIMIT - 1024))));

        try (GatewayClients clients = clients()) {
            assertThat(chat(clients.llm()).choices().get(0).message().content()).get().asString()
                    .hasSize(LIMIT - 1024);
        }
    }

    @Test
    void streamEventLargerThanTheLimitFailsTheStream() {
        proxy.stubFor(post(urlPathEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream")
                .withBody(chunk("Hel") + chunk("y".repeat(LIMIT * 2)) + "data: [DONE]\n\n")));

        try (GatewayClients clients = clients();
             StreamResponse<ChatCompletionChunk> stream = clients.llm().chat().completions().createStreaming(
                     ChatCompletionCreateParams.builder().model("gpt-4o-mini").addUserMessage("hi").build())) {
            Throwable failure = catchThrowable(() -> stream.stream().forEach(c -> { }));

            assertThat(failure).hasRootCauseInstanceOf(ResponseTooLargeException.class);
            assertThat(clients.explain(Role.LLM, failure).hint()).contains("event", "OPENAI_MAX_RESPONSE_BYTES");
            stream.close();
            assertReleased(clients);
        }
    }

    @Test
    void longStreamOfSmallEventsIsNotBoundedAsAWhole() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            body.append(chunk("token" + i));
        }
        body.append("data: [DONE]\n\n");
        assertThat(body.length()).isGreaterThan(LIMIT * 4);
        proxy.stubFor(post(urlPathEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream").withBody(body.toString())));

        AtomicInteger chunks = new AtomicInteger();
        try (GatewayClients clients = clients();
             StreamResponse<ChatCompletionChunk> stream = clients.llm().chat().completions().createStreaming(
                     ChatCompletionCreateParams.builder().model("gpt-4o-mini").addUserMessage("hi").build())) {
            stream.stream().forEach(c -> chunks.incrementAndGet());
        }
        assertThat(chunks).hasValue(3000);
    }
}
