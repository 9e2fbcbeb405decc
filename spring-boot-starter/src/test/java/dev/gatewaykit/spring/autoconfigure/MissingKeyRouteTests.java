package dev.gatewaykit.spring.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.embeddings.EmbeddingCreateParams;
import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.client.GatewayClients;
import dev.gatewaykit.sdk.errors.GatewayErrorKind;
import dev.gatewaykit.sdk.errors.GatewayException;
import dev.gatewaykit.sdk.settings.GatewaySettingsException;
import dev.gatewaykit.spring.autoconfigure.health.OpenAIGatewayHealthContributorAutoConfiguration;
import dev.gatewaykit.spring.settings.FakeProcessEnvironment;
import dev.gatewaykit.stub.GatewayStub;
import dev.gatewaykit.stub.StubMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The seed's CI step: {@code cp .env.default .env} and append the internal key (and the proxy URL). The public route
 * has no key, and the application must still start: one warning, health UNKNOWN with the reason, and the first LLM
 * call failing at once with a typed error, while embeddings work.
 */
@ExtendWith(OutputCaptureExtension.class)
class MissingKeyRouteTests {

    private static final String INTERNAL_KEY = "sk-test-internal-" + UUID.randomUUID().toString().replace("-", "");

    private static GatewayStub proxy;

    @TempDir
    Path dotenvDirectory;

    @BeforeAll
    static void startProxy() {
        proxy = GatewayStub.builder().mode(StubMode.LITELLM).start();
    }

    @BeforeEach
    void resetProxy() {
        proxy.reset();
    }

    @AfterAll
    static void stopProxy() {
        proxy.close();
    }

    private ApplicationContextRunner seedCiPattern(String... properties) throws IOException {
        String dotenvDefault = Files.readString(Path.of("..", ".env.default"));
        Files.writeString(this.dotenvDirectory.resolve(".env"), dotenvDefault + "\nOPENAI_INTERNAL_API_KEY="
                + INTERNAL_KEY + "\nOPENAI_INTERNAL_BASE_URL=" + proxy.baseUrl() + "\n");
        return new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(OpenAIGatewayAutoConfiguration.class,
                    OpenAIGatewayHealthContributorAutoConfiguration.class))
            .withInitializer(FakeProcessEnvironment.of())
            .withPropertyValues("openai.dotenv.directory=" + this.dotenvDirectory,
                    "management.health.gateway.cache-ttl=0s")
            .withPropertyValues(properties);
    }

    @Test
    void appStartsEmbeddingsWorkAndTheLlmCallFailsAtOnceNamingTheVariable(CapturedOutput output)
            throws IOException {
        seedCiPattern().run((context) -> {
            assertThat(context).hasNotFailed();
            GatewayClients clients = context.getBean(GatewayClients.class);

            assertThat(clients.embeddings()
                .embeddings()
                .create(EmbeddingCreateParams.builder().model("text-embedding-3-small").input("ci").build())
                .data()).hasSize(1);
            Throwable failure = catchThrowable(() -> clients.llm()
                .chat()
                .completions()
                .create(ChatCompletionCreateParams.builder().model("gpt-4o-mini").addUserMessage("hi").build()));

            assertThat(failure).isInstanceOfSatisfying(GatewayException.class, (e) -> {
                assertThat(e.error().kind()).isEqualTo(GatewayErrorKind.NOT_CONFIGURED);
                assertThat(e.getMessage()).contains("OPENAI_API_KEY");
            });
            assertThat(proxy.journal()).extracting((entry) -> entry.path()).containsExactly("/v1/embeddings");
        });
        assertThat(output.getOut().lines().filter((line) -> line.contains("WARN")
                && line.contains("OPENAI_API_KEY"))).singleElement()
            .satisfies((line) -> assertThat(line).contains("LLM, CODEX have no key"));
        assertThat(output).doesNotContain(INTERNAL_KEY);
    }

    @Test
    void healthReportsTheRouteWithoutAKeyAsUnknownWithTheReason() throws IOException {
        seedCiPattern().run((context) -> {
            CompositeHealthContributor gateway = context.getBean("gatewayRoutesHealthContributor",
                    CompositeHealthContributor.class);
            Health llm = ((HealthIndicator) gateway.getContributor("llm")).health();
            Health embeddings = ((HealthIndicator) gateway.getContributor("embeddings")).health();

            assertThat(llm.getStatus()).isEqualTo(Status.UNKNOWN);
            assertThat(llm.getDetails()).containsEntry("variable", "OPENAI_API_KEY");
            assertThat(String.valueOf(llm.getDetails().get("reason"))).contains("no key");
            assertThat(String.valueOf(llm.getDetails().get("fix"))).contains("OPENAI_API_KEY");
            assertThat(embeddings.getStatus()).isEqualTo(Status.UP);
        });
    }

    @Test
    void requireKeysRestoresTheStartupFailure() throws IOException {
        seedCiPattern("openai.require-keys=true").run((context) -> assertThat(context).hasFailed()
            .getFailure()
            .rootCause()
            .isInstanceOf(GatewaySettingsException.class)
            .hasMessageContaining("OPENAI_API_KEY"));
        seedCiPattern("openai.require-keys=embeddings")
            .run((context) -> assertThat(context).hasNotFailed());
    }

}
