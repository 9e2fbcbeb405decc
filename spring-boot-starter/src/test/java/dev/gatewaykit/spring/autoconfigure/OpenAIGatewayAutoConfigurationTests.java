package dev.gatewaykit.spring.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.client.GatewayClients;
import dev.gatewaykit.sdk.client.SharedHttpClient;
import dev.gatewaykit.sdk.GatewayKind;
import dev.gatewaykit.sdk.settings.ApiKey;
import dev.gatewaykit.sdk.settings.GatewaySettings;
import dev.gatewaykit.sdk.settings.GatewaySettingsException;
import dev.gatewaykit.sdk.settings.Setting;
import dev.gatewaykit.sdk.settings.SettingsSources;
import dev.gatewaykit.sdk.settings.RouteSettings;
import dev.gatewaykit.spring.GatewayClient;
import dev.gatewaykit.spring.settings.FakeProcessEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.MapPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's configuration behaviour: environment names, layering, per-role overrides, beans and back-off.
 */
@ExtendWith(OutputCaptureExtension.class)
class OpenAIGatewayAutoConfigurationTests {

    private static final String PUBLIC_KEY = testKey("public");

    private static final String INTERNAL_KEY = testKey("internal");

    private static final String CODEX_KEY = testKey("codex");

    private static final String PORTKEY_KEY = testKey("portkey");

    @TempDir
    Path emptyDotenvDirectory;

    private static String testKey(String purpose) {
        return "sk-test-" + purpose + "-" + UUID.randomUUID().toString().replace("-", "");
    }

    /** A runner with no process environment, no system properties and no .env files unless a test adds them. */
    private ApplicationContextRunner runner(FakeProcessEnvironment environment) {
        return new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(OpenAIGatewayAutoConfiguration.class))
            .withInitializer(environment)
            .withPropertyValues("openai.dotenv.directory=" + this.emptyDotenvDirectory);
    }

    private ApplicationContextRunner runner(String... environmentNamesAndValues) {
        return runner(FakeProcessEnvironment.of(environmentNamesAndValues));
    }

    // ---- environment names --------------------------------------------------------------------------------------

    record RouteExpectation(String baseUrl, String key, GatewayKind gateway) {

        static RouteExpectation keyed(String baseUrl, String key, GatewayKind gateway) {
            return new RouteExpectation(baseUrl, key, gateway);
        }

        static RouteExpectation keyless(String baseUrl, GatewayKind gateway) {
            return new RouteExpectation(baseUrl, null, gateway);
        }

    }

    static Stream<Arguments> environmentCases() {
        return Stream.of(
                Arguments.of("one LiteLLM proxy serves every role",
                        Map.of("OPENAI_BASE_URL", "http://litellm.internal:4000", "OPENAI_API_KEY", PUBLIC_KEY),
                        RouteExpectation.keyed("http://litellm.internal:4000", PUBLIC_KEY, GatewayKind.LITELLM),
                        RouteExpectation.keyed("http://litellm.internal:4000", PUBLIC_KEY, GatewayKind.LITELLM),
                        RouteExpectation.keyed("http://litellm.internal:4000", PUBLIC_KEY, GatewayKind.LITELLM)),
                Arguments.of("empty internal variables (as in .env.default) fall back to the public route",
                        Map.of("OPENAI_BASE_URL", "http://litellm.internal:4000/", "OPENAI_API_KEY", PUBLIC_KEY,
                                "OPENAI_INTERNAL_BASE_URL", "", "OPENAI_INTERNAL_API_KEY", "  ",
                                "OPENAI_EMBEDDINGS_BASE_URL", ""),
                        RouteExpectation.keyed("http://litellm.internal:4000", PUBLIC_KEY, GatewayKind.LITELLM),
                        RouteExpectation.keyed("http://litellm.internal:4000", PUBLIC_KEY, GatewayKind.LITELLM),
                        RouteExpectation.keyed("http://litellm.internal:4000", PUBLIC_KEY, GatewayKind.LITELLM)),
                Arguments.of("internal route through a proxy, public route to OpenAI",
                        Map.of("OPENAI_BASE_URL", "https://api.openai.com/v1", "OPENAI_API_KEY", PUBLIC_KEY,
                                "OPENAI_INTERNAL_BASE_URL", "http://litellm.internal:4000",
                                "OPENAI_INTERNAL_API_KEY", INTERNAL_KEY),
                        RouteExpectation.keyed("http://litellm.internal:4000", INTERNAL_KEY, GatewayKind.LITELLM),
                        RouteExpectation.keyed("https://api.openai.com/v1", PUBLIC_KEY, GatewayKind.OPENAI),
                        RouteExpectation.keyed("https://api.openai.com/v1", PUBLIC_KEY, GatewayKind.OPENAI)),
                Arguments.of("a role variable overrides one role only",
                        Map.of("OPENAI_BASE_URL", "http://litellm.internal:4000", "OPENAI_API_KEY", PUBLIC_KEY,
                                "OPENAI_CODEX_BASE_URL", "http://codex.litellm.internal:4000",
                                "OPENAI_CODEX_API_KEY", CODEX_KEY, "OPENAI_GATEWAY", "litellm"),
                        RouteExpectation.keyed("http://litellm.internal:4000", PUBLIC_KEY, GatewayKind.LITELLM),
                        RouteExpectation.keyed("http://litellm.internal:4000", PUBLIC_KEY, GatewayKind.LITELLM),
                        RouteExpectation.keyed("http://codex.litellm.internal:4000", CODEX_KEY, GatewayKind.LITELLM)),
                Arguments.of("PORTKEY_API_KEY (outside the openai. prefix) makes Portkey routes keyless",
                        Map.of("OPENAI_BASE_URL", "https://api.portkey.ai/v1", "PORTKEY_API_KEY", PORTKEY_KEY,
                                "OPENAI_API_KEY", ""),
                        RouteExpectation.keyless("https://api.portkey.ai/v1", GatewayKind.PORTKEY),
                        RouteExpectation.keyless("https://api.portkey.ai/v1", GatewayKind.PORTKEY),
                        RouteExpectation.keyless("https://api.portkey.ai/v1", GatewayKind.PORTKEY)),
                Arguments.of("OPENAI_GATEWAY overrides detection; auth=none sends no key",
                        Map.of("OPENAI_BASE_URL", "http://10.0.0.7:8000/v1", "OPENAI_GATEWAY", "generic",
                                "OPENAI_EMBEDDINGS_AUTH", "none", "OPENAI_LLM_AUTH", "none",
                                "OPENAI_CODEX_AUTH", "none"),
                        RouteExpectation.keyless("http://10.0.0.7:8000/v1", GatewayKind.GENERIC),
                        RouteExpectation.keyless("http://10.0.0.7:8000/v1", GatewayKind.GENERIC),
                        RouteExpectation.keyless("http://10.0.0.7:8000/v1", GatewayKind.GENERIC)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("environmentCases")
    void environmentVariablesConfigureTheRoutes(String situation, Map<String, String> environment,
            RouteExpectation embeddings, RouteExpectation llm, RouteExpectation codex) {
        Map<Role, RouteExpectation> expected = new EnumMap<>(Role.class);
        expected.put(Role.EMBEDDINGS, embeddings);
        expected.put(Role.LLM, llm);
        expected.put(Role.CODEX, codex);
        runner(FakeProcessEnvironment.of(environment)).run((context) -> {
            assertThat(context).hasNotFailed();
            GatewaySettings settings = context.getBean(GatewaySettings.class);
            expected.forEach((role, expectation) -> {
                RouteSettings route = settings.route(role);
                assertThat(route.baseUrl()).as("%s base URL", role).isEqualTo(expectation.baseUrl());
                assertThat(route.gateway()).as("%s gateway", role).isEqualTo(expectation.gateway());
                if (expectation.key() == null) {
                    assertThat(route.keyless()).as("%s keyless", role).isTrue();
                    assertThat(route.apiKey()).as("%s key", role).isEmpty();
                }
                else {
                    assertThat(route.apiKey().map(ApiKey::reveal)).as("%s key", role).contains(expectation.key());
                }
            });
        });
    }

    @Test
    void emptyEnvironmentVariableGivesWayToApplicationProperties() {
        runner("OPENAI_BASE_URL", "", "OPENAI_API_KEY", PUBLIC_KEY)
            .withInitializer((context) -> context.getEnvironment()
                .getPropertySources()
                .addLast(new MapPropertySource("application.yml",
                        Map.of("openai.base-url", "http://from-application-yml.litellm:4000"))))
            .run((context) -> {
                RouteSettings llm = context.getBean(GatewaySettings.class).route(Role.LLM);
                assertThat(llm.baseUrl()).isEqualTo("http://from-application-yml.litellm:4000");
                assertThat(llm.sources().get(Setting.RoleSetting.BASE_URL).layer()).isEqualTo("spring");
            });
    }

    @Test
    void environmentVariableOutsideThePrefixRanksAsSpringRanksTheEnvironment() {
        // Environment variables beat application.yml and lose to command-line/test properties, also for PORTKEY_*.
        ApplicationContextRunner portkey = runner("PORTKEY_CONFIG", "pc-from-env-123", "PORTKEY_API_KEY", PORTKEY_KEY,
                "OPENAI_BASE_URL", "https://api.portkey.ai/v1")
            .withInitializer((context) -> context.getEnvironment()
                .getPropertySources()
                .addLast(new MapPropertySource("application.yml",
                        Map.of("openai.portkey.config", "pc-from-yml-456", "openai.portkey.provider", "openai"))));
        portkey.run((context) -> {
            GatewaySettings settings = context.getBean(GatewaySettings.class);
            assertThat(settings.portkey().config()).contains("pc-from-env-123");
            assertThat(settings.portkey().provider()).contains("openai");
            assertThat(settings.portkey().apiKey().map(ApiKey::reveal)).contains(PORTKEY_KEY);
        });
        portkey.withPropertyValues("openai.portkey.config=pc-from-command-line-789")
            .run((context) -> assertThat(context.getBean(GatewaySettings.class).portkey().config())
                .contains("pc-from-command-line-789"));
    }

    // ---- layering with .env files -------------------------------------------------------------------------------

    static Stream<Arguments> layeringCases() {
        return Stream.of(
                Arguments.of("Spring property beats .env and .env.default", "http://spring.litellm:4000",
                        "http://dotenv.litellm:4000", "http://dotenv-default.litellm:4000",
                        "http://spring.litellm:4000", "spring"),
                Arguments.of(".env beats .env.default", null, "http://dotenv.litellm:4000",
                        "http://dotenv-default.litellm:4000", "http://dotenv.litellm:4000", ".env"),
                Arguments.of("empty Spring value lets .env apply", "", "http://dotenv.litellm:4000",
                        "http://dotenv-default.litellm:4000", "http://dotenv.litellm:4000", ".env"),
                Arguments.of("empty .env value lets .env.default apply", null, "",
                        "http://dotenv-default.litellm:4000", "http://dotenv-default.litellm:4000", ".env.default"),
                Arguments.of("nothing set: the built-in default", null, null, null, "https://api.openai.com/v1",
                        "default"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layeringCases")
    void springPropertiesBeatDotenvWhichBeatsDotenvDefault(String situation, String spring, String dotenv,
            String dotenvDefault, String expectedUrl, String expectedLayer, @TempDir Path directory)
            throws IOException {
        writeDotenv(directory.resolve(".env"), dotenv);
        writeDotenv(directory.resolve(".env.default"), dotenvDefault);
        Files.writeString(directory.resolve(".env.default"), "OPENAI_API_KEY=" + PUBLIC_KEY + "\n",
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        ApplicationContextRunner runner = runner().withPropertyValues("openai.dotenv.directory=" + directory);
        if (spring != null) {
            runner = runner.withPropertyValues("openai.base-url=" + spring);
        }
        runner.run((context) -> {
            RouteSettings llm = context.getBean(GatewaySettings.class).route(Role.LLM);
            assertThat(llm.baseUrl()).isEqualTo(expectedUrl);
            assertThat(llm.sources().get(Setting.RoleSetting.BASE_URL).layer()).isEqualTo(expectedLayer);
            assertThat(llm.apiKey().map(ApiKey::reveal)).contains(PUBLIC_KEY);
            assertThat(llm.sources().get(Setting.RoleSetting.API_KEY).layer()).isEqualTo(".env.default");
        });
    }

    @Test
    void dotenvFilesCanBeSwitchedOff(@TempDir Path directory) throws IOException {
        Files.writeString(directory.resolve(".env"), "OPENAI_BASE_URL=http://dotenv.litellm:4000\n");
        runner("OPENAI_API_KEY", PUBLIC_KEY)
            .withPropertyValues("openai.dotenv.directory=" + directory, "openai.dotenv.enabled=false")
            .run((context) -> assertThat(context.getBean(GatewaySettings.class).route(Role.LLM).baseUrl())
                .isEqualTo("https://api.openai.com/v1"));
    }

    private static void writeDotenv(Path file, String baseUrl) throws IOException {
        if (baseUrl != null) {
            Files.writeString(file, "OPENAI_BASE_URL=" + baseUrl + "\n");
        }
    }

    // ---- per-role overrides and headers -------------------------------------------------------------------------

    @Test
    void rolePropertiesOverrideTheRouteSettings() {
        runner().withPropertyValues("openai.base-url=http://litellm.internal:4000", "openai.api-key=" + PUBLIC_KEY,
                "openai.codex.base-url=http://codex.litellm.internal:4000", "openai.codex.api-key=" + CODEX_KEY,
                "openai.codex.model=openai/gpt-4.1", "openai.codex.timeout=45s",
                "openai.embeddings.model=text-embedding-3-small", "openai.llm.auth=none")
            .run((context) -> {
                GatewaySettings settings = context.getBean(GatewaySettings.class);
                RouteSettings codex = settings.route(Role.CODEX);
                assertThat(codex.baseUrl()).isEqualTo("http://codex.litellm.internal:4000");
                assertThat(codex.apiKey().map(ApiKey::reveal)).contains(CODEX_KEY);
                assertThat(codex.model()).contains("openai/gpt-4.1");
                assertThat(codex.timeout()).contains(Duration.ofSeconds(45));
                assertThat(settings.route(Role.EMBEDDINGS).model()).contains("text-embedding-3-small");
                assertThat(settings.route(Role.EMBEDDINGS).apiKey().map(ApiKey::reveal)).contains(PUBLIC_KEY);
                assertThat(settings.route(Role.LLM).keyless()).isTrue();
                assertThat(settings.route(Role.LLM).apiKey()).isEmpty();
            });
    }

    @Test
    void roleHeadersWinOverGlobalHeadersInEveryForm() {
        runner("OPENAI_CODEX_HEADERS", "X-Team=codex,X-Trace=on")
            .withPropertyValues("openai.api-key=" + PUBLIC_KEY, "openai.headers.X-Team=platform",
                    "openai.headers.X-Env=prod", "openai.llm.headers.X-Team=chat")
            .run((context) -> {
                assertThat(context).hasNotFailed();
                GatewaySettings settings = context.getBean(GatewaySettings.class);
                assertThat(settings.route(Role.EMBEDDINGS).headers()).containsEntry("X-Team", "platform")
                    .containsEntry("X-Env", "prod");
                assertThat(settings.route(Role.LLM).headers()).containsEntry("X-Team", "chat")
                    .containsEntry("X-Env", "prod")
                    .hasSize(2);
                assertThat(settings.route(Role.CODEX).headers()).containsEntry("X-Team", "codex")
                    .containsEntry("X-Trace", "on")
                    .containsEntry("X-Env", "prod")
                    .hasSize(3);
            });
    }

    @Test
    void modelMapsBindAsPropertiesWithBracketedKeysAndAsOneEnvironmentVariable() {
        runner("OPENAI_API_KEY", PUBLIC_KEY, "OPENAI_EMBEDDINGS_MODEL_MAP", "text-embedding-*=openai/text-embedding-*")
            .withPropertyValues("openai.llm.model-map[gpt-4o-mini]=@openai-prod/gpt-4o-mini",
                    "openai.codex.model-map[*]=openai/*")
            .run((context) -> {
                GatewaySettings settings = context.getBean(GatewaySettings.class);
                assertThat(settings.route(Role.LLM).modelMap())
                    .containsExactly(Map.entry("gpt-4o-mini", "@openai-prod/gpt-4o-mini"));
                assertThat(settings.route(Role.CODEX).modelMap()).containsExactly(Map.entry("*", "openai/*"));
                assertThat(settings.route(Role.EMBEDDINGS).modelMap())
                    .containsExactly(Map.entry("text-embedding-*", "openai/text-embedding-*"));
            });
    }

    @Test
    void listSettingsAcceptTheCommaFormAndIndexedEntries() {
        runner("OPENAI_LITELLM_TAGS", "search,batch")
            .withPropertyValues("openai.api-key=" + PUBLIC_KEY)
            .run((context) -> assertThat(context.getBean(GatewaySettings.class).litellm().tags())
                .containsExactly("search", "batch"));
        runner().withPropertyValues("openai.api-key=" + PUBLIC_KEY, "openai.litellm.tags[0]=search",
                "openai.litellm.tags[1]=nightly")
            .run((context) -> assertThat(context.getBean(GatewaySettings.class).litellm().tags())
                .containsExactly("search", "nightly"));
    }

    // ---- beans ---------------------------------------------------------------------------------------------------

    @Test
    void threeRoleClientsWithQualifiersAndLlmForPlainInjection() {
        runner("OPENAI_API_KEY", PUBLIC_KEY).withUserConfiguration(RoleClientConsumer.class).run((context) -> {
            assertThat(context).getBeans(OpenAIClient.class)
                .containsOnlyKeys("embeddingsOpenAIClient", "llmOpenAIClient", "codexOpenAIClient");
            GatewayClients clients = context.getBean(GatewayClients.class);
            RoleClientConsumer consumer = context.getBean(RoleClientConsumer.class);
            assertThat(consumer.embeddings).isSameAs(clients.embeddings());
            assertThat(consumer.llm).isSameAs(clients.llm());
            assertThat(consumer.codex).isSameAs(clients.codex());
            assertThat(consumer.plain).isSameAs(clients.llm());
            assertThat(context.getBean(OpenAIClient.class)).isSameAs(clients.llm());
            assertThat(clients.http()).isSameAs(context.getBean(SharedHttpClient.class));
            assertThat(clients.settings()).isSameAs(context.getBean(GatewaySettings.class));
            assertThat(context).hasSingleBean(PropertiesOpenAIGatewayConnectionDetails.class);
        });
    }

    @Test
    void userSettingsBeanIsUsedByTheClients() {
        // No layers below the builder's values: the test must not depend on the real environment.
        GatewaySettings own = GatewaySettings.builder()
            .sources(SettingsSources.of())
            .baseUrl("http://own.litellm:4000")
            .apiKey(PUBLIC_KEY)
            .build();
        runner().withBean(GatewaySettings.class, () -> own).run((context) -> {
            assertThat(context).hasSingleBean(GatewaySettings.class);
            assertThat(context.getBean(GatewaySettings.class)).isSameAs(own);
            assertThat(context.getBean(GatewayClients.class).settings()).isSameAs(own);
        });
    }

    @Test
    void userRoleClientReplacesOnlyThatRole() {
        runner("OPENAI_API_KEY", PUBLIC_KEY).withUserConfiguration(OwnLlmClient.class).run((context) -> {
            OpenAIClient own = context.getBean("llmOpenAIClient", OpenAIClient.class);
            assertThat(own).isNotSameAs(context.getBean(GatewayClients.class).llm());
            assertThat(context.getBean(OpenAIClient.class)).isSameAs(own);
            assertThat(context).getBeans(OpenAIClient.class).hasSize(3);
        });
    }

    @Test
    void userPrimaryClientWinsThePlainInjectionPoint() {
        runner("OPENAI_API_KEY", PUBLIC_KEY).withUserConfiguration(OwnPrimaryClient.class).run((context) -> {
            assertThat(context).getBeans(OpenAIClient.class).hasSize(4);
            assertThat(context.getBean(OpenAIClient.class)).isSameAs(context.getBean("myOpenAIClient"));
        });
    }

    @Test
    void userHttpClientAndGatewayClientsAreUsed() {
        runner("OPENAI_API_KEY", PUBLIC_KEY).withUserConfiguration(OwnHttpAndClients.class).run((context) -> {
            assertThat(context).hasSingleBean(SharedHttpClient.class).hasSingleBean(GatewayClients.class);
            GatewayClients clients = context.getBean(GatewayClients.class);
            assertThat(clients).isSameAs(context.getBean("ownGatewayClients"));
            assertThat(clients.http()).isSameAs(context.getBean("ownHttp"));
            assertThat(context.getBean("embeddingsOpenAIClient")).isSameAs(clients.embeddings());
        });
    }

    @Test
    void connectionDetailsBeanRedirectsEveryRoleAboveAllConfiguration() {
        String redirectedKey = testKey("redirected");
        OpenAIGatewayConnectionDetails redirect = new OpenAIGatewayConnectionDetails() {
            @Override
            public Optional<String> baseUrl(Role role) {
                return Optional.of("http://127.0.0.1:9/v1");
            }

            @Override
            public Optional<String> apiKey(Role role) {
                return (role == Role.CODEX) ? Optional.empty() : Optional.of(redirectedKey);
            }

            @Override
            public Optional<GatewayKind> gateway() {
                return Optional.of(GatewayKind.LITELLM);
            }
        };
        runner("OPENAI_BASE_URL", "http://127.0.0.1:9", "OPENAI_API_KEY", PUBLIC_KEY)
            .withPropertyValues("openai.llm.base-url=http://elsewhere.litellm:4000")
            .withBean(OpenAIGatewayConnectionDetails.class, () -> redirect)
            .run((context) -> {
                assertThat(context).doesNotHaveBean(PropertiesOpenAIGatewayConnectionDetails.class);
                GatewaySettings settings = context.getBean(GatewaySettings.class);
                for (Role role : Role.values()) {
                    RouteSettings route = settings.route(role);
                    assertThat(route.baseUrl()).isEqualTo("http://127.0.0.1:9/v1");
                    assertThat(route.gateway()).isEqualTo(GatewayKind.LITELLM);
                    // Named after what a reader recognises: the bean that supplied the value.
                    assertThat(route.sources().get(Setting.RoleSetting.BASE_URL).layer())
                        .isEqualTo("OpenAIGatewayConnectionDetails bean");
                }
                assertThat(settings.route(Role.LLM).apiKey().map(ApiKey::reveal)).contains(redirectedKey);
                // An empty key keeps the configured one (same origin as OPENAI_BASE_URL here).
                assertThat(settings.route(Role.CODEX).apiKey().map(ApiKey::reveal)).contains(PUBLIC_KEY);
            });
    }

    @Test
    void connectionDetailsNameTheirLayerInTheRoutingTable() {
        OpenAIGatewayConnectionDetails platform = new PlatformConnectionDetails();
        runner("OPENAI_API_KEY", PUBLIC_KEY).withBean(OpenAIGatewayConnectionDetails.class, () -> platform)
            .run((context) -> {
                GatewaySettings settings = context.getBean(GatewaySettings.class);
                assertThat(settings.route(Role.LLM).sources().get(Setting.RoleSetting.BASE_URL).layer())
                    .isEqualTo("PlatformConnectionDetails bean");
                assertThat(settings.routingTable()).contains("baseUrl=OPENAI_LLM_BASE_URL(PlatformConnectionDetails bean)")
                    .doesNotContain("connection-details");
            });
    }

    static final class PlatformConnectionDetails implements OpenAIGatewayConnectionDetails {

        @Override
        public Optional<String> baseUrl(Role role) {
            return Optional.of("http://platform.internal:4000/v1");
        }

        @Override
        public Optional<String> apiKey(Role role) {
            return Optional.of(PUBLIC_KEY);
        }

    }

    @Test
    void connectionDetailsThatMoveARoleWithoutItsKeyFailRatherThanSendTheKeyElsewhere() {
        OpenAIGatewayConnectionDetails urlOnly = (role) -> (role == Role.LLM) ? Optional.of("http://127.0.0.1:9/v1")
                : Optional.empty();
        runner("OPENAI_API_KEY", PUBLIC_KEY, "OPENAI_LLM_BASE_URL", "http://elsewhere.litellm:4000",
                "OPENAI_LLM_API_KEY", CODEX_KEY)
            .withBean(OpenAIGatewayConnectionDetails.class, () -> urlOnly)
            .run((context) -> {
                assertThat(context).hasFailed();
                var analysis = new GatewaySettingsFailureAnalyzer().analyze(context.getStartupFailure());
                assertThat(analysis.getDescription()).contains("OPENAI_LLM_API_KEY")
                    .contains("http://elsewhere.litellm:4000")
                    .contains("http://127.0.0.1:9")
                    .doesNotContain(CODEX_KEY);
                assertThat(analysis.getAction()).contains("OpenAIGatewayConnectionDetails.apiKey(LLM)");
            });
    }

    @Test
    void connectionDetailsThatMoveTheCommonBaseUrlWithoutTheRoleKeysFailRatherThanTakeTheConfiguredKey() {
        OpenAIGatewayConnectionDetails baseOnly = new OpenAIGatewayConnectionDetails() {
            @Override
            public Optional<String> baseUrl(Role role) {
                return Optional.empty();
            }

            @Override
            public Optional<String> baseUrl() {
                return Optional.of("http://127.0.0.1:9/v1");
            }
        };
        runner("OPENAI_BASE_URL", "https://proxy.corp.example/v1", "OPENAI_API_KEY", PUBLIC_KEY)
            .withBean(OpenAIGatewayConnectionDetails.class, () -> baseOnly)
            .run((context) -> assertThat(context).hasFailed()
                .getFailure()
                .rootCause()
                .hasMessageContaining("baseUrl()")
                .hasMessageContaining("apiKey(EMBEDDINGS)")
                .hasMessageContaining("OPENAI_API_KEY")
                .hasMessageNotContaining(PUBLIC_KEY));
    }

    @Test
    void connectionDetailsThatMoveTheCommonBaseUrlToPortkeyWithoutAPortkeyKeyFail() {
        OpenAIGatewayConnectionDetails portkey = new EverythingMoved(Optional.empty());
        runner("OPENAI_BASE_URL", "https://portkey.corp.example/v1", "OPENAI_GATEWAY", "portkey", "PORTKEY_API_KEY",
                INTERNAL_KEY)
            .withBean(OpenAIGatewayConnectionDetails.class, () -> portkey)
            .run((context) -> assertThat(context).hasFailed()
                .getFailure()
                .rootCause()
                .hasMessageContaining("portkeyApiKey()")
                .hasMessageContaining("PORTKEY_API_KEY")
                .hasMessageNotContaining(INTERNAL_KEY));
        OpenAIGatewayConnectionDetails litellm = new EverythingMoved(Optional.of(GatewayKind.LITELLM));
        runner("OPENAI_BASE_URL", "https://portkey.corp.example/v1", "PORTKEY_API_KEY", INTERNAL_KEY)
            .withBean(OpenAIGatewayConnectionDetails.class, () -> litellm)
            .run((context) -> {
                assertThat(context).hasNotFailed();
                GatewaySettings settings = context.getBean(GatewaySettings.class);
                assertThat(settings.route(Role.LLM).gateway()).isEqualTo(GatewayKind.LITELLM);
                assertThat(settings.route(Role.LLM).baseUrl()).isEqualTo("http://127.0.0.1:9/v1");
            });
    }

    /** Details that move the common base URL and every role, with a key for each role but no Portkey key. */
    static final class EverythingMoved implements OpenAIGatewayConnectionDetails {

        private static final Optional<String> URL = Optional.of("http://127.0.0.1:9/v1");

        private final Optional<GatewayKind> gateway;

        EverythingMoved(Optional<GatewayKind> gateway) {
            this.gateway = gateway;
        }

        @Override
        public Optional<String> baseUrl(Role role) {
            return URL;
        }

        @Override
        public Optional<String> baseUrl() {
            return URL;
        }

        @Override
        public Optional<String> apiKey(Role role) {
            return Optional.of(CODEX_KEY);
        }

        @Override
        public Optional<GatewayKind> gateway() {
            return this.gateway;
        }

    }

    @Test
    void defaultConnectionDetailsReportWhereEachRoleGoes() {
        runner("OPENAI_BASE_URL", "http://litellm.internal:4000", "OPENAI_API_KEY", PUBLIC_KEY).run((context) -> {
            OpenAIGatewayConnectionDetails details = context.getBean(OpenAIGatewayConnectionDetails.class);
            assertThat(details.baseUrl(Role.EMBEDDINGS)).contains("http://litellm.internal:4000");
            assertThat(details.apiKey(Role.CODEX)).contains(PUBLIC_KEY);
            assertThat(details.toString()).doesNotContain(PUBLIC_KEY);
        });
    }

    // ---- failures and logging ------------------------------------------------------------------------------------

    static Stream<Arguments> invalidSettings() {
        return Stream.of(
                Arguments.of("base URL ends with an endpoint",
                        new String[] { "OPENAI_BASE_URL", "http://litellm.internal:4000/v1/chat/completions",
                                "OPENAI_API_KEY", PUBLIC_KEY },
                        "OPENAI_BASE_URL (openai.base-url)"),
                Arguments.of("key pasted with 'Bearer '",
                        new String[] { "OPENAI_BASE_URL", "http://litellm.internal:4000", "OPENAI_API_KEY",
                                "Bearer " + PUBLIC_KEY },
                        "OPENAI_API_KEY (openai.api-key)"),
                Arguments.of("internal route on another origin without its key, keys required",
                        new String[] { "OPENAI_BASE_URL", "https://api.openai.com/v1", "OPENAI_API_KEY", PUBLIC_KEY,
                                "OPENAI_INTERNAL_BASE_URL", "http://litellm.internal:4000", "OPENAI_REQUIRE_KEYS",
                                "true" },
                        "OPENAI_INTERNAL_API_KEY (openai.internal-api-key)"),
                Arguments.of("Portkey cloud without /v1",
                        new String[] { "OPENAI_BASE_URL", "https://api.portkey.ai", "PORTKEY_API_KEY", PORTKEY_KEY },
                        "OPENAI_BASE_URL (openai.base-url)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSettings")
    void invalidSettingsFailWithAnalysisThatNamesTheVariableAndMasksKeys(String situation, String[] environment,
            String expectedName) {
        runner(environment).run((context) -> {
            assertThat(context).hasFailed();
            Throwable failure = context.getStartupFailure();
            var analysis = new GatewaySettingsFailureAnalyzer().analyze(failure);
            assertThat(analysis).isNotNull();
            assertThat(analysis.getDescription()).contains("The OpenAI gateway settings are invalid")
                .contains(expectedName);
            assertThat(analysis.getAction()).contains(expectedName + ": ");
            for (String secret : new String[] { PUBLIC_KEY, PORTKEY_KEY }) {
                assertThat(analysis.getDescription()).doesNotContain(secret);
                assertThat(analysis.getAction()).doesNotContain(secret);
                assertThat(failure).hasStackTraceContaining(expectedName.substring(0, expectedName.indexOf(' ')));
                assertThat(stackTraceOf(failure)).doesNotContain(secret);
            }
        });
    }

    @Test
    void maskedKeyIsShownForAKeyProblem() {
        runner("OPENAI_API_KEY", "Bearer " + PUBLIC_KEY).run((context) -> {
            var analysis = new GatewaySettingsFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("'" + "Bea..." + PUBLIC_KEY.substring(PUBLIC_KEY.length() - 4)
                    + "'");
        });
    }

    @Test
    void negativeRetriesAreRejectedOnceByTheSettingsChecksNamingTheVariable() {
        runner("OPENAI_API_KEY", PUBLIC_KEY).withPropertyValues("openai.max-retries=-1")
            .run((context) -> assertThat(context).getFailure().rootCause()
                .isInstanceOf(GatewaySettingsException.class)
                .hasMessageContaining("OPENAI_MAX_RETRIES")
                .hasMessageContaining("must be greater than or equal to 0"));
    }

    @Test
    void startupLogsOneRoutingLineWithMaskedKeys(CapturedOutput output) {
        runner("OPENAI_BASE_URL", "http://litellm.internal:4000", "OPENAI_API_KEY", PUBLIC_KEY,
                "OPENAI_LLM_MODEL", "openai/gpt-4o-mini")
            .run((context) -> {
                assertThat(context).hasNotFailed();
                String masked = ApiKey.of(PUBLIC_KEY).masked();
                assertThat(output).containsOnlyOnce("OpenAI gateway routes: ")
                    .contains("llm -> litellm http://litellm.internal:4000 (model openai/gpt-4o-mini, key " + masked)
                    .contains("embeddings -> litellm")
                    .contains("codex -> litellm")
                    .doesNotContain(PUBLIC_KEY);
                String line = output.getOut().lines()
                    .filter((l) -> l.contains("OpenAI gateway routes: "))
                    .findFirst()
                    .orElseThrow();
                assertThat(line).contains("embeddings").contains("llm").contains("codex")
                    .contains(masked).matches("\\p{ASCII}*");
                assertThat(masked).isEqualTo(PUBLIC_KEY.substring(0, 3) + "..." + PUBLIC_KEY.substring(PUBLIC_KEY.length() - 4));
            });
    }

    @Test
    void settingsWarningsAreLoggedMasked(CapturedOutput output) {
        runner("OPENAI_BASE_URL", "http://gateway.example.com:4000", "OPENAI_API_KEY", PUBLIC_KEY)
            .run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(output).contains("OpenAI gateway settings: OPENAI_BASE_URL")
                    .contains(ApiKey.of(PUBLIC_KEY).masked())
                    .doesNotContain(PUBLIC_KEY);
            });
    }

    private static String stackTraceOf(Throwable failure) {
        java.io.StringWriter writer = new java.io.StringWriter();
        failure.printStackTrace(new java.io.PrintWriter(writer));
        return writer.toString();
    }

    // ---- user configurations -------------------------------------------------------------------------------------

    @Configuration(proxyBeanMethods = false)
    static class RoleClientConsumer {

        @Autowired
        @GatewayClient(Role.EMBEDDINGS)
        OpenAIClient embeddings;

        @Autowired
        @GatewayClient(Role.LLM)
        OpenAIClient llm;

        @Autowired
        @GatewayClient(Role.CODEX)
        OpenAIClient codex;

        @Autowired
        OpenAIClient plain;

    }

    @Configuration(proxyBeanMethods = false)
    static class OwnLlmClient {

        @Bean
        @GatewayClient(Role.LLM)
        OpenAIClient llmOpenAIClient() {
            return OpenAIOkHttpClient.builder().baseUrl("http://127.0.0.1:9/v1").apiKey(testKey("own")).build();
        }

    }

    @Configuration(proxyBeanMethods = false)
    static class OwnPrimaryClient {

        @Bean
        @Primary
        OpenAIClient myOpenAIClient() {
            return OpenAIOkHttpClient.builder().baseUrl("http://127.0.0.1:9/v1").apiKey(testKey("own")).build();
        }

    }

    @Configuration(proxyBeanMethods = false)
    static class OwnHttpAndClients {

        @Bean(destroyMethod = "close")
        SharedHttpClient ownHttp(GatewaySettings settings) {
            return SharedHttpClient.create(settings);
        }

        @Bean(destroyMethod = "close")
        GatewayClients ownGatewayClients(GatewaySettings settings, SharedHttpClient http) {
            return GatewayClients.create(settings, http);
        }

    }

}
