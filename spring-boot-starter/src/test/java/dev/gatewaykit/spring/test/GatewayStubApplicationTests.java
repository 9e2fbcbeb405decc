package dev.gatewaykit.spring.test;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.client.OpenAIClient;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.EmbeddingCreateParams;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.stub.keys.KeyMask;
import dev.gatewaykit.sdk.GatewayKind;
import dev.gatewaykit.sdk.settings.GatewaySettings;
import dev.gatewaykit.sdk.settings.Secrets;
import dev.gatewaykit.spring.GatewayClient;
import dev.gatewaykit.stub.GatewayStub;
import dev.gatewaykit.stub.journal.JournalEntry;
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
 * A web application with the starter and {@link AutoConfigureGatewayStub}: real clients, real HTTP, the stub's
 * journal as the witness.
 */
@SpringBootTest(classes = StubTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "management.endpoints.web.exposure.include=health,configprops,env",
                "management.endpoint.health.show-details=always", "management.endpoint.configprops.show-values=always",
                "management.endpoint.env.show-values=always", "management.health.gateway.cache-ttl=0s",
                "management.endpoint.health.probes.enabled=true",
                "openai.dotenv.enabled=false", "openai.base-url=https://api.openai.com/v1" })
@AutoConfigureGatewayStub
class GatewayStubApplicationTests {

    private static final String CONFIGURED_PUBLIC_KEY = "sk-test-configured-" + UUID.randomUUID();

    private static final String CONFIGURED_INTERNAL_KEY = "sk-test-configured-internal-" + UUID.randomUUID();

    @DynamicPropertySource
    static void configuredKeys(DynamicPropertyRegistry registry) {
        registry.add("openai.api-key", () -> CONFIGURED_PUBLIC_KEY);
        registry.add("openai.internal-api-key", () -> CONFIGURED_INTERNAL_KEY);
    }

    @Autowired
    GatewayStub stub;

    @Autowired
    GatewaySettings settings;

    @Autowired
    @GatewayClient(Role.EMBEDDINGS)
    OpenAIClient embeddings;

    @Autowired
    @GatewayClient(Role.CODEX)
    OpenAIClient codex;

    @Autowired
    OpenAIClient llm;

    @LocalServerPort
    int port;

    @BeforeEach
    void resetJournal() {
        this.stub.reset();
    }

    @Test
    void everyRoleIsPointedAtTheStubWithItsOwnFakeKey() {
        for (Role role : Role.values()) {
            assertThat(this.settings.route(role).baseUrl()).isEqualTo(this.stub.baseUrl());
            assertThat(this.settings.route(role).gateway()).isEqualTo(GatewayKind.LITELLM);
            assertThat(this.settings.route(role).apiKey().orElseThrow().reveal()).startsWith("sk-stub-"
                    + role.propertyName() + "-");
        }
    }

    @Test
    void eachClientReachesItsRouteWithItsKey() {
        CreateEmbeddingResponse vectors = this.embeddings.embeddings()
            .create(EmbeddingCreateParams.builder().model("text-embedding-3-small").input("hello gateway").build());
        ChatCompletion chat = this.llm.chat()
            .completions()
            .create(ChatCompletionCreateParams.builder().model("gpt-4o-mini").addUserMessage("say hi").build());
        Response code = this.codex.responses()
            .create(ResponseCreateParams.builder().model("gpt-4.1").input("write fizzbuzz").build());

        assertThat(vectors.data()).hasSize(1);
        assertThat(chat.choices()).isNotEmpty();
        assertThat(code.output()).isNotEmpty();

        List<JournalEntry> journal = this.stub.journal();
        assertThat(journal).extracting(JournalEntry::path)
            .containsExactlyInAnyOrder("/v1/embeddings", "/v1/chat/completions", "/v1/responses");
        assertThat(keyOn(journal, "/v1/embeddings")).isEqualTo(maskedKey(Role.EMBEDDINGS));
        assertThat(keyOn(journal, "/v1/chat/completions")).isEqualTo(maskedKey(Role.LLM));
        assertThat(keyOn(journal, "/v1/responses")).isEqualTo(maskedKey(Role.CODEX));
        assertThat(journal).extracting(JournalEntry::key)
            .doesNotHaveDuplicates()
            .doesNotContain(KeyMask.mask(CONFIGURED_PUBLIC_KEY), KeyMask.mask(CONFIGURED_INTERNAL_KEY));
    }

    @Test
    void stubJournalIsReadableOverItsAdminApi() throws Exception {
        this.llm.chat()
            .completions()
            .create(ChatCompletionCreateParams.builder().model("gpt-4o-mini").addUserMessage("journal me").build());
        ActuatorHttp.Reply reply = new ActuatorHttp(this.stub.port()).get("/__stub/journal");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).contains("/v1/chat/completions")
            .contains(maskedKey(Role.LLM))
            .doesNotContain(this.settings.route(Role.LLM).apiKey().orElseThrow().reveal());
    }

    @Test
    void healthShowsEachRoleUp() throws Exception {
        ActuatorHttp.Reply reply = new ActuatorHttp(this.port).get("/actuator/health/gateway");
        assertThat(reply.status()).isEqualTo(200);
        JsonNode gateway = reply.json();
        assertThat(gateway.path("status").asText()).isEqualTo("UP");
        for (Role role : Role.values()) {
            JsonNode component = gateway.path("components").path("gatewayRoutes").path("components").path(role.propertyName());
            assertThat(component.path("status").asText()).as(role.name()).isEqualTo("UP");
            assertThat(component.path("details").path("url").asText()).as(role.name())
                .isEqualTo(this.stub.origin() + "/health/liveliness");
        }
        // LiteLLM health: liveliness says the proxy is up, the keyed model list proves the route's key; never /health
        assertThat(this.stub.journal()).extracting(JournalEntry::path).containsOnly("/health/liveliness", "/v1/models");
    }

    @Test
    @DirtiesContext(methodMode = DirtiesContext.MethodMode.AFTER_METHOD)
    void healthTurnsDownWhenTheStubStops() throws Exception {
        ActuatorHttp actuator = new ActuatorHttp(this.port);
        assertThat(actuator.get("/actuator/health/gateway").json().path("status").asText()).isEqualTo("UP");
        this.stub.close();
        ActuatorHttp.Reply reply = actuator.get("/actuator/health/gateway");
        assertThat(reply.status()).isEqualTo(503);
        JsonNode gateway = reply.json();
        assertThat(gateway.path("status").asText()).isEqualTo("DOWN");
        for (Role role : Role.values()) {
            JsonNode component = gateway.path("components").path("gatewayRoutes").path("components").path(role.propertyName());
            assertThat(component.path("status").asText()).as(role.name()).isEqualTo("DOWN");
            assertThat(component.path("details").path("error").asText()).as(role.name()).isEqualTo("UNREACHABLE");
            assertThat(component.path("details").path("hint").asText()).as(role.name()).isNotBlank();
        }
        assertThat(reply.body()).doesNotContain("sk-stub-");
        // The routes have their own group: a dead proxy does not turn the application's health, liveness or
        // readiness into 503.
        ActuatorHttp.Reply root = actuator.get("/actuator/health");
        assertThat(root.status()).as(root.body()).isEqualTo(200);
        assertThat(root.json().path("components").has("gatewayRoutes")).isFalse();
        assertThat(actuator.get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(actuator.get("/actuator/health/readiness").status()).isEqualTo(200);
    }

    @Test
    void configpropsAndEnvNeverShowAKey() throws Exception {
        ActuatorHttp actuator = new ActuatorHttp(this.port);
        ActuatorHttp.Reply configprops = actuator.get("/actuator/configprops");
        assertThat(configprops.status()).isEqualTo(200);
        assertThat(configprops.body()).contains("\"prefix\":\"openai\"")
            .doesNotContain(CONFIGURED_PUBLIC_KEY)
            .doesNotContain(CONFIGURED_INTERNAL_KEY);
        ActuatorHttp.Reply env = actuator.get("/actuator/env");
        assertThat(env.status()).isEqualTo(200);
        assertThat(env.body()).contains(Secrets.mask(CONFIGURED_INTERNAL_KEY))
            .contains(Secrets.mask(CONFIGURED_PUBLIC_KEY))
            .doesNotContain(CONFIGURED_PUBLIC_KEY)
            .doesNotContain(CONFIGURED_INTERNAL_KEY);
        for (Role role : Role.values()) {
            String key = this.settings.route(role).apiKey().orElseThrow().reveal();
            assertThat(configprops.body()).doesNotContain(key);
            assertThat(env.body()).doesNotContain(key);
        }
    }

    /** The key of a role as the stub's journal shows it. */
    private String maskedKey(Role role) {
        return KeyMask.mask(this.settings.route(role).apiKey().orElseThrow().reveal());
    }

    private static String keyOn(List<JournalEntry> journal, String path) {
        return journal.stream().filter((entry) -> entry.path().equals(path)).findFirst().orElseThrow().key();
    }

}
