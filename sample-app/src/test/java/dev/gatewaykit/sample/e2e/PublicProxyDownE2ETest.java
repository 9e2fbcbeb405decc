package dev.gatewaykit.sample.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
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
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Embeddings work, but nothing listens at {@code OPENAI_BASE_URL}: the LLM call is UNREACHABLE (503), the hint says
 * how to check the proxy, and health shows the public routes down and the internal one up.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
class PublicProxyDownE2ETest extends RunningAppTest {

    static final String INTERNAL_KEY = TestKeys.create("internal");

    static final GatewayStub INTERNAL = E2EStubs.liteLlm(INTERNAL_KEY, "text-embedding-3-small");

    static final String CLOSED_ORIGIN = "http://127.0.0.1:" + closedPort();

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        GatewayProperties.liteLlmRoutes(registry, INTERNAL::baseUrl, () -> INTERNAL_KEY, () -> CLOSED_ORIGIN + "/v1",
                () -> TestKeys.create("public"));
        // Retrying a refused connection only delays the same answer; retries are the sdk's to test.
        registry.add("openai.max-retries", () -> "0");
    }

    @AfterAll
    static void stopStub() {
        INTERNAL.close();
    }

    @Test
    void embeddingsWorkButLlmIsUnreachableWhenThePublicProxyIsDown() {
        Reply search = this.http.postJson("/api/search", Map.of("query", "routes"));
        Reply ask = this.http.postJson("/api/ask", Map.of("question", "Is the proxy up?"));

        assertThat(search.status()).as(search.toString()).isEqualTo(200);
        JsonNode problem = assertGatewayProblem(ask, 503, "UNREACHABLE", "LLM");
        assertThat(problem.path("origin").asText()).isEqualTo(CLOSED_ORIGIN);
        assertThat(problem.has("upstreamStatus")).isFalse();
        assertThat(problem.path("hint").asText()).contains("is the proxy running")
            .contains(CLOSED_ORIGIN + "/health/liveliness")
            .contains("Routes differ");
    }

    @Test
    void healthShowsThePublicRoutesDownAndTheInternalOneUp() {
        Reply health = this.http.get("/actuator/health/gateway");

        assertThat(health.status()).as(health.toString()).isEqualTo(503);
        JsonNode routes = health.json().path("components").path("gatewayRoutes").path("components");
        assertThat(routes.path("embeddings").path("status").asText()).isEqualTo("UP");
        assertThat(routes.path("llm").path("status").asText()).isEqualTo("DOWN");
        assertThat(routes.path("codex").path("status").asText()).isEqualTo("DOWN");
        assertThat(routes.path("llm").path("details").path("error").asText()).isEqualTo("UNREACHABLE");
    }

    @Test
    void aDownProxyLeavesTheApplicationsOwnHealthUp() {
        Reply root = this.http.get("/actuator/health");

        assertThat(root.status()).as(root.toString()).isEqualTo(200);
        assertThat(root.json().path("status").asText()).isEqualTo("UP");
        assertThat(root.json().path("components").has("gatewayRoutes")).isFalse();
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

}
