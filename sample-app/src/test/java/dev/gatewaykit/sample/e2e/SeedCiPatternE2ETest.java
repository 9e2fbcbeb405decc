package dev.gatewaykit.sample.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatewaykit.sample.e2e.AppHttp.Reply;
import dev.gatewaykit.stub.GatewayStub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static dev.gatewaykit.sample.e2e.ProblemAssertions.assertGatewayProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed's CI step copied literally: {@code cp .env.default .env}, then {@code OPENAI_INTERNAL_API_KEY} and
 * {@code OPENAI_INTERNAL_BASE_URL} appended. Only the internal route has a key: the app starts, search (embeddings)
 * works through the proxy, and the LLM and code routes answer at once with a problem naming {@code OPENAI_API_KEY}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = SeedCiPatternE2ETest.NoProcessEnvironment.class)
@DirtiesContext
class SeedCiPatternE2ETest extends RunningAppTest {

    static final String INTERNAL_KEY = TestKeys.create("internal");

    static final GatewayStub PROXY = E2EStubs.liteLlm(INTERNAL_KEY);

    @DynamicPropertySource
    static void dotenv(DynamicPropertyRegistry registry) {
        registry.add("openai.dotenv.directory", SeedCiPatternE2ETest::seedDotenv);
    }

    /** {@code cp .env.default .env; echo "OPENAI_INTERNAL_API_KEY=$SECRET" >> .env} (and the proxy URL). */
    private static String seedDotenv() {
        try {
            Path directory = Files.createTempDirectory("seed-ci");
            String copied = Files.readString(Path.of("..", ".env.default"));
            Files.writeString(directory.resolve(".env"), copied + "OPENAI_INTERNAL_API_KEY=" + INTERNAL_KEY
                    + "\nOPENAI_INTERNAL_BASE_URL=" + PROXY.baseUrl() + "\n");
            return directory.toString();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @AfterAll
    static void stopProxy() {
        PROXY.close();
    }

    @Test
    void embeddingsWorkAndTheRoutesWithoutAKeyFailAtOnceNamingTheVariable() {
        Reply search = this.http.postJson("/api/search", Map.of("query", "routes"));
        Reply ask = this.http.postJson("/api/ask", Map.of("question", "Anything?"));
        Reply code = this.http.postJson("/api/code", Map.of("task", "Anything."));

        assertThat(search.status()).as(search.toString()).isEqualTo(200);
        JsonNode problem = assertGatewayProblem(ask, 503, "NOT_CONFIGURED", "LLM");
        assertThat(problem.path("hint").asText()).contains("OPENAI_API_KEY");
        assertGatewayProblem(code, 503, "NOT_CONFIGURED", "CODEX");
        assertThat(PROXY.journal()).allSatisfy((entry) -> assertThat(entry.path()).endsWith("/embeddings"));
        assertThat(ask.body() + code.body()).doesNotContain(INTERNAL_KEY);
    }

    /** The process environment of CI may hold real keys; this test is about the .env file alone. */
    static class NoProcessEnvironment implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment()
                .getPropertySources()
                .replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                                Map.of()));
        }

    }

}
