package dev.gatewaykit.spring.autoconfigure;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.openai.client.OpenAIClient;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.embeddings.EmbeddingCreateParams;
import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.stub.keys.KeyMask;
import dev.gatewaykit.sdk.client.SharedHttpClient;
import dev.gatewaykit.sdk.credentials.Credential;
import dev.gatewaykit.sdk.credentials.CredentialClients;
import dev.gatewaykit.sdk.GatewayKind;
import dev.gatewaykit.sdk.settings.GatewaySettings;
import dev.gatewaykit.sdk.settings.Secrets;
import dev.gatewaykit.spring.settings.FakeProcessEnvironment;
import dev.gatewaykit.stub.GatewayStub;
import dev.gatewaykit.stub.StubMode;
import dev.gatewaykit.stub.journal.JournalEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Named credentials from {@code openai.credentials.<name>.*}: one {@link CredentialClients} bean on the shared pool
 * whose clients carry each credential's key to that credential's gateway only (the stubs' journals are the
 * witnesses), and a readable startup failure for bad credential settings.
 */
@ExtendWith(OutputCaptureExtension.class)
class CredentialClientsConfigurationTests {

    private static final String GLOBAL_KEY = testKey("global");

    private static final String BILLING_KEY = testKey("billing");

    private static final String SEARCH_KEY = testKey("search");

    private static GatewayStub billing;

    private static GatewayStub search;

    @TempDir
    Path emptyDotenvDirectory;

    private static String testKey(String purpose) {
        return "sk-test-" + purpose + "-" + UUID.randomUUID().toString().replace("-", "");
    }

    @BeforeAll
    static void startStubs() {
        billing = GatewayStub.builder().mode(StubMode.LITELLM).port(0).start();
        search = GatewayStub.builder().mode(StubMode.OPENAI).port(0).start();
    }

    @AfterAll
    static void stopStubs() {
        billing.close();
        search.close();
    }

    @BeforeEach
    void resetStubs() {
        billing.reset();
        search.reset();
    }

    private ApplicationContextRunner runner(String... environment) {
        return new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(OpenAIGatewayAutoConfiguration.class))
            .withInitializer(FakeProcessEnvironment.of(environment))
            .withPropertyValues("openai.dotenv.directory=" + this.emptyDotenvDirectory,
                    "openai.base-url=http://litellm.internal:4000", "openai.api-key=" + GLOBAL_KEY);
    }

    private static void chat(OpenAIClient client) {
        client.chat().completions().create(ChatCompletionCreateParams.builder().model("gpt-4o-mini")
            .addUserMessage("who pays?").build());
    }

    @Test
    void eachCredentialsCallsReachItsGatewayWithItsKeyOnly() {
        runner().withPropertyValues("openai.credentials.billing.base-url=" + billing.baseUrl(),
                "openai.credentials.billing.api-key=" + BILLING_KEY,
                "openai.credentials.billing.headers.X-Team=billing",
                "openai.credentials.search.base-url=" + search.baseUrl(),
                "openai.credentials.search.api-key=" + SEARCH_KEY, "openai.credentials.search.gateway=openai")
            .run((context) -> {
                assertThat(context).hasNotFailed().hasSingleBean(CredentialClients.class);
                CredentialClients credentials = context.getBean(CredentialClients.class);
                assertThat(credentials.names()).containsExactly("billing", "search");
                assertThat(credentials.settings("search").orElseThrow().route(Role.LLM).gateway())
                    .isEqualTo(GatewayKind.OPENAI);

                chat(credentials.client("billing", Role.LLM));
                credentials.client("search", Role.EMBEDDINGS).embeddings().create(EmbeddingCreateParams.builder()
                    .model("text-embedding-3-small").input("find me").build());

                JournalEntry billed = single(billing.journal());
                assertThat(billed.path()).isEqualTo("/v1/chat/completions");
                assertThat(billed.key()).isEqualTo(KeyMask.mask(BILLING_KEY));
                assertThat(billed.headers()).containsEntry("x-team", "billing");
                JournalEntry searched = single(search.journal());
                assertThat(searched.path()).isEqualTo("/v1/embeddings");
                assertThat(searched.key()).isEqualTo(KeyMask.mask(SEARCH_KEY));
                assertThat(searched.headers()).doesNotContainKey("x-team");
            });
    }

    @Test
    void credentialsBindFromEnvironmentVariables() {
        runner("OPENAI_CREDENTIALS_BILLING_BASE_URL", billing.baseUrl(), "OPENAI_CREDENTIALS_BILLING_API_KEY",
                BILLING_KEY)
            .run((context) -> {
                assertThat(context).hasNotFailed();
                chat(context.getBean(CredentialClients.class).client("billing", Role.LLM));
                assertThat(single(billing.journal()).key()).isEqualTo(KeyMask.mask(BILLING_KEY));
            });
    }

    @Test
    void credentialClientsShareThePoolAndCloseWithTheContext() {
        CredentialClients[] closedLater = new CredentialClients[1];
        runner().withPropertyValues("openai.credentials.billing.base-url=" + billing.baseUrl(),
                "openai.credentials.billing.api-key=" + BILLING_KEY)
            .run((context) -> {
                CredentialClients credentials = context.getBean(CredentialClients.class);
                assertThat(credentials.clients("billing").http()).isSameAs(context.getBean(SharedHttpClient.class));
                closedLater[0] = credentials;
            });
        assertThatIllegalStateException().isThrownBy(() -> closedLater[0].client("billing", Role.LLM))
            .withMessageContaining("closed");
    }

    @Test
    void withoutCredentialsTheBeanIsEmptyAndAcceptsProgrammaticOnes() {
        runner().run((context) -> {
            CredentialClients credentials = context.getBean(CredentialClients.class);
            assertThat(credentials.names()).isEmpty();
            chat(credentials.forCredential(Credential.of("adhoc", billing.baseUrl(), BILLING_KEY)).llm());
            assertThat(single(billing.journal()).key()).isEqualTo(KeyMask.mask(BILLING_KEY));
        });
    }

    @Test
    void userCredentialClientsBeanWins() {
        runner().withPropertyValues("openai.credentials.billing.base-url=" + billing.baseUrl(),
                "openai.credentials.billing.api-key=" + BILLING_KEY)
            .withUserConfiguration(UserCredentials.class)
            .run((context) -> assertThat(context.getBeansOfType(CredentialClients.class)).containsOnlyKeys("mine"));
    }

    @Test
    void startupLogNamesEachCredentialWithItsKeyMasked(CapturedOutput output) {
        runner().withPropertyValues("openai.credentials.billing.base-url=" + billing.baseUrl(),
                "openai.credentials.billing.api-key=" + BILLING_KEY)
            .run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(output).contains("OpenAI gateway credentials: billing -> generic " + billing.baseUrl()
                        + " (key " + Secrets.mask(BILLING_KEY) + ")")
                    .doesNotContain(BILLING_KEY);
            });
    }

    @Test
    void credentialGatewayTakesTheSdksIdsWithAutoDetectingFromTheHost() {
        runner().withPropertyValues("openai.credentials.billing.base-url=" + billing.baseUrl(),
                "openai.credentials.billing.api-key=" + BILLING_KEY, "openai.credentials.billing.gateway=auto",
                "openai.credentials.search.base-url=" + search.baseUrl(),
                "openai.credentials.search.api-key=" + SEARCH_KEY, "openai.credentials.search.gateway=LiteLLM")
            .run((context) -> {
                assertThat(context).hasNotFailed();
                CredentialClients credentials = context.getBean(CredentialClients.class);
                assertThat(credentials.settings("billing").orElseThrow().route(Role.LLM).gateway())
                    .isEqualTo(GatewayKind.GENERIC);
                assertThat(credentials.settings("search").orElseThrow().route(Role.LLM).gateway())
                    .isEqualTo(GatewayKind.LITELLM);
            });
    }

    @Test
    void unknownCredentialGatewayIsReportedByTheSettingsChecksNamingTheProperty() {
        runner().withPropertyValues("openai.credentials.billing.base-url=" + billing.baseUrl(),
                "openai.credentials.billing.api-key=" + BILLING_KEY, "openai.credentials.billing.gateway=kong")
            .run((context) -> {
                assertThat(context).hasFailed();
                var analysis = new GatewaySettingsFailureAnalyzer().analyze(context.getStartupFailure());
                assertThat(analysis).isNotNull();
                assertThat(analysis.getDescription()).contains("openai.credentials.billing.gateway = 'kong'");
            });
    }

    @Test
    void invalidCredentialsFailStartupNamingTheirPropertiesWithKeysMasked() {
        runner().withPropertyValues("openai.credentials.billing.base-url=http://litellm-billing:4000/v1/v1",
                "openai.credentials.billing.api-key=Bearer " + BILLING_KEY,
                "openai.credentials.search.api-key=" + SEARCH_KEY)
            .run((context) -> {
                assertThat(context).hasFailed();
                var analysis = new GatewaySettingsFailureAnalyzer().analyze(context.getStartupFailure());
                assertThat(analysis).isNotNull();
                assertThat(analysis.getDescription()).contains("(3 problems)")
                    .contains("openai.credentials.billing.base-url = 'http://litellm-billing:4000/v1/v1'")
                    .contains("openai.credentials.billing.api-key = '" + Secrets.mask("Bearer " + BILLING_KEY) + "'")
                    .contains("openai.credentials.search.base-url = (not set)")
                    .contains("OPENAI_CREDENTIALS_SEARCH_BASE_URL");
                assertThat(analysis.getAction()).contains("openai.credentials.billing.base-url: ")
                    .contains("openai.credentials.search.base-url: ")
                    .doesNotContain(".env");
                for (String secret : List.of(BILLING_KEY, SEARCH_KEY, GLOBAL_KEY)) {
                    assertThat(analysis.getDescription()).doesNotContain(secret);
                    assertThat(analysis.getAction()).doesNotContain(secret);
                }
            });
    }

    private static JournalEntry single(List<JournalEntry> journal) {
        assertThat(journal).hasSize(1);
        return journal.get(0);
    }

    @Configuration(proxyBeanMethods = false)
    static class UserCredentials {

        @Bean(destroyMethod = "close")
        CredentialClients mine(GatewaySettings settings, SharedHttpClient http) {
            return CredentialClients.builder(settings, http).credentials(Map.of()).build();
        }

    }

}
