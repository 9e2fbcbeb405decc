package dev.gatewaykit.sample.e2e;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatewaykit.sample.e2e.AppHttp.Reply;
import dev.gatewaykit.stub.GatewayStub;
import dev.gatewaykit.stub.StubMode;
import dev.gatewaykit.stub.keys.VirtualKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed's troubleshooting case: {@code OPENAI_INTERNAL_BASE_URL} points at the proxy that knows the key, so
 * embeddings work, while {@code OPENAI_BASE_URL} points at another proxy that does not know {@code OPENAI_API_KEY},
 * so every LLM call fails. The app must say so in its problem+json, not just "401".
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
class RoutesDifferE2ETest {

    static final String INTERNAL_KEY = TestKeys.create("internal");

    static final String UNKNOWN_KEY = TestKeys.create("unknown");

    static final GatewayStub INTERNAL = GatewayStub.builder()
        .mode(StubMode.LITELLM)
        .port(0)
        .virtualKey(VirtualKey.builder(INTERNAL_KEY).models("text-embedding-3-small").build())
        .start();

    // Another proxy, with keys of its own: the app's public key is not one of them.
    static final GatewayStub OTHER = GatewayStub.builder()
        .mode(StubMode.LITELLM)
        .port(0)
        .virtualKey(VirtualKey.builder(TestKeys.create("other")).build())
        .start();

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        registry.add("openai.dotenv.enabled", () -> "false");
        registry.add("openai.gateway", () -> "litellm");
        registry.add("openai.internal-base-url", INTERNAL::baseUrl);
        registry.add("openai.internal-api-key", () -> INTERNAL_KEY);
        registry.add("openai.base-url", OTHER::baseUrl);
        registry.add("openai.api-key", () -> UNKNOWN_KEY);
    }

    @AfterAll
    static void stopStubs() {
        INTERNAL.close();
        OTHER.close();
    }

    @LocalServerPort
    int port;

    AppHttp http;

    @BeforeEach
    void setUp() {
        this.http = new AppHttp(this.port);
    }

    @Test
    void embeddingsWorkButLlmFailsWhenRoutesDiffer() {
        Reply search = this.http.postJson("/api/search", Map.of("query", "routes"));
        Reply ask = this.http.postJson("/api/ask", Map.of("question", "Why does chat fail?"));

        assertThat(search.status()).as(search.toString()).isEqualTo(200);
        assertThat(ask.status()).as(ask.toString()).isEqualTo(502);
        assertThat(ask.contentType()).startsWith("application/problem+json");
        JsonNode problem = ask.json();
        assertThat(problem.path("kind").asText()).isEqualTo("AUTHENTICATION");
        assertThat(problem.path("role").asText()).isEqualTo("LLM");
        assertThat(problem.path("gateway").asText()).isEqualTo("litellm");
        assertThat(problem.path("origin").asText()).isEqualTo(OTHER.origin());
        assertThat(problem.path("upstreamStatus").asInt()).isEqualTo(401);
        assertThat(problem.path("requestId").asText()).isNotBlank();
        assertThat(problem.path("type").asText()).isEqualTo("urn:gatewaykit:gateway-error:authentication");
        assertThat(problem.path("hint").asText()).contains("Routes differ")
            .contains("OPENAI_INTERNAL_BASE_URL")
            .contains("OPENAI_BASE_URL")
            .contains(INTERNAL.origin());
        assertThat(ask.body()).doesNotContain(UNKNOWN_KEY).doesNotContain(INTERNAL_KEY);
    }

    @Test
    void streamFailsBeforeItStartsWithTheSameProblem() {
        Reply stream = this.http.stream("Why does chat fail?");

        assertThat(stream.status()).as(stream.toString()).isEqualTo(502);
        assertThat(stream.contentType()).startsWith("application/problem+json");
        assertThat(stream.json().path("kind").asText()).isEqualTo("AUTHENTICATION");
        assertThat(stream.json().path("hint").asText()).contains("Routes differ");
    }

    @Test
    void codeFailsTooBecauseItSharesThePublicRoute() {
        Reply code = this.http.postJson("/api/code", Map.of("task", "Anything."));

        assertThat(code.status()).as(code.toString()).isEqualTo(502);
        assertThat(code.json().path("kind").asText()).isEqualTo("AUTHENTICATION");
        assertThat(code.json().path("role").asText()).isEqualTo("CODEX");
    }

}
