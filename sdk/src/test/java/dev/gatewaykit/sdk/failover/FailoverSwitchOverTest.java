package dev.gatewaykit.sdk.failover;

import com.openai.core.http.StreamResponse;
import com.openai.errors.OpenAIServiceException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.embeddings.EmbeddingCreateParams;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseStreamEvent;
import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.client.GatewayClients;
import dev.gatewaykit.sdk.testing.LogCapture;
import dev.gatewaykit.sdk.testing.MutableClock;
import dev.gatewaykit.stub.GatewayStub;
import dev.gatewaykit.stub.StubMode;
import dev.gatewaykit.stub.journal.JournalEntry;
import dev.gatewaykit.stub.keys.KeyMask;
import dev.gatewaykit.stub.keys.VirtualKey;
import dev.gatewaykit.stub.scripting.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.gatewaykit.sdk.testing.Fixtures.closedPort;
import static dev.gatewaykit.sdk.testing.Fixtures.settings;
import static dev.gatewaykit.sdk.testing.TestLayers.fakeKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Failover over real HTTP: a LiteLLM-mode stub plays the proxy (it knows only the proxy's virtual key), an
 * OpenAI-mode stub plays the provider (it accepts only the failover key and only provider model names). Switch-over
 * and recovery are read from the two journals, and time moves only through an injected clock.
 */
class FailoverSwitchOverTest {

    private static final String PROXY_MODEL = "openai/gpt-4o-mini";

    // Distinct last four characters, so the masked forms in the journals can never be confused.
    private final String proxyKey = fakeKey() + "prox";
    private final String failoverKey = fakeKey() + "dire";

    private GatewayStub proxy;
    private GatewayStub direct;

    @BeforeEach
    void startServers() {
        proxy = GatewayStub.builder().mode(StubMode.LITELLM).port(0)
                .virtualKey(VirtualKey.builder(proxyKey).build()).start();
        direct = GatewayStub.builder().mode(StubMode.OPENAI).port(0).masterKey(failoverKey)
                .models("gpt-4o-mini", "text-embedding-3-small", "gpt-5-codex").start();
    }

    @AfterEach
    void stopServers() {
        proxy.close();
        direct.close();
    }

    private Map<String, String> config(String... extra) {
        Map<String, String> values = new HashMap<>(Map.of(
                "OPENAI_BASE_URL", proxy.baseUrl(), "OPENAI_API_KEY", proxyKey, "OPENAI_GATEWAY", "litellm",
                "OPENAI_FAILOVER_ENABLED", "true", "OPENAI_FAILOVER_BASE_URL", direct.baseUrl(),
                "OPENAI_FAILOVER_API_KEY", failoverKey, "OPENAI_MAX_RETRIES", "0"));
        for (int i = 0; i < extra.length; i += 2) {
            values.put(extra[i], extra[i + 1]);
        }
        return values;
    }

    private static ChatCompletion chat(GatewayClients clients) {
        return clients.llm().chat().completions().create(ChatCompletionCreateParams.builder()
                .addUserMessage("ping").model(PROXY_MODEL).build());
    }

    private static List<JournalEntry> calls(GatewayStub stub, String path) {
        return stub.journal().stream().filter(e -> e.path().endsWith(path)).toList();
    }

    private static List<String> trail(GatewayStub stub) {
        return stub.journal().stream().map(e -> e.method() + " " + e.path() + " " + e.status()).toList();
    }

    @Test
    void switchesToTheFailoverOriginAfterThresholdConsecutiveProxyFailures() {
        proxy.fault(Fault.builder().path("/chat/completions").status(503).build());

        try (GatewayClients clients = GatewayClients.create(settings(config()))) {
            assertThatThrownBy(() -> chat(clients)).isInstanceOf(OpenAIServiceException.class);
            assertThatThrownBy(() -> chat(clients)).isInstanceOf(OpenAIServiceException.class);
            assertThat(clients.failoverStatus(Role.LLM)).hasValueSatisfying(s -> {
                assertThat(s.state()).isEqualTo(FailoverState.CLOSED);
                assertThat(s.consecutiveFailures()).isEqualTo(2);
            });

            // The third failure opens the circuit and the same call is answered by the failover origin.
            assertThat(chat(clients).choices()).hasSize(1);
            assertThat(chat(clients).choices()).hasSize(1);

            assertThat(clients.failoverStatus(Role.LLM)).hasValueSatisfying(s -> {
                assertThat(s.state()).isEqualTo(FailoverState.OPEN);
                assertThat(s.consecutiveFailures()).isEqualTo(3);
                assertThat(s.activeOrigin()).isEqualTo(direct.origin());
                assertThat(s.lastReason()).hasValueSatisfying(r -> assertThat(r).contains("HTTP 503"));
            });
        }

        assertThat(calls(proxy, "/chat/completions")).hasSize(3).allSatisfy(e -> {
            assertThat(e.status()).isEqualTo(503);
            assertThat(e.key()).isEqualTo(KeyMask.mask(proxyKey));
        });
        assertThat(direct.journal()).hasSize(2).allSatisfy(e -> {
            assertThat(e.path()).isEqualTo("/v1/chat/completions");
            assertThat(e.status()).isEqualTo(200);
            assertThat(e.key()).isEqualTo(KeyMask.mask(failoverKey));
            assertThat(e.model()).isEqualTo("gpt-4o-mini");
            assertThat(e.headers().keySet()).noneMatch(h -> h.startsWith("x-litellm-"));
        });
    }

    @Test
    void theFailureThatOpensTheCircuitIsResentSoTheCallerSeesNoError() {
        proxy.fault(Fault.builder().path("/chat/completions").status(502).build());

        // openai-java retries twice; the third attempt reaches the threshold and goes to the failover origin.
        try (GatewayClients clients = GatewayClients.create(settings(config("OPENAI_MAX_RETRIES", "2")))) {
            assertThat(chat(clients).choices()).hasSize(1);
        }

        assertThat(trail(proxy)).containsExactly("POST /v1/chat/completions 502", "POST /v1/chat/completions 502",
                "POST /v1/chat/completions 502");
        assertThat(trail(direct)).containsExactly("POST /v1/chat/completions 200");
    }

    @Test
    void connectFailuresToTheProxyOpenTheCircuit() {
        String deadProxy = "http://127.0.0.1:" + closedPort() + "/v1";

        try (GatewayClients clients = GatewayClients.create(settings(config("OPENAI_BASE_URL", deadProxy,
                "OPENAI_MAX_RETRIES", "2")))) {
            assertThat(chat(clients).choices()).hasSize(1);

            assertThat(clients.failoverStatus(Role.LLM)).hasValueSatisfying(s -> {
                assertThat(s.state()).isEqualTo(FailoverState.OPEN);
                assertThat(s.lastReason()).hasValueSatisfying(r -> assertThat(r).contains("cannot connect"));
            });
        }
        assertThat(trail(direct)).containsExactly("POST /v1/chat/completions 200");
    }

    @Test
    void halfOpenHealthProbeKeepsTheFailoverWhileDownAndReturnsToTheProxyWhenUp() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        proxy.fault(Fault.builder().path("/chat/completions").status(503).times(3).build());

        try (LogCapture log = LogCapture.of(FailoverCircuit.class);
             GatewayClients clients = GatewayClients.builder(settings(config("OPENAI_FAILOVER_COOL_DOWN", "30s")))
                     .failoverClock(clock).build()) {
            assertThatThrownBy(() -> chat(clients)).isInstanceOf(OpenAIServiceException.class);
            assertThatThrownBy(() -> chat(clients)).isInstanceOf(OpenAIServiceException.class);
            chat(clients); // third failure: open, answered by the failover origin
            chat(clients); // within the cool-down: straight to the failover origin, no probe
            assertThat(trail(proxy)).hasSize(3);

            proxy.fault(Fault.builder().path("/health/liveliness").status(503).times(1).build());
            clock.advance(Duration.ofSeconds(30));
            chat(clients); // probe answers 503: open for another cool-down
            assertThat(clients.failoverStatus(Role.LLM).orElseThrow().state()).isEqualTo(FailoverState.OPEN);

            clock.advance(Duration.ofSeconds(29));
            chat(clients); // new cool-down not over: no probe

            clock.advance(Duration.ofSeconds(1));
            chat(clients); // probe answers 200: closed, this call goes to the proxy
            assertThat(clients.failoverStatus(Role.LLM)).hasValueSatisfying(s -> {
                assertThat(s.state()).isEqualTo(FailoverState.CLOSED);
                assertThat(s.activeOrigin()).isEqualTo(proxy.origin());
                assertThat(s.consecutiveFailures()).isZero();
                assertThat(s.since()).isEqualTo(clock.instant());
            });

            assertThat(log.lines()).hasSize(5);
            assertThat(log.lines()).extracting(line -> line.replaceAll(".* role LLM (\\S+ -> \\S+),.*", "$1"))
                    .containsExactly("CLOSED -> OPEN", "OPEN -> HALF_OPEN", "HALF_OPEN -> OPEN", "OPEN -> HALF_OPEN",
                            "HALF_OPEN -> CLOSED");
            assertThat(log.lines()).allSatisfy(line -> assertThat(line)
                    .contains(proxy.origin()).contains(direct.origin()).contains("reason: ")
                    .doesNotContain(proxyKey).doesNotContain(failoverKey));
            assertThat(log.lines().get(0)).startsWith("WARNING").contains("calls go to " + direct.origin());
            assertThat(log.lines().get(4)).contains("calls go to " + proxy.origin()).contains("/health/liveliness");
        }

        assertThat(trail(proxy)).containsExactly(
                "POST /v1/chat/completions 503", "POST /v1/chat/completions 503", "POST /v1/chat/completions 503",
                "GET /health/liveliness 503",
                "GET /health/liveliness 200", "GET /v1/models 200", "POST /v1/chat/completions 200");
        assertThat(trail(direct)).hasSize(4).allMatch(line -> line.equals("POST /v1/chat/completions 200"));
    }

    @Test
    void everyRoleAndStreamingCallsFailOverWithOnlyTheRequestRewritten() {
        proxy.fault(Fault.builder().status(500).build());

        try (GatewayClients clients = GatewayClients.create(settings(config(
                "OPENAI_FAILOVER_FAILURE_THRESHOLD", "1")))) {
            assertThat(clients.embeddings().embeddings().create(EmbeddingCreateParams.builder().input("hello")
                    .model("openai/text-embedding-3-small").build()).data()).hasSize(1);

            String streamed;
            try (StreamResponse<ChatCompletionChunk> stream = clients.llm().chat().completions().createStreaming(
                    ChatCompletionCreateParams.builder().addUserMessage("stream me").model(PROXY_MODEL).build())) {
                streamed = stream.stream().flatMap(c -> c.choices().stream())
                        .map(c -> c.delta().content().orElse("")).collect(Collectors.joining());
            }
            assertThat(streamed).isNotBlank();

            String codexText;
            try (StreamResponse<ResponseStreamEvent> stream = clients.codex().responses().createStreaming(
                    ResponseCreateParams.builder().input("write a test").model("@openai-prod/gpt-5-codex").build())) {
                codexText = stream.stream().filter(ResponseStreamEvent::isOutputTextDelta)
                        .map(e -> e.asOutputTextDelta().delta()).collect(Collectors.joining());
            }
            assertThat(codexText).isNotBlank();
        }

        assertThat(direct.journal()).extracting(e -> e.path() + " " + e.status() + " " + e.model()).containsExactly(
                "/v1/embeddings 200 text-embedding-3-small", "/v1/chat/completions 200 gpt-4o-mini",
                "/v1/responses 200 gpt-5-codex");
        assertThat(direct.journal()).allSatisfy(e -> assertThat(e.key()).isEqualTo(KeyMask.mask(failoverKey)));
        assertThat(direct.journal().get(1).requestBody()).contains("\"stream\":true");
        assertThat(proxy.journal()).allSatisfy(e -> assertThat(e.key()).isEqualTo(KeyMask.mask(proxyKey)));
    }

    @Test
    void aRoleWithItsFailoverSwitchedOffKeepsFailingAtTheProxy() {
        proxy.fault(Fault.builder().status(503).build());

        try (GatewayClients clients = GatewayClients.create(settings(config(
                "OPENAI_FAILOVER_FAILURE_THRESHOLD", "1", "OPENAI_EMBEDDINGS_FAILOVER_ENABLED", "false")))) {
            assertThatThrownBy(() -> clients.embeddings().embeddings().create(EmbeddingCreateParams.builder()
                    .input("hello").model("text-embedding-3-small").build()))
                    .isInstanceOf(OpenAIServiceException.class);
            assertThat(chat(clients).choices()).hasSize(1);
            assertThat(clients.failoverStatuses()).containsOnlyKeys(Role.LLM, Role.CODEX);
        }

        assertThat(trail(direct)).containsExactly("POST /v1/chat/completions 200");
    }

    @Test
    void failoverIsOffUnlessEnabled() {
        proxy.fault(Fault.builder().status(503).build());
        Map<String, String> values = config();
        values.remove("OPENAI_FAILOVER_ENABLED");

        try (GatewayClients clients = GatewayClients.create(settings(values))) {
            for (int i = 0; i < 5; i++) {
                assertThatThrownBy(() -> chat(clients)).isInstanceOf(OpenAIServiceException.class);
            }
            assertThat(clients.failoverStatuses()).isEmpty();
            assertThat(clients.failoverStatus(Role.LLM)).isEmpty();
        }

        assertThat(calls(proxy, "/chat/completions")).hasSize(5);
        assertThat(direct.journal()).isEmpty();
    }
}
