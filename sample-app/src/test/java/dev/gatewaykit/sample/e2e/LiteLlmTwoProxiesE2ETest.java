package dev.gatewaykit.sample.e2e;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatewaykit.sample.e2e.AppHttp.Reply;
import dev.gatewaykit.stub.keys.KeyMask;
import dev.gatewaykit.stub.GatewayStub;
import dev.gatewaykit.stub.journal.JournalEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed's deployment: embeddings through an internal LiteLLM proxy whose virtual key allows only the embedding
 * model, chat and code through a public LiteLLM proxy whose key allows only the chat and code models. Configured
 * with the same variables a user sets ({@code OPENAI_INTERNAL_BASE_URL} and friends, as Spring properties).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
class LiteLlmTwoProxiesE2ETest extends RunningAppTest {

    static final String INTERNAL_KEY = TestKeys.create("internal");

    static final String PUBLIC_KEY = TestKeys.create("public");

    static final GatewayStub INTERNAL = E2EStubs.liteLlm(INTERNAL_KEY, "text-embedding-3-small");

    static final GatewayStub PUBLIC = E2EStubs.liteLlm(PUBLIC_KEY, "gpt-4o-mini", "gpt-4.1-mini");

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        GatewayProperties.liteLlmRoutes(registry, INTERNAL::baseUrl, () -> INTERNAL_KEY, PUBLIC::baseUrl,
                () -> PUBLIC_KEY);
    }

    @AfterAll
    static void stopStubs() {
        INTERNAL.close();
        PUBLIC.close();
    }

    @BeforeEach
    void resetStubs() {
        INTERNAL.reset();
        PUBLIC.reset();
    }

    @Test
    void searchGoesOnlyToTheInternalProxyWithTheInternalKey() {
        Reply reply = this.http.postJson("/api/search", Map.of("query", "virtual keys", "k", 2));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().path("hits")).hasSize(2);
        assertThat(INTERNAL.journal()).isNotEmpty().allSatisfy((entry) -> {
            assertThat(entry.path()).isEqualTo("/v1/embeddings");
            assertThat(entry.key()).isEqualTo(KeyMask.mask(INTERNAL_KEY));
            assertThat(entry.status()).isEqualTo(200);
        });
        assertThat(PUBLIC.journal()).isEmpty();
    }

    @Test
    void askRetrievesThroughTheInternalProxyAndAnswersThroughThePublicOne() {
        Reply reply = this.http.postJson("/api/ask", Map.of("question", "Which URL do embeddings use?"));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().path("answer").asText()).isEqualTo("Echo: Which URL do embeddings use?");
        assertThat(paths(INTERNAL)).containsOnly("/v1/embeddings");
        assertThat(PUBLIC.journal()).singleElement().satisfies((entry) -> {
            assertThat(entry.path()).isEqualTo("/v1/chat/completions");
            assertThat(entry.key()).isEqualTo(KeyMask.mask(PUBLIC_KEY));
            assertThat(entry.model()).isEqualTo("gpt-4o-mini");
            assertThat(entry.status()).isEqualTo(200);
        });
    }

    @Test
    void askStreamRelaysThePublicProxysStream() {
        Reply reply = this.http.stream("Why float?");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        List<AppHttp.Event> events = reply.events();
        assertThat(events).extracting(AppHttp.Event::name).contains("delta").endsWith("done");
        assertThat(PUBLIC.journal()).singleElement()
            .satisfies((entry) -> assertThat(entry.key()).isEqualTo(KeyMask.mask(PUBLIC_KEY)));
    }

    @Test
    void codeGoesOnlyToThePublicProxyWithThePublicKey() {
        Reply reply = this.http.postJson("/api/code", Map.of("task", "Parse an int safely."));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().path("code").asText()).isEqualTo("Echo: Parse an int safely.");
        assertThat(INTERNAL.journal()).isEmpty();
        assertThat(PUBLIC.journal()).singleElement().satisfies((entry) -> {
            assertThat(entry.path()).isEqualTo("/v1/responses");
            assertThat(entry.key()).isEqualTo(KeyMask.mask(PUBLIC_KEY));
            assertThat(entry.model()).isEqualTo("gpt-4.1-mini");
        });
    }

    @Test
    void healthProbesEachProxysLivelinessEndpoint() {
        Reply reply = this.http.get("/actuator/health/gateway");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonNode routes = reply.json().path("components").path("gatewayRoutes").path("components");
        assertThat(routes.path("embeddings").path("status").asText()).isEqualTo("UP");
        assertThat(routes.path("embeddings").path("details").path("url").asText())
            .isEqualTo(INTERNAL.origin() + "/health/liveliness");
        assertThat(routes.path("llm").path("details").path("url").asText())
            .isEqualTo(PUBLIC.origin() + "/health/liveliness");
        assertThat(routes.path("codex").path("status").asText()).isEqualTo("UP");
    }

    private static List<String> paths(GatewayStub stub) {
        return stub.journal().stream().map(JournalEntry::path).toList();
    }

}
