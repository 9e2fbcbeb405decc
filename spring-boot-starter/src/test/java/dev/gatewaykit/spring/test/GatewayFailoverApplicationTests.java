package dev.gatewaykit.spring.test;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.client.OpenAIClient;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.stub.keys.KeyMask;
import dev.gatewaykit.sdk.credentials.CredentialClients;
import dev.gatewaykit.sdk.settings.GatewaySettings;
import dev.gatewaykit.sdk.settings.Secrets;
import dev.gatewaykit.stub.GatewayStub;
import dev.gatewaykit.stub.StubMode;
import dev.gatewaykit.stub.journal.JournalEntry;
import dev.gatewaykit.stub.scripting.Fault;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failover and named credentials in a running web application: the proxy is the {@link AutoConfigureGatewayStub}
 * stub, the "direct provider" and a credential's gateway are stubs of their own. Switch-over is shown by the
 * journals and the health details, never by timing: the cool-down is far longer than the test.
 */
@SpringBootTest(classes = StubTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "management.endpoints.web.exposure.include=health,configprops,env,gateway",
                "management.endpoint.health.show-details=always", "management.endpoint.configprops.show-values=always",
                "management.endpoint.env.show-values=always", "management.health.gateway.cache-ttl=0s",
                "openai.dotenv.enabled=false", "openai.failover.enabled=true",
                "openai.failover.failure-threshold=2", "openai.failover.cool-down=1h" })
@AutoConfigureGatewayStub
class GatewayFailoverApplicationTests {

    private static final String FAILOVER_KEY = "sk-test-direct-" + UUID.randomUUID().toString().replace("-", "");

    private static final String CREDENTIAL_KEY = "sk-test-team-" + UUID.randomUUID().toString().replace("-", "");

    private static final GatewayStub direct = GatewayStub.builder().mode(StubMode.OPENAI).port(0).start();

    private static final GatewayStub team = GatewayStub.builder().mode(StubMode.LITELLM).port(0).start();

    @DynamicPropertySource
    static void failoverAndCredential(DynamicPropertyRegistry registry) {
        registry.add("openai.failover.base-url", direct::baseUrl);
        registry.add("openai.failover.api-key", () -> FAILOVER_KEY);
        registry.add("openai.credentials.team.base-url", team::baseUrl);
        registry.add("openai.credentials.team.api-key", () -> CREDENTIAL_KEY);
        registry.add("openai.credentials.team.gateway", () -> "litellm");
    }

    @AfterAll
    static void stopStubs() {
        direct.close();
        team.close();
    }

    @Autowired
    GatewayStub proxy;

    @Autowired
    GatewaySettings settings;

    @Autowired
    OpenAIClient llm;

    @Autowired
    CredentialClients credentials;

    @Autowired
    MeterRegistry meters;

    @LocalServerPort
    int port;

    @BeforeEach
    void resetStubs() {
        this.proxy.reset();
        direct.reset();
        team.reset();
    }

    @Test
    void healthShowsEachRoleOnItsProxyWithTheCircuitClosed() throws Exception {
        JsonNode gateway = new ActuatorHttp(this.port).get("/actuator/health/gateway").json();
        assertThat(gateway.path("status").asText()).isEqualTo("UP");
        for (Role role : Role.values()) {
            JsonNode details = gateway.path("components").path("gatewayRoutes").path("components").path(role.propertyName()).path("details");
            assertThat(details.path("servedBy").asText()).as(role.name()).isEqualTo("proxy");
            JsonNode failover = details.path("failover");
            assertThat(failover.path("state").asText()).as(role.name()).isEqualTo("CLOSED");
            assertThat(failover.path("activeOrigin").asText()).isEqualTo(this.proxy.origin());
            assertThat(failover.path("failoverOrigin").asText()).isEqualTo(direct.origin());
            assertThat(failover.path("consecutiveFailures").asInt()).isZero();
            assertThat(failover.path("since").asText()).isNotBlank();
        }
        assertThat(direct.journal()).isEmpty();
    }

    @Test
    @DirtiesContext(methodMode = DirtiesContext.MethodMode.AFTER_METHOD)
    void failingProxyOpensTheCircuitAndHealthReportsTheFailoverServing() throws Exception {
        this.proxy.fault(Fault.builder().status(503).build());

        ChatCompletion reply = this.llm.chat().completions().create(ChatCompletionCreateParams.builder()
            .model("openai/gpt-4o-mini").addUserMessage("are you there?").build());
        assertThat(reply.choices()).isNotEmpty();

        // The proxy saw the failing attempts with the proxy key; the direct origin saw the call once, with its own
        // key and the provider's model name; neither saw the other's key.
        String proxyKey = KeyMask.mask(this.settings.route(Role.LLM).apiKey().orElseThrow().reveal());
        List<JournalEntry> proxied = this.proxy.journal();
        assertThat(proxied).hasSize(2).allSatisfy((entry) -> {
            assertThat(entry.path()).isEqualTo("/v1/chat/completions");
            assertThat(entry.status()).isEqualTo(503);
            assertThat(entry.key()).isEqualTo(proxyKey);
        });
        assertThat(direct.journal()).singleElement().satisfies((entry) -> {
            assertThat(entry.path()).isEqualTo("/v1/chat/completions");
            assertThat(entry.status()).isEqualTo(200);
            assertThat(entry.key()).isEqualTo(KeyMask.mask(FAILOVER_KEY));
            assertThat(entry.model()).isEqualTo("gpt-4o-mini");
        });

        ActuatorHttp.Reply health = new ActuatorHttp(this.port).get("/actuator/health/gateway");
        JsonNode llm = health.json().path("components").path("gatewayRoutes").path("components").path("llm");
        assertThat(llm.path("status").asText()).isEqualTo("UP");
        JsonNode details = llm.path("details");
        assertThat(details.path("error").asText()).isNotBlank();
        assertThat(details.path("servedBy").asText()).isEqualTo("failover");
        assertThat(details.path("routing").asText()).contains("the proxy is down")
            .contains(direct.origin());
        assertThat(details.path("failover").path("state").asText()).isEqualTo("OPEN");
        assertThat(details.path("failover").path("activeOrigin").asText()).isEqualTo(direct.origin());
        assertThat(details.path("failover").path("consecutiveFailures").asInt()).isEqualTo(2);
        assertThat(details.path("failover").path("lastReason").asText()).contains("503");

        // The other roles made no call: their circuits are closed, so their calls would still go to the dead proxy.
        JsonNode embeddings = health.json().path("components").path("gatewayRoutes").path("components").path("embeddings");
        assertThat(embeddings.path("status").asText()).isEqualTo("DOWN");
        assertThat(embeddings.path("details").path("servedBy").asText()).isEqualTo("proxy");
        assertThat(embeddings.path("details").path("failover").path("state").asText()).isEqualTo("CLOSED");
        assertThat(health.status()).isEqualTo(503);

        // The probes went to the proxy only: health never bills or touches the failover origin.
        assertThat(this.proxy.journal()).extracting(JournalEntry::path).contains("/health/liveliness");
        assertThat(direct.journal()).hasSize(1);
        assertThat(health.body()).doesNotContain(FAILOVER_KEY).doesNotContain("sk-stub-");
    }

    @Test
    void credentialCallsReachTheCredentialsGatewayWithItsKeyAndNoFailover() {
        double before = credentialCallCount();
        this.credentials.client("team", Role.LLM).chat().completions().create(ChatCompletionCreateParams.builder()
            .model("gpt-4o-mini").addUserMessage("team call").build());
        assertThat(team.journal()).singleElement()
            .satisfies((entry) -> assertThat(entry.key()).isEqualTo(KeyMask.mask(CREDENTIAL_KEY)));
        assertThat(this.proxy.journal()).isEmpty();
        assertThat(direct.journal()).isEmpty();
        // The application's own registry (auto-configured by Spring Boot) records the credential's calls too.
        assertThat(credentialCallCount()).isEqualTo(before + 1);
    }

    private double credentialCallCount() {
        return this.meters.find("gen_ai.client.operation.duration")
            .tag("server.address", team.host())
            .tag("gateway.role", "llm")
            .tag("gateway.kind", "litellm")
            .tag("gen_ai.request.model", "gpt-4o-mini")
            .timers()
            .stream()
            .mapToDouble((timer) -> timer.count())
            .sum();
    }

    @Test
    void configpropsEnvAndTheGatewayEndpointNeverShowTheFailoverOrCredentialKeys() throws Exception {
        ActuatorHttp actuator = new ActuatorHttp(this.port);
        for (String endpoint : List.of("/actuator/configprops", "/actuator/env", "/actuator/gateway")) {
            ActuatorHttp.Reply reply = actuator.get(endpoint);
            assertThat(reply.status()).as(endpoint).isEqualTo(200);
            assertThat(reply.body()).as(endpoint).doesNotContain(FAILOVER_KEY).doesNotContain(CREDENTIAL_KEY);
        }
        // The credential is bound by the starter (configprops); the failover is resolved by the sdk (gateway).
        assertThat(actuator.get("/actuator/configprops").body()).contains(Secrets.mask(CREDENTIAL_KEY))
            .contains(team.baseUrl());
        assertThat(actuator.get("/actuator/env").body()).contains(Secrets.mask(FAILOVER_KEY))
            .contains(Secrets.mask(CREDENTIAL_KEY));
        JsonNode failover = actuator.get("/actuator/gateway").json().path("routes").path("llm").path("failover");
        assertThat(failover.path("apiKey").asText()).isEqualTo(Secrets.mask(FAILOVER_KEY));
        assertThat(failover.path("baseUrl").asText())
            .isEqualTo(this.settings.route(Role.LLM).failover().orElseThrow().baseUrl());
        assertThat(failover.path("failureThreshold").asInt()).isEqualTo(2);
    }

}
