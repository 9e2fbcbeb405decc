package dev.gatewaykit.hardening.faults;

import dev.gatewaykit.hardening.support.ClosedPort;
import dev.gatewaykit.hardening.support.PlantedKey;
import dev.gatewaykit.hardening.support.RoleCall;
import dev.gatewaykit.hardening.support.StubJournal;
import dev.gatewaykit.hardening.support.TestSettings;
import dev.gatewaykit.sdk.client.GatewayClients;
import dev.gatewaykit.sdk.errors.GatewayError;
import dev.gatewaykit.sdk.errors.GatewayErrorKind;
import dev.gatewaykit.sdk.GatewayKind;
import dev.gatewaykit.stub.GatewayStub;
import dev.gatewaykit.stub.StubMode;
import dev.gatewaykit.stub.journal.JournalEntry;
import dev.gatewaykit.stub.keys.VirtualKey;
import dev.gatewaykit.stub.scripting.Fault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/**
 * The fault matrix: each row is one thing a proxy does wrong, injected by the stub, driven through the sdk's role
 * clients with the shipped retry policy (OPENAI_MAX_RETRIES default 2). Every row either recovers by retrying as
 * openai-java promises (retries on 408/409/429/5xx and I/O errors, honouring {@code retry-after-ms} and
 * {@code retry-after}, sending {@code X-Stainless-Retry-Count}) — proven by the stub's journal — or surfaces as the
 * {@link GatewayError} kind and hint a user can act on.
 */
class FaultMatrixTest {

    private static final PlantedKey VIRTUAL_KEY = PlantedKey.openAiStyle("matrix-virtual");
    private static final int RETRIES = 2;
    /** Far below the injected latency, far above a loopback answer. */
    private static final String SHORT_TIMEOUT = "400ms";
    private static final long SLOW = 2_000;

    private static GatewayStub stub;

    @BeforeAll
    static void startStub() {
        stub = GatewayStub.builder().mode(StubMode.LITELLM)
                .virtualKey(VirtualKey.builder(VIRTUAL_KEY.value()).alias("matrix").build())
                .start();
    }

    @AfterAll
    static void stopStub() {
        stub.close();
    }

    @BeforeEach
    void resetStub() {
        stub.reset();
    }

    /** Where the clients point. */
    enum Target { STUB, CLOSED_PORT }

    /** What the row must end in. */
    sealed interface Outcome permits Recovers, Surfaces {
    }

    /**
     * The call succeeds after {@code attempts} requests, each carrying its retry number, the later ones no sooner
     * than {@code minGapMillis} after the one before (the wait the gateway asked for).
     */
    record Recovers(int attempts, long minGapMillis) implements Outcome {
    }

    /**
     * The call fails, explained as {@code kind} with {@code status} (0 = no HTTP answer) and a hint containing every
     * {@code hintParts}; {@code attempts} requests reached the stub (-1 = none could).
     */
    record Surfaces(GatewayErrorKind kind, int status, int attempts, List<String> hintParts) implements Outcome {
    }

    record Row(Target target, RoleCall call, Map<String, String> settings, List<Fault> faults, Outcome outcome) {
    }

    static Stream<Arguments> matrix() {
        Function<RoleCall, Fault.Builder> on = call -> Fault.builder().path(call.path());
        List<Arguments> rows = new ArrayList<>();
        rows.add(row("rateLimitedWithRetryAfterMsIsRetriedAfterTheAskedWait", Target.STUB, RoleCall.CHAT, Map.of(),
                List.of(on.apply(RoleCall.CHAT).status(429).header("retry-after-ms", "1200").times(1).build()),
                new Recovers(2, 1_200)));
        rows.add(row("rateLimitedWithRetryAfterSecondsIsRetriedAfterTheAskedWait", Target.STUB, RoleCall.EMBEDDINGS,
                Map.of(), List.of(on.apply(RoleCall.EMBEDDINGS).status(429).header("retry-after", "1").times(1).build()),
                new Recovers(2, 1_000)));
        rows.add(row("rateLimitedOnEveryAttemptSurfacesRateLimitedWithTheAskedWait", Target.STUB, RoleCall.RESPONSES,
                Map.of(), List.of(on.apply(RoleCall.RESPONSES).status(429).header("retry-after-ms", "5").build()),
                new Surfaces(GatewayErrorKind.RATE_LIMITED, 429, RETRIES + 1, List.of("5 ms", "OPENAI_MAX_RETRIES"))));
        rows.add(row("internalServerErrorOnceIsRetried", Target.STUB, RoleCall.CHAT, Map.of(),
                List.of(on.apply(RoleCall.CHAT).status(500).times(1).build()), new Recovers(2, 0)));
        rows.add(row("badGatewayTwiceIsRetriedTwice", Target.STUB, RoleCall.RESPONSES, Map.of(),
                List.of(on.apply(RoleCall.RESPONSES).status(502).times(2).build()), new Recovers(3, 0)));
        rows.add(row("serviceUnavailableTwiceIsRetriedTwiceOnAStream", Target.STUB, RoleCall.CHAT_STREAM, Map.of(),
                List.of(on.apply(RoleCall.CHAT_STREAM).status(503).times(2).build()), new Recovers(3, 0)));
        rows.add(row("internalServerErrorOnEveryAttemptSurfacesUpstream", Target.STUB, RoleCall.EMBEDDINGS, Map.of(),
                List.of(on.apply(RoleCall.EMBEDDINGS).status(500).build()),
                new Surfaces(GatewayErrorKind.UPSTREAM, 500, RETRIES + 1, List.of("HTTP 500", "request id"))));
        rows.add(row("badGatewayOnEveryAttemptSurfacesUpstream", Target.STUB, RoleCall.CHAT, Map.of(),
                List.of(on.apply(RoleCall.CHAT).status(502).build()),
                new Surfaces(GatewayErrorKind.UPSTREAM, 502, RETRIES + 1, List.of("HTTP 502", "OPENAI_MAX_RETRIES"))));
        rows.add(row("serviceUnavailableOnEveryAttemptSurfacesUpstream", Target.STUB, RoleCall.RESPONSES_STREAM,
                Map.of(), List.of(on.apply(RoleCall.RESPONSES_STREAM).status(503).build()),
                new Surfaces(GatewayErrorKind.UPSTREAM, 503, RETRIES + 1, List.of("HTTP 503"))));
        rows.add(row("slowAnswerBeyondTheTimeoutOnceIsRetried", Target.STUB, RoleCall.CHAT,
                Map.of("OPENAI_TIMEOUT", SHORT_TIMEOUT),
                List.of(on.apply(RoleCall.CHAT).latencyMillis(SLOW).times(1).build()), new Recovers(2, 0)));
        rows.add(row("slowAnswerBeyondTheTimeoutOnEveryAttemptSurfacesUpstreamTimeout", Target.STUB,
                RoleCall.EMBEDDINGS, Map.of("OPENAI_TIMEOUT", SHORT_TIMEOUT),
                List.of(on.apply(RoleCall.EMBEDDINGS).latencyMillis(SLOW).build()),
                new Surfaces(GatewayErrorKind.UPSTREAM, 0, RETRIES + 1, List.of("in time", "OPENAI_TIMEOUT"))));
        rows.add(row("slowAnswerBeyondTheRoleTimeoutSurfacesUpstreamTimeout", Target.STUB, RoleCall.RESPONSES,
                Map.of("OPENAI_CODEX_TIMEOUT", SHORT_TIMEOUT, "OPENAI_MAX_RETRIES", "0"),
                List.of(on.apply(RoleCall.RESPONSES).latencyMillis(SLOW).build()),
                new Surfaces(GatewayErrorKind.UPSTREAM, 0, 1, List.of("in time", "OPENAI_CODEX_TIMEOUT"))));
        rows.add(row("chatStreamCutMidwaySurfacesUpstreamNotAShortAnswer", Target.STUB, RoleCall.CHAT_STREAM, Map.of(),
                List.of(on.apply(RoleCall.CHAT_STREAM).cutStreamAfterEvents(2).build()),
                new Surfaces(GatewayErrorKind.UPSTREAM, 0, 1, List.of("broke mid-call"))));
        rows.add(row("responsesStreamCutMidwaySurfacesUpstreamNotAShortAnswer", Target.STUB, RoleCall.RESPONSES_STREAM,
                Map.of(), List.of(on.apply(RoleCall.RESPONSES_STREAM).cutStreamAfterEvents(2).build()),
                new Surfaces(GatewayErrorKind.UPSTREAM, 0, 1, List.of("broke mid-call"))));
        rows.add(row("droppedConnectionOnceIsRetried", Target.STUB, RoleCall.EMBEDDINGS, Map.of(),
                List.of(on.apply(RoleCall.EMBEDDINGS).dropConnection(true).times(1).build()), new Recovers(2, 0)));
        rows.add(row("droppedConnectionOnEveryAttemptSurfacesUpstream", Target.STUB, RoleCall.CHAT, Map.of(),
                List.of(on.apply(RoleCall.CHAT).dropConnection(true).build()),
                new Surfaces(GatewayErrorKind.UPSTREAM, 0, RETRIES + 1, List.of("broke mid-call"))));
        rows.add(row("proxyDownSurfacesUnreachableWithTheLivelinessProbe", Target.CLOSED_PORT, RoleCall.CHAT, Map.of(),
                List.of(), new Surfaces(GatewayErrorKind.UNREACHABLE, 0, -1,
                        List.of("is the proxy running", "/health/liveliness", "localhost"))));
        rows.add(row("proxyDownOnTheInternalRouteSurfacesUnreachable", Target.CLOSED_PORT, RoleCall.EMBEDDINGS,
                Map.of(), List.of(), new Surfaces(GatewayErrorKind.UNREACHABLE, 0, -1,
                        List.of("is the proxy running", "/health/liveliness"))));
        return rows.stream();
    }

    private static Arguments row(String situation, Target target, RoleCall call, Map<String, String> settings,
                                 List<Fault> faults, Outcome outcome) {
        return argumentSet(situation, new Row(target, call, settings, faults, outcome));
    }

    @ParameterizedTest
    @MethodSource("matrix")
    void faultIsRetriedOrExplained(Row row) {
        String baseUrl = row.target() == Target.STUB ? stub.baseUrl() : ClosedPort.baseUrl();
        TestSettings settings = TestSettings.variables()
                .set("OPENAI_BASE_URL", baseUrl)
                .set("OPENAI_API_KEY", VIRTUAL_KEY.value())
                .set("OPENAI_GATEWAY", "litellm")
                // Finite connect timeout so a refused connection is the only way this row can fail fast.
                .set("OPENAI_CONNECT_TIMEOUT", "5s")
                .setAll(row.settings());
        row.faults().forEach(stub::fault);
        try (GatewayClients clients = GatewayClients.create(settings.resolve())) {
            Throwable failure = null;
            String answer = null;
            try {
                answer = row.call().run(clients, "fault matrix " + row.call());
            } catch (Throwable t) {
                failure = t;
            }
            if (row.outcome() instanceof Recovers recovers) {
                if (failure != null) {
                    fail("expected recovery after " + recovers.attempts() + " attempts, but the call failed: "
                            + clients.explain(row.call().role(), failure).describe(), failure);
                }
                assertThat(answer).isNotBlank();
                List<JournalEntry> attempts = StubJournal.await(stub, row.call().path(), recovers.attempts());
                assertThat(attempts).as("requests that reached the stub").hasSize(recovers.attempts());
                assertThat(StubJournal.retryCounts(attempts)).as("X-Stainless-Retry-Count of each attempt")
                        .containsExactlyElementsOf(IntStream.range(0, recovers.attempts()).mapToObj(String::valueOf)
                                .toList());
                assertThat(attempts.get(attempts.size() - 1).status()).isEqualTo(200);
                for (int i = 1; i < attempts.size(); i++) {
                    assertThat(Duration.between(attempts.get(i - 1).timestamp(), attempts.get(i).timestamp()))
                            .as("wait before attempt %d (the gateway asked for %d ms)", i + 1, recovers.minGapMillis())
                            .isGreaterThanOrEqualTo(Duration.ofMillis(recovers.minGapMillis()));
                }
            } else if (row.outcome() instanceof Surfaces surfaces) {
                assertThat(failure).as("the call must fail").isNotNull();
                assertThat(failure).as("a client failure, not a test assertion").isNotInstanceOf(AssertionError.class);
                GatewayError error = clients.explain(row.call().role(), failure);
                assertThat(error.kind()).as(error.describe()).isEqualTo(surfaces.kind());
                assertThat(error.role()).contains(row.call().role());
                assertThat(error.gateway()).isEqualTo(GatewayKind.LITELLM);
                assertThat(baseUrl).startsWith(error.origin());
                if (surfaces.status() == 0) {
                    assertThat(error.status()).as(error.describe()).isEmpty();
                } else {
                    assertThat(error.status()).hasValue(surfaces.status());
                    assertThat(error.requestId()).as("x-litellm-call-id of the failed call").isPresent();
                }
                for (String part : surfaces.hintParts()) {
                    assertThat(error.hint()).as(error.describe()).contains(part);
                }
                if (surfaces.attempts() > 0) {
                    List<JournalEntry> attempts = StubJournal.await(stub, row.call().path(), surfaces.attempts());
                    assertThat(attempts).as("requests that reached the stub").hasSize(surfaces.attempts());
                    assertThat(StubJournal.retryCounts(attempts)).containsExactlyElementsOf(
                            IntStream.range(0, surfaces.attempts()).mapToObj(String::valueOf).toList());
                }
            }
        }
    }
}
