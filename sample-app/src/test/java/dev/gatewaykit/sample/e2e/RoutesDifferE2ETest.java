package dev.gatewaykit.sample.e2e;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatewaykit.sample.e2e.AppHttp.Reply;
import dev.gatewaykit.stub.GatewayStub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static dev.gatewaykit.sample.e2e.ProblemAssertions.assertGatewayProblem;
import static dev.gatewaykit.sample.e2e.ProblemAssertions.assertProblemJson;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed's troubleshooting case: {@code OPENAI_INTERNAL_BASE_URL} points at the proxy that knows the key, so
 * embeddings work, while {@code OPENAI_BASE_URL} points at another proxy that does not know {@code OPENAI_API_KEY},
 * so every LLM call fails. The app must say so in its problem+json, not just "401".
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
class RoutesDifferE2ETest extends RunningAppTest {

    static final String INTERNAL_KEY = TestKeys.create("internal");

    static final String UNKNOWN_KEY = TestKeys.create("unknown");

    static final GatewayStub INTERNAL = E2EStubs.liteLlm(INTERNAL_KEY, "text-embedding-3-small");

    // Another proxy, with keys of its own: the app's public key is not one of them.
    static final GatewayStub OTHER = E2EStubs.liteLlm(TestKeys.create("other"));

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        GatewayProperties.liteLlmRoutes(registry, INTERNAL::baseUrl, () -> INTERNAL_KEY, OTHER::baseUrl,
                () -> UNKNOWN_KEY);
    }

    @AfterAll
    static void stopStubs() {
        INTERNAL.close();
        OTHER.close();
    }

    @Test
    void embeddingsWorkButLlmFailsWhenRoutesDiffer() {
        Reply search = this.http.postJson("/api/search", Map.of("query", "routes"));
        Reply ask = this.http.postJson("/api/ask", Map.of("question", "Why does chat fail?"));

        assertThat(search.status()).as(search.toString()).isEqualTo(200);
        JsonNode problem = assertGatewayProblem(ask, 502, "AUTHENTICATION", "LLM");
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

        JsonNode problem = assertProblemJson(stream, 502);
        assertThat(problem.path("kind").asText()).isEqualTo("AUTHENTICATION");
        assertThat(problem.path("hint").asText()).contains("Routes differ");
    }

    @Test
    void codeFailsTooBecauseItSharesThePublicRoute() {
        Reply code = this.http.postJson("/api/code", Map.of("task", "Anything."));

        assertThat(code.status()).as(code.toString()).isEqualTo(502);
        assertThat(code.json().path("kind").asText()).isEqualTo("AUTHENTICATION");
        assertThat(code.json().path("role").asText()).isEqualTo("CODEX");
    }

}
