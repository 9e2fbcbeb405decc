package dev.gatewaykit.sdk.client;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.openai.core.Sleeper;
import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.errors.GatewayError;
import dev.gatewaykit.sdk.errors.GatewayErrorKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.gatewaykit.sdk.testing.Fixtures.CHAT_JSON;
import static dev.gatewaykit.sdk.testing.Fixtures.chat;
import static dev.gatewaykit.sdk.testing.Fixtures.settings;
import static dev.gatewaykit.sdk.testing.TestLayers.fakeKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A gateway's {@code retry-after} is honoured up to {@code OPENAI_MAX_RETRY_AFTER} (openai-java alone caps it at
 * 8 s); a longer one ends the call at once and says so; garbage is ignored rather than read as "retry now". The
 * waits are recorded by a sleeper that does not sleep, so the test is exact and fast.
 */
class RetryAfterTest {

    @RegisterExtension
    static WireMockExtension proxy = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    private final Sleeper recording = new Sleeper() {
        @Override
        public void sleep(Duration duration) {
            sleeps.add(duration);
        }

        @Override
        public CompletableFuture<Void> sleepAsync(Duration duration) {
            sleeps.add(duration);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void close() {
        }
    };

    private GatewayClients clients(String... pairs) {
        Map<String, String> values = new HashMap<>(Map.of("OPENAI_BASE_URL", proxy.baseUrl() + "/v1",
                "OPENAI_API_KEY", fakeKey(), "OPENAI_GATEWAY", "litellm", "OPENAI_MAX_RETRIES", "2"));
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], pairs[i + 1]);
        }
        return GatewayClients.builder(settings(values)).sleeper(() -> recording).build();
    }

    private void rateLimitedOnceWith(String header, String value) {
        proxy.stubFor(post(urlPathEqualTo("/v1/chat/completions")).inScenario("limited")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("free")
                .willReturn(aResponse().withStatus(429).withHeader(header, value)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"rate limited\",\"type\":\"rate_limit_error\"}}")));
        proxy.stubFor(post(urlPathEqualTo("/v1/chat/completions")).inScenario("limited")
                .whenScenarioStateIs("free").willReturn(okJson(CHAT_JSON)));
    }

    @Test
    void retryAfterAboveOpenAiJavasCapButWithinTheCeilingIsWaitedInFull() {
        rateLimitedOnceWith("retry-after", "20");

        try (GatewayClients clients = clients()) {
            assertThat(chat(clients.llm()).id()).isEqualTo("chatcmpl-test");
        }
        assertThat(sleeps).containsExactly(Duration.ofSeconds(20));
    }

    @Test
    void retryAfterMsWithinTheCeilingIsWaitedInFull() {
        rateLimitedOnceWith("retry-after-ms", "12500");

        try (GatewayClients clients = clients()) {
            chat(clients.llm());
        }
        assertThat(sleeps).containsExactly(Duration.ofMillis(12500));
    }

    @Test
    void retryAfterAboveTheCeilingEndsTheCallAtOnceAndSaysSo() {
        rateLimitedOnceWith("retry-after", "120");

        try (GatewayClients clients = clients()) {
            Throwable failure = catchThrowable(() -> chat(clients.llm()));
            GatewayError error = clients.explain(Role.LLM, failure);

            assertThat(error.kind()).isEqualTo(GatewayErrorKind.RATE_LIMITED);
            assertThat(error.hint()).contains("120 s", "OPENAI_MAX_RETRY_AFTER (60 s)", "not retried");
        }
        assertThat(sleeps).isEmpty();
        assertThat(proxy.getAllServeEvents()).hasSize(1);
    }

    @Test
    void raisedCeilingHonoursLongerWaits() {
        rateLimitedOnceWith("retry-after", "120");

        try (GatewayClients clients = clients("OPENAI_MAX_RETRY_AFTER", "3m")) {
            chat(clients.llm());
        }
        assertThat(sleeps).containsExactly(Duration.ofSeconds(120));
    }

    @Test
    void negativeRetryAfterIsNotReadAsRetryNow() {
        rateLimitedOnceWith("retry-after-ms", "-5000");

        try (GatewayClients clients = clients()) {
            chat(clients.llm());
        }
        // openai-java would read -5000 ms as "retry immediately"; ignored, its back-off (0.375 s to 0.5 s) applies.
        assertThat(sleeps).hasSize(1);
        assertThat(sleeps.get(0)).isBetween(Duration.ofMillis(300), Duration.ofMillis(500));
    }
}
