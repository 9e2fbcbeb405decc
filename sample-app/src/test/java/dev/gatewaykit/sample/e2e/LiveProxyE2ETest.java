package dev.gatewaykit.sample.e2e;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatewaykit.sample.e2e.AppHttp.Reply;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app against a real LiteLLM proxy: {@code LITELLM_PROXY_URL} and {@code OPENAI_INTERNAL_API_KEY} from the
 * environment (CI: repository secrets). Tagged {@code live}: excluded from {@code ./mvnw verify}, run by
 * {@code ./mvnw -B -Plive verify}; without the variables the tests are skipped and say why (printed, and as the
 * skip reason in the report). Only the internal route
 * is required; the chat test also needs {@code OPENAI_LLM_MODEL}, a chat model the key may call.
 */
@Tag("live")
@EnabledIf(value = "liveProxyConfigured", disabledReason = LiveProxyE2ETest.SKIPPED)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
class LiveProxyE2ETest extends RunningAppTest {

    static final String PROXY_URL = System.getenv("LITELLM_PROXY_URL");

    static final String INTERNAL_KEY = System.getenv("OPENAI_INTERNAL_API_KEY");

    static final String LLM_MODEL = System.getenv("OPENAI_LLM_MODEL");

    static final String SKIPPED = "Live proxy tests skipped: set LITELLM_PROXY_URL and OPENAI_INTERNAL_API_KEY to"
            + " run them against a real LiteLLM proxy.";

    // A condition, not an assumption in a test: skipped tests never boot an app that has no proxy to talk to.
    static boolean liveProxyConfigured() {
        boolean configured = isSet(PROXY_URL) && isSet(INTERNAL_KEY);
        if (!configured) {
            System.out.println(SKIPPED + " (LITELLM_PROXY_URL " + (isSet(PROXY_URL) ? "is set" : "is not set")
                    + ", OPENAI_INTERNAL_API_KEY " + (isSet(INTERNAL_KEY) ? "is set" : "is not set") + ")");
        }
        return configured;
    }

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        registry.add("openai.gateway", () -> "litellm");
        registry.add("openai.internal-base-url", () -> PROXY_URL);
        registry.add("openai.internal-api-key", () -> INTERNAL_KEY);
        // The public route goes to the same proxy with the same key unless the environment says otherwise.
        registry.add("openai.base-url", () -> isSet(System.getenv("OPENAI_BASE_URL"))
                ? System.getenv("OPENAI_BASE_URL") : PROXY_URL);
        registry.add("openai.api-key", () -> isSet(System.getenv("OPENAI_API_KEY"))
                ? System.getenv("OPENAI_API_KEY") : INTERNAL_KEY);
    }

    @Test
    void embeddingsRouteIsHealthyOnTheRealProxy() {
        Reply reply = this.http.get("/actuator/health/gateway");

        JsonNode embeddings = reply.json().path("components").path("gatewayRoutes").path("components").path("embeddings");
        assertThat(embeddings.path("status").asText()).as(reply.toString()).isEqualTo("UP");
    }

    @Test
    void searchWorksThroughTheRealProxy() {
        Reply reply = this.http.postJson("/api/search", Map.of("query", "Which key does the internal route use?"));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonNode hits = reply.json().path("hits");
        assertThat(hits).hasSize(3);
        assertThat(hits.get(0).path("score").asDouble()).isGreaterThanOrEqualTo(hits.get(2).path("score").asDouble());
    }

    @Test
    void askWorksThroughTheRealProxy() {
        Assumptions.assumeTrue(isSet(LLM_MODEL),
                "Live chat test skipped: set OPENAI_LLM_MODEL to a chat model the key may call, e.g. openai/gpt-4o-mini.");
        Reply reply = this.http.postJson("/api/ask", Map.of("question", "Why are embeddings requested as float?"));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().path("answer").asText()).isNotBlank();
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

}
