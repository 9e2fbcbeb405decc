package dev.gatewaykit.hardening.secrets;

import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.gatewaykit.hardening.support.ClosedPort;
import dev.gatewaykit.hardening.support.Failures;
import dev.gatewaykit.hardening.support.PlantedKey;
import dev.gatewaykit.hardening.support.RoleCall;
import dev.gatewaykit.hardening.support.TestSettings;
import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.client.GatewayClients;
import dev.gatewaykit.sdk.doctor.Doctor;
import dev.gatewaykit.sdk.errors.GatewayError;
import dev.gatewaykit.sdk.errors.GatewayErrorKind;
import dev.gatewaykit.sdk.health.HealthResult;
import dev.gatewaykit.sdk.health.RouteHealthProbe;
import dev.gatewaykit.sdk.settings.GatewaySettings;
import dev.gatewaykit.sdk.settings.GatewaySettingsException;
import dev.gatewaykit.stub.GatewayStub;
import dev.gatewaykit.stub.StubMode;
import dev.gatewaykit.stub.journal.JournalEntry;
import dev.gatewaykit.stub.keys.VirtualKey;
import dev.gatewaykit.stub.scripting.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Secret scan over the Spring-free product: keys generated at run time are configured as users configure them,
 * representative scenarios run (calls that work, rejected keys, denied models, rate limits, a proxy that is down,
 * invalid settings, the doctor), and everything visible is captured — console, java.util.logging and Logback
 * records, exception messages, {@code toString()}s and stack traces, health results, and both the stub's journal
 * objects and its journal JSON. No planted key, nor its hidden middle, may appear anywhere. Each scenario also
 * checks that the key was in play (its masked form shows up), so a pass is not an empty capture.
 */
class SdkSecretScanTest {

    private final PlantedKey virtual = PlantedKey.openAiStyle("virtual");
    private final PlantedKey internal = PlantedKey.openAiStyle("internal");
    private final PlantedKey master = PlantedKey.openAiStyle("master");
    private final PlantedKey wrong = PlantedKey.openAiStyle("unknown");
    private final PlantedKey limited = PlantedKey.openAiStyle("limited");
    private final PlantedKey broke = PlantedKey.openAiStyle("broke");
    private final PlantedKey portkey = PlantedKey.generate("portkey", "pk-planted-");
    private final PlantedKey wrongPortkey = PlantedKey.generate("portkey-unknown", "pk-planted-unknown-");
    private final PlantedKey proxyPassword = PlantedKey.generate("proxy-password", "pw-planted-");
    private final PlantedKey failover = PlantedKey.openAiStyle("failover");
    private final PlantedKey wrongFailover = PlantedKey.openAiStyle("failover-unknown");
    private final List<PlantedKey> all = List.of(virtual, internal, master, wrong, limited, broke, portkey,
            wrongPortkey, proxyPassword, failover, wrongFailover);

    private final ScannedStubs stubs = new ScannedStubs();
    private LeakWitness witness;

    @BeforeEach
    void capture() {
        witness = LeakWitness.start();
    }

    @AfterEach
    void release() {
        stubs.scanAndClose(witness, all);
    }

    private GatewayStub litellm(VirtualKey... keys) {
        GatewayStub stub = GatewayStub.builder().mode(StubMode.LITELLM).masterKey(master.value())
                .virtualKeys(List.of(keys)).start();
        stubs.add(stub);
        return stub;
    }

    @Test
    void successfulCallsOnEveryRoleShowOnlyMaskedKeys() {
        GatewayStub proxy = litellm(VirtualKey.builder(virtual.value()).build());
        GatewayStub internalProxy = litellm(VirtualKey.builder(internal.value()).build());
        GatewaySettings settings = TestSettings.variables()
                .set("OPENAI_BASE_URL", proxy.baseUrl())
                .set("OPENAI_API_KEY", virtual.value())
                .set("OPENAI_INTERNAL_BASE_URL", internalProxy.baseUrl())
                .set("OPENAI_INTERNAL_API_KEY", internal.value())
                .set("OPENAI_GATEWAY", "litellm")
                .resolve();
        witness.saw("settings", settings);
        witness.saw("routing table", settings.routingTable());
        settings.routes().values().forEach(route -> witness.saw("route", route));
        witness.saw("warnings", settings.warnings());
        try (GatewayClients clients = GatewayClients.create(settings)) {
            for (RoleCall call : RoleCall.values()) {
                witness.saw("answer " + call, call.run(clients, "secret scan " + call));
            }
            witness.saw("clients", clients);
            RouteHealthProbe probe = new RouteHealthProbe(clients.http().okHttpClient());
            for (Role role : Role.values()) {
                HealthResult health = probe.probe(settings.route(role));
                assertThat(health.up()).as(health.toString()).isTrue();
                witness.saw("health " + role, health);
            }
        }
        assertThat(proxy.journal()).extracting(JournalEntry::key).containsOnly(virtual.stubMasked(), null);
        assertThat(internalProxy.journal()).extracting(JournalEntry::key).containsOnly(internal.stubMasked(), null);
        assertThat(witness.all()).contains(virtual.masked(), internal.masked());
    }

    @Test
    void rejectedKeyDeniedModelSpentBudgetAndRateLimitShowOnlyMaskedKeys() {
        GatewayStub proxy = litellm(
                VirtualKey.builder(limited.value()).models(RoleCall.CHAT_MODEL).build(),
                VirtualKey.builder(broke.value()).maxBudget(0.0).build(),
                VirtualKey.builder(virtual.value()).build());
        record Case(PlantedKey key, String model, GatewayErrorKind kind, int status) {
        }
        List<Case> cases = List.of(
                new Case(wrong, RoleCall.CHAT_MODEL, GatewayErrorKind.AUTHENTICATION, 401),
                new Case(limited, "gpt-4.1", GatewayErrorKind.MODEL_NOT_ALLOWED, 403),
                new Case(broke, RoleCall.CHAT_MODEL, GatewayErrorKind.BUDGET_EXCEEDED, 429));
        for (Case c : cases) {
            try (GatewayClients clients = GatewayClients.create(TestSettings.variables()
                    .set("OPENAI_BASE_URL", proxy.baseUrl()).set("OPENAI_API_KEY", c.key().value())
                    .set("OPENAI_GATEWAY", "litellm").set("OPENAI_MAX_RETRIES", "0").resolve())) {
                Throwable failure = Failures.thrownBy(() -> clients.llm().chat().completions().create(
                        ChatCompletionCreateParams.builder().model(c.model()).addUserMessage("secret scan").build()));
                GatewayError error = clients.explain(Role.LLM, failure);
                assertThat(error.kind()).as(error.describe()).isEqualTo(c.kind());
                assertThat(error.status()).hasValue(c.status());
                witness.sawException("openai-java exception for " + c.kind(), failure);
                witness.saw("gateway error " + c.kind(), error);
                witness.saw("gateway error hint " + c.kind(), error.hint());
            }
        }
        // A rate limit injected by the proxy, with retries so the retry path runs too.
        proxy.fault(Fault.builder().path("/chat/completions").status(429).header("retry-after-ms", "1").build());
        try (GatewayClients clients = GatewayClients.create(TestSettings.variables()
                .set("OPENAI_BASE_URL", proxy.baseUrl()).set("OPENAI_API_KEY", virtual.value())
                .set("OPENAI_GATEWAY", "litellm").resolve())) {
            Throwable failure = Failures.thrownBy(() -> RoleCall.CHAT_STREAM.run(clients, "secret scan 429"));
            GatewayError error = clients.explain(Role.LLM, failure);
            assertThat(error.kind()).isEqualTo(GatewayErrorKind.RATE_LIMITED);
            witness.sawException("openai-java exception for 429", failure);
            witness.saw("gateway error 429", error);
        }
        assertThat(witness.all()).contains(wrong.masked(), limited.masked(), broke.masked());
    }

    @Test
    void upstreamEchoingThePresentedKeyIsMaskedInTheExplainedError() {
        Throwable failure = callAgainstAnUpstreamThatEchoesTheKey((clients, thrown) -> {
            GatewayError error = clients.explain(Role.LLM, thrown);
            assertThat(error.kind()).isEqualTo(GatewayErrorKind.AUTHENTICATION);
            witness.saw("gateway error", error);
            witness.saw("gateway error message", error.message());
        });
        assertThat(failure).isNotNull();
        assertThat(witness.all()).contains(wrong.masked());
    }

    @Test
    void upstreamEchoingThePresentedKeyIsMaskedInTheExceptionTheClientThrows() {
        // What an application logs is usually the exception itself (log.error("call failed", e)), not the explained
        // error: its message, toString and stack trace must be masked too.
        Throwable failure = callAgainstAnUpstreamThatEchoesTheKey((clients, thrown) -> { });
        witness.sawException("exception thrown by the LLM client", failure);
        assertThat(witness.all()).contains("Received API Key");
    }

    /**
     * Some LiteLLM releases quote the presented key in their 401 message ("Received API Key = …"): the stub answers
     * like them, with the full key in the body.
     */
    private Throwable callAgainstAnUpstreamThatEchoesTheKey(
            BiConsumer<GatewayClients, Throwable> inspect) {
        GatewayStub proxy = litellm(VirtualKey.builder(virtual.value()).build());
        proxy.fault(Fault.builder().path("/chat/completions").status(401).body("{\"error\":{\"message\":"
                + "\"Authentication Error, Invalid proxy server token passed. Received API Key = " + wrong.value()
                + "\",\"type\":\"auth_error\",\"param\":\"None\",\"code\":\"401\"}}").build());
        try (GatewayClients clients = GatewayClients.create(TestSettings.variables()
                .set("OPENAI_BASE_URL", proxy.baseUrl()).set("OPENAI_API_KEY", wrong.value())
                .set("OPENAI_GATEWAY", "litellm").set("OPENAI_MAX_RETRIES", "0").resolve())) {
            Throwable failure = Failures.thrownBy(() -> RoleCall.CHAT.run(clients, "echo"));
            inspect.accept(clients, failure);
            return failure;
        }
    }

    @Test
    void proxyDownShowsOnlyMaskedKeys() {
        GatewaySettings settings = TestSettings.variables()
                .set("OPENAI_BASE_URL", ClosedPort.baseUrl()).set("OPENAI_API_KEY", virtual.value())
                .set("OPENAI_GATEWAY", "litellm").set("OPENAI_MAX_RETRIES", "0").resolve();
        try (GatewayClients clients = GatewayClients.create(settings)) {
            for (RoleCall call : RoleCall.values()) {
                Throwable failure = Failures.thrownBy(() -> call.run(clients, "down"));
                GatewayError error = clients.explain(call.role(), failure);
                assertThat(error.kind()).isEqualTo(GatewayErrorKind.UNREACHABLE);
                witness.sawException("connection refused " + call, failure);
                witness.saw("gateway error " + call, error);
            }
            RouteHealthProbe probe = new RouteHealthProbe(clients.http().okHttpClient());
            HealthResult health = probe.probe(settings.route(Role.LLM));
            assertThat(health.up()).isFalse();
            witness.saw("health", health);
        }
        assertThat(witness.all()).contains("UNREACHABLE");
    }

    @Test
    void invalidSettingsNameTheVariableButShowOnlyMaskedKeys() {
        List<Map<String, String>> invalid = List.of(
                Map.of("OPENAI_BASE_URL", "http://litellm:4000/v1", "OPENAI_API_KEY", "Bearer " + virtual.value()),
                Map.of("OPENAI_BASE_URL", "http://litellm:4000/v1", "OPENAI_API_KEY", virtual.value() + " \t"
                        + internal.value()),
                Map.of("OPENAI_BASE_URL", "http://litellm:4000/v1/v1", "OPENAI_API_KEY", virtual.value(),
                        "OPENAI_INTERNAL_BASE_URL", "http://other:4000/v1"),
                Map.of("OPENAI_BASE_URL", "https://api.portkey.ai", "PORTKEY_API_KEY", portkey.value(),
                        "OPENAI_API_KEY", virtual.value()),
                Map.of("OPENAI_BASE_URL", "http://litellm:4000/v1", "OPENAI_API_KEY", virtual.value(),
                        "OPENAI_PROXY_HOST", "proxy.internal", "OPENAI_PROXY_PORT", "not-a-port",
                        "OPENAI_PROXY_USERNAME", "svc", "OPENAI_PROXY_PASSWORD", proxyPassword.value()));
        for (Map<String, String> variables : invalid) {
            GatewaySettingsException failure = (GatewaySettingsException) Failures.thrownBy(
                    () -> TestSettings.variables().setAll(variables).resolve());
            assertThat(failure.problems()).isNotEmpty();
            witness.sawException("settings exception", failure);
            failure.problems().forEach(p -> witness.saw("problem", p + " / " + p.describe()));
        }
        // Valid but warned about: a key sent over plain http to a remote host, a proxy with a password.
        GatewaySettings warned = TestSettings.variables().set("OPENAI_BASE_URL", "http://litellm.example.com/v1")
                .set("OPENAI_API_KEY", virtual.value()).set("OPENAI_PROXY_HOST", "proxy.internal")
                .set("OPENAI_PROXY_USERNAME", "svc").set("OPENAI_PROXY_PASSWORD", proxyPassword.value())
                .resolve();
        assertThat(warned.warnings()).isNotEmpty();
        witness.saw("warnings", warned.warnings());
        witness.saw("settings with proxy", warned);
        witness.saw("proxy", warned.proxy());
        witness.saw("routing table", warned.routingTable());
        assertThat(witness.all()).contains("OPENAI_API_KEY", virtual.masked());
    }

    @Test
    void doctorReportShowsOnlyMaskedKeys() {
        GatewayStub proxy = litellm(VirtualKey.builder(virtual.value()).build());
        ByteArrayOutputStream healthy = new ByteArrayOutputStream();
        int ok = Doctor.run(TestSettings.variables().set("OPENAI_BASE_URL", proxy.baseUrl())
                .set("OPENAI_API_KEY", virtual.value()).set("OPENAI_INTERNAL_BASE_URL", ClosedPort.baseUrl())
                .set("OPENAI_INTERNAL_API_KEY", internal.value()).set("PORTKEY_CONFIG", "pc-test")
                .set("OPENAI_GATEWAY", "litellm").sources(),
                new PrintStream(healthy, true, StandardCharsets.UTF_8));
        String report = healthy.toString(StandardCharsets.UTF_8);
        witness.saw("doctor report, internal route down", report);
        assertThat(ok).isEqualTo(Doctor.PROBLEMS);
        assertThat(report).contains("UP", "DOWN", virtual.masked());

        ByteArrayOutputStream broken = new ByteArrayOutputStream();
        int bad = Doctor.run(TestSettings.variables().set("OPENAI_BASE_URL", proxy.baseUrl() + "/chat/completions")
                .set("OPENAI_API_KEY", "Bearer " + virtual.value()).set("PORTKEY_API_KEY", portkey.value())
                .set("OPENAI_GATEWAY", "litellm").sources(),
                new PrintStream(broken, true, StandardCharsets.UTF_8));
        String badReport = broken.toString(StandardCharsets.UTF_8);
        witness.saw("doctor report, invalid settings", badReport);
        assertThat(bad).isEqualTo(Doctor.PROBLEMS);
        assertThat(badReport).contains("OPENAI_API_KEY", "OPENAI_BASE_URL");
    }

    @Test
    void portkeyCallsAndRejectedPortkeyKeyShowOnlyMaskedKeys() {
        GatewayStub gateway = GatewayStub.builder().mode(StubMode.PORTKEY).masterKey(portkey.value()).start();
        stubs.add(gateway);
        for (PlantedKey key : List.of(portkey, wrongPortkey)) {
            GatewaySettings settings = TestSettings.variables().set("OPENAI_BASE_URL", gateway.baseUrl())
                    .set("OPENAI_GATEWAY", "portkey").set("PORTKEY_PRODUCT", "cloud")
                    .set("PORTKEY_API_KEY", key.value())
                    .set("PORTKEY_PROVIDER", "openai").set("OPENAI_MAX_RETRIES", "0").resolve();
            witness.saw("portkey settings", settings);
            witness.saw("portkey routing table", settings.routingTable());
            try (GatewayClients clients = GatewayClients.create(settings)) {
                for (RoleCall call : List.of(RoleCall.EMBEDDINGS, RoleCall.CHAT_STREAM, RoleCall.RESPONSES)) {
                    if (key == portkey) {
                        witness.saw("portkey answer", call.run(clients, "portkey secret scan"));
                    } else {
                        Throwable failure = Failures.thrownBy(() -> call.run(clients, "portkey secret scan"));
                        GatewayError error = clients.explain(call.role(), failure);
                        assertThat(error.kind()).as(error.describe()).isEqualTo(GatewayErrorKind.AUTHENTICATION);
                        witness.sawException("portkey rejection " + call, failure);
                        witness.saw("portkey gateway error " + call, error);
                    }
                }
            }
        }
        assertThat(gateway.journal()).isNotEmpty();
        assertThat(StubAdmin.journalJson(gateway)).contains(portkey.stubMasked());
    }

    @Test
    void failoverSwitchLogStatusAndRejectedFailoverKeyShowOnlyMaskedKeys() {
        GatewayStub proxy = litellm(VirtualKey.builder(virtual.value()).build());
        GatewayStub direct = GatewayStub.builder().mode(StubMode.OPENAI).masterKey(failover.value()).start();
        stubs.add(direct);
        proxy.fault(Fault.builder().path("/chat/completions").status(503).build());
        for (PlantedKey failoverKey : List.of(failover, wrongFailover)) {
            GatewaySettings settings = TestSettings.variables().set("OPENAI_BASE_URL", proxy.baseUrl())
                    .set("OPENAI_API_KEY", virtual.value()).set("OPENAI_GATEWAY", "litellm")
                    .set("OPENAI_FAILOVER_ENABLED", "true").set("OPENAI_FAILOVER_BASE_URL", direct.baseUrl())
                    .set("OPENAI_FAILOVER_API_KEY", failoverKey.value())
                    .set("OPENAI_FAILOVER_FAILURE_THRESHOLD", "1").resolve();
            witness.saw("failover settings", settings);
            witness.saw("failover routing table", settings.routingTable());
            witness.saw("failover of the LLM route", settings.route(Role.LLM).failover());
            try (GatewayClients clients = GatewayClients.create(settings)) {
                if (failoverKey == failover) {
                    witness.saw("answer via failover", RoleCall.CHAT.run(clients, "failover secret scan"));
                } else {
                    Throwable failure = Failures.thrownBy(() -> RoleCall.CHAT.run(clients, "failover secret scan"));
                    GatewayError error = clients.explain(Role.LLM, failure);
                    witness.sawException("rejected failover key", failure);
                    witness.saw("explained rejected failover key", error);
                }
                witness.saw("failover status", clients.failoverStatuses());
            }
        }
        assertThat(direct.journal()).extracting(JournalEntry::key)
                .containsExactly(failover.stubMasked(), wrongFailover.stubMasked());
        assertThat(witness.all()).contains("OpenAI gateway failover", failover.masked());
    }
}
