package dev.gatewaykit.hardening.failover;

import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.gatewaykit.hardening.support.PlantedKey;
import dev.gatewaykit.hardening.support.ManualClock;
import dev.gatewaykit.hardening.support.StubJournal;
import dev.gatewaykit.hardening.support.TestSettings;
import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.client.GatewayClients;
import dev.gatewaykit.sdk.failover.FailoverState;
import dev.gatewaykit.stub.GatewayStub;
import dev.gatewaykit.stub.StubMode;
import dev.gatewaykit.stub.journal.JournalEntry;
import dev.gatewaykit.stub.keys.VirtualKey;
import dev.gatewaykit.stub.scripting.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Key isolation under failover, proven by two journals: a LiteLLM "proxy" stub that knows only the virtual key and
 * an OpenAI-style "direct" stub that knows only the provider key. The proxy fails, the circuit opens, calls go
 * direct; the proxy recovers, the cool-down passes (on a hand-moved clock), the half-open health probe succeeds and
 * calls return to the proxy. The merged journal timeline shows each switch; neither key ever reaches the other
 * origin, and no proxy header follows a call to the direct origin.
 */
class FailoverKeyIsolationTest {

    private static final int THRESHOLD = 3;
    private static final Duration COOL_DOWN = Duration.ofSeconds(30);
    private static final String PROXY_MODEL = "openai/gpt-4o-mini";
    private static final String PROVIDER_MODEL = "gpt-4o-mini";

    private PlantedKey virtualKey;
    private PlantedKey directKey;
    private GatewayStub proxy;
    private GatewayStub direct;
    private final ManualClock clock = new ManualClock();

    @BeforeEach
    void startStubs() {
        virtualKey = PlantedKey.openAiStyle("virtual");
        do {
            directKey = PlantedKey.openAiStyle("direct");
        } while (directKey.masked().equals(virtualKey.masked()));
        proxy = GatewayStub.builder().mode(StubMode.LITELLM)
                .virtualKey(VirtualKey.builder(virtualKey.value()).alias("app").build()).start();
        direct = GatewayStub.builder().mode(StubMode.OPENAI).masterKey(directKey.value()).start();
    }

    @AfterEach
    void stopStubs() {
        proxy.close();
        direct.close();
    }

    private GatewayClients clients(GatewayStub proxyStub) {
        return GatewayClients.builder(TestSettings.variables()
                        .set("OPENAI_BASE_URL", proxyStub.baseUrl())
                        .set("OPENAI_API_KEY", virtualKey.value())
                        .set("OPENAI_GATEWAY", "litellm")
                        .set("OPENAI_LITELLM_TAGS", "hardening")
                        .set("OPENAI_FAILOVER_ENABLED", "true")
                        .set("OPENAI_FAILOVER_BASE_URL", direct.baseUrl())
                        .set("OPENAI_FAILOVER_API_KEY", directKey.value())
                        .set("OPENAI_FAILOVER_FAILURE_THRESHOLD", String.valueOf(THRESHOLD))
                        .set("OPENAI_FAILOVER_COOL_DOWN", COOL_DOWN.toSeconds() + "s")
                        .resolve())
                .failoverClock(clock)
                .build();
    }

    @Test
    void failingProxySwitchesToDirectAndBackWithoutEitherKeyCrossing() {
        try (GatewayClients clients = clients(proxy)) {
            // 1. Healthy proxy.
            assertThat(chat(clients, "before")).contains("before");

            // 2. The proxy answers 503 to every call: openai-java's retries count toward the threshold, and the call
            //    that opens the circuit is sent direct, so the caller still gets an answer.
            proxy.fault(Fault.builder().path("/chat/completions").status(503).build());
            assertThat(chat(clients, "switch")).contains("switch");
            assertThat(clients.failoverStatus(Role.LLM)).hasValueSatisfying(
                    s -> assertThat(s.state()).isEqualTo(FailoverState.OPEN));

            // 3. While open, calls go direct without touching the proxy.
            assertThat(chat(clients, "open-1")).contains("open-1");
            assertThat(chat(clients, "open-2")).contains("open-2");

            // 4. The proxy recovers; after the cool-down the next call probes its health and returns to it.
            proxy.clearFaults();
            clock.advance(COOL_DOWN.plusSeconds(1));
            assertThat(chat(clients, "after")).contains("after");
            assertThat(clients.failoverStatus(Role.LLM)).hasValueSatisfying(
                    s -> assertThat(s.state()).isEqualTo(FailoverState.CLOSED));
        }

        assertThat(timeline()).containsExactly(
                "proxy POST /chat/completions 200 [before]",
                "proxy POST /chat/completions 503 [switch]",
                "proxy POST /chat/completions 503 [switch]",
                "proxy POST /chat/completions 503 [switch]",
                "direct POST /chat/completions 200 [switch]",
                "direct POST /chat/completions 200 [open-1]",
                "direct POST /chat/completions 200 [open-2]",
                "proxy GET /health/liveliness 200",
                "proxy GET /models 200",
                "proxy POST /chat/completions 200 [after]");
        assertKeysStayedWithTheirOrigins();
    }

    @Test
    void stoppedProxySwitchesToDirectAndARestartedProxyGetsTheCallsBack() {
        int port = proxy.port();
        try (GatewayClients clients = clients(proxy)) {
            assertThat(chat(clients, "before")).contains("before");
            List<JournalEntry> beforeStop = proxy.journal();
            proxy.close();
            // The proxy is gone before this process holds a connection to it: a keep-alive connection pooled before
            // the stop fails with a broken-connection error on first use, which the circuit deliberately does not
            // count as "proxy unreachable" (it cannot tell a dead proxy from a dropped call).
            clients.http().okHttpClient().connectionPool().evictAll();

            // Connection refused on every attempt: the third opens the circuit and is sent direct.
            assertThat(chat(clients, "down")).contains("down");
            assertThat(clients.failoverStatus(Role.LLM)).hasValueSatisfying(
                    s -> assertThat(s.state()).isEqualTo(FailoverState.OPEN));
            assertThat(chat(clients, "still-down")).contains("still-down");

            proxy = GatewayStub.builder().mode(StubMode.LITELLM).port(port)
                    .virtualKey(VirtualKey.builder(virtualKey.value()).alias("app").build()).start();
            clock.advance(COOL_DOWN.plusSeconds(1));
            assertThat(chat(clients, "back")).contains("back");

            assertThat(beforeStop).extracting(this::line).containsExactly("proxy POST /chat/completions 200 [before]");
        }
        assertThat(timeline()).containsExactly(
                "direct POST /chat/completions 200 [down]",
                "direct POST /chat/completions 200 [still-down]",
                "proxy GET /health/liveliness 200",
                "proxy GET /models 200",
                "proxy POST /chat/completions 200 [back]");
        assertKeysStayedWithTheirOrigins();
    }

    private void assertKeysStayedWithTheirOrigins() {
        List<JournalEntry> proxyEntries = proxy.journal();
        List<JournalEntry> directEntries = direct.journal();
        assertThat(directEntries).as("direct origin: only the provider key, provider model names, no proxy headers")
                .isNotEmpty()
                .allSatisfy(e -> {
                    assertThat(e.key()).isEqualTo(directKey.stubMasked());
                    assertThat(e.model()).isEqualTo(PROVIDER_MODEL);
                    assertThat(e.headers().keySet()).noneMatch(h -> h.startsWith("x-litellm-"));
                    assertThat(e.toString()).doesNotContain(virtualKey.stubMasked());
                });
        assertThat(proxyEntries).as("proxy origin: only the virtual key (or none, for its health probe)")
                .isNotEmpty()
                .allSatisfy(e -> {
                    assertThat(e.key()).isIn(virtualKey.stubMasked(), null);
                    assertThat(e.toString()).doesNotContain(directKey.stubMasked());
                });
        assertThat(proxyEntries).filteredOn(StubJournal.onPath("/chat/completions"))
                .allSatisfy(e -> assertThat(e.model()).isEqualTo(PROXY_MODEL));
    }

    /** Both journals merged in arrival order, as {@code origin method path status [prompt]}. */
    private List<String> timeline() {
        List<JournalEntry> all = new ArrayList<>();
        all.addAll(proxy.journal());
        all.addAll(direct.journal());
        all.sort(Comparator.comparing(JournalEntry::timestamp));
        return all.stream().map(this::line).toList();
    }

    private String line(JournalEntry e) {
        String origin = direct.journal().contains(e) ? "direct" : "proxy";
        String path = e.path().startsWith("/v1/") ? e.path().substring(3) : e.path();
        String prompt = e.requestBody() == null || e.requestBody().isEmpty() ? ""
                : " [" + e.requestBody().replaceAll(".*\"content\":\"([^\"]*)\".*", "$1") + "]";
        return origin + " " + e.method() + " " + path + " " + e.status() + prompt;
    }

    private static String chat(GatewayClients clients, String prompt) {
        ChatCompletion completion = clients.llm().chat().completions().create(ChatCompletionCreateParams.builder()
                .model(PROXY_MODEL).addUserMessage(prompt).build());
        return completion.choices().get(0).message().content().orElse("");
    }

}
