package dev.gatewaykit.hardening.secrets;

import dev.gatewaykit.hardening.support.ClosedPort;
import dev.gatewaykit.hardening.support.Failures;
import dev.gatewaykit.hardening.support.PlantedKey;
import dev.gatewaykit.hardening.support.RoleCall;
import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.client.GatewayClients;
import dev.gatewaykit.sdk.errors.GatewayErrorKind;
import dev.gatewaykit.sdk.settings.GatewaySettings;
import dev.gatewaykit.stub.GatewayStub;
import dev.gatewaykit.stub.StubMode;
import dev.gatewaykit.stub.journal.JournalEntry;
import dev.gatewaykit.stub.keys.VirtualKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Secret scan over a Spring Boot application with the starter and Actuator, configured the way users do it — keys in
 * the process environment ({@code OPENAI_API_KEY}, {@code OPENAI_INTERNAL_API_KEY}, {@code OPENAI_LLM_API_KEY},
 * {@code PORTKEY_API_KEY}) and on the command line ({@code --openai.codex.api-key}) — and with every Actuator
 * value shown ({@code show-values=always}, {@code show-details=always}), so only the product's own masking stands
 * between a key and the page. Captured: the whole console from startup (routing line, warnings, DEBUG logs of the
 * product, openai-java and OkHttp), health, configprops and env JSON, calls that work and fail, the startup failure
 * report of a bad configuration, and the stubs' journals.
 */
class SpringSecretScanTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final PlantedKey virtual = PlantedKey.openAiStyle("env-virtual");
    private final PlantedKey llm = PlantedKey.openAiStyle("env-llm");
    private final PlantedKey internal = PlantedKey.openAiStyle("env-internal");
    private final PlantedKey codex = PlantedKey.openAiStyle("cli-codex");
    private final PlantedKey provider = PlantedKey.openAiStyle("provider");
    private final PlantedKey master = PlantedKey.openAiStyle("master");
    private final PlantedKey portkey = PlantedKey.generate("env-portkey", "pk-planted-");
    private final PlantedKey failover = PlantedKey.openAiStyle("env-failover");
    // Secrets of other kinds on the JVM command line, in SPRING_APPLICATION_JSON and in URLs: not gateway keys, but
    // shown by /actuator/env as well.
    private final PlantedKey token = PlantedKey.generate("cli-token", "tok-planted-");
    private final PlantedKey jsonSecret = PlantedKey.generate("json-secret", "js-planted-");
    private final PlantedKey urlPassword = PlantedKey.generate("url-password", "up-planted-");
    private final List<PlantedKey> all = List.of(virtual, llm, internal, codex, provider, master, portkey, failover,
            token, jsonSecret, urlPassword);

    private final ScannedStubs stubs = new ScannedStubs();
    private LeakWitness witness;

    @BeforeEach
    void capture() {
        witness = LeakWitness.start();
    }

    @AfterEach
    void release() {
        stubs.scanAndClose(witness, all);
    }

    @Test
    void actuatorStartupLogAndCallsOfAConfiguredApplicationShowOnlyMaskedKeys() {
        GatewayStub proxy = GatewayStub.builder().mode(StubMode.LITELLM).masterKey(master.value())
                .virtualKey(VirtualKey.builder(virtual.value()).build())
                .virtualKey(VirtualKey.builder(llm.value()).build()).start();
        stubs.add(proxy);
        // The codex route goes to an OpenAI-style origin that does not know the codex key: health and calls fail
        // with an authentication error that names the (masked) key.
        GatewayStub direct = GatewayStub.builder().mode(StubMode.OPENAI).masterKey(provider.value()).start();
        stubs.add(direct);
        GatewayStub failoverOrigin = GatewayStub.builder().mode(StubMode.OPENAI).masterKey(failover.value()).start();
        stubs.add(failoverOrigin);
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("OPENAI_BASE_URL", proxy.baseUrl());
        environment.put("OPENAI_API_KEY", virtual.value());
        environment.put("OPENAI_LLM_API_KEY", llm.value());
        environment.put("OPENAI_INTERNAL_BASE_URL", ClosedPort.baseUrl());
        environment.put("OPENAI_INTERNAL_API_KEY", internal.value());
        environment.put("OPENAI_CODEX_BASE_URL", direct.baseUrl());
        environment.put("OPENAI_GATEWAY", "generic");
        environment.put("OPENAI_MAX_RETRIES", "0");
        environment.put("PORTKEY_API_KEY", portkey.value());
        environment.put("OPENAI_FAILOVER_ENABLED", "true");
        environment.put("OPENAI_FAILOVER_BASE_URL", failoverOrigin.baseUrl());
        environment.put("OPENAI_FAILOVER_API_KEY", failover.value());
        environment.put("OPENAI_FAILOVER_FAILURE_THRESHOLD", "1");

        try (ConfigurableApplicationContext context = start(environment, WebApplicationType.SERVLET,
                "--openai.codex.api-key=" + codex.value())) {
            witness.attachLogback();
            int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            GatewaySettings settings = context.getBean(GatewaySettings.class);
            witness.saw("settings bean", settings);
            assertThat(settings.route(Role.CODEX).apiKey()).hasValueSatisfying(
                    key -> assertThat(key.masked()).isEqualTo(codex.masked()));

            GatewayClients clients = context.getBean(GatewayClients.class);
            witness.saw("chat answer", RoleCall.CHAT.run(clients, "spring secret scan"));
            witness.saw("chat stream answer", RoleCall.CHAT_STREAM.run(clients, "spring secret scan"));
            // The internal route's proxy is down: its first connect failure opens the circuit (threshold 1) and the
            // call is answered by the failover origin, with the failover key.
            witness.saw("embeddings answer via failover", RoleCall.EMBEDDINGS.run(clients, "spring secret scan"));
            assertThat(failoverOrigin.journal()).extracting(JournalEntry::key).containsExactly(failover.stubMasked());
            for (RoleCall failing : List.of(RoleCall.RESPONSES, RoleCall.RESPONSES_STREAM)) {
                Throwable failure = null;
                try {
                    failing.run(clients, "spring secret scan");
                } catch (RuntimeException e) {
                    failure = e;
                }
                assertThat(failure).as(failing + " must fail").isNotNull();
                witness.sawException("exception of " + failing, failure);
                witness.saw("explained " + failing, clients.explain(failing.role(), failure));
            }
            assertThat(clients.explain(Role.CODEX, Failures.thrownBy(() -> RoleCall.RESPONSES.run(clients, "again")))
                    .kind()).isEqualTo(GatewayErrorKind.AUTHENTICATION);

            get(port, "/actuator/health");
            String health = get(port, "/actuator/health/gateway");
            assertThat(health).contains("UP", "DOWN");
            String configprops = get(port, "/actuator/configprops");
            assertThat(configprops).contains("openai");
            String resolved = get(port, "/actuator/gateway");
            assertThat(resolved).as("the resolved routes").contains("apiKey", "sources");
            String env = get(port, "/actuator/env");
            assertThat(env).contains("OPENAI_API_KEY", "PORTKEY_API_KEY", "OPENAI_FAILOVER_API_KEY",
                    "openai.codex.api-key");
            for (String path : List.of("/actuator/configprops/openai", "/actuator/env/OPENAI_API_KEY",
                    "/actuator/env/OPENAI_INTERNAL_API_KEY", "/actuator/env/OPENAI_LLM_API_KEY",
                    "/actuator/env/PORTKEY_API_KEY", "/actuator/env/OPENAI_FAILOVER_API_KEY", "/actuator/env/openai.api-key",
                    "/actuator/env/openai.failover.api-key",
                    "/actuator/env/openai.codex.api-key", "/actuator/env/openai.portkey.api-key")) {
                // A name the environment does not hold (PORTKEY_API_KEY is mapped by the starter, not by relaxed
                // binding) answers 404: still a page to scan.
                get(port, path, 200, 404);
            }
        }
        String console = witness.console();
        assertThat(console).as("the startup routing line").contains("OpenAI gateway routes:");
        assertThat(witness.all()).contains(virtual.masked(), llm.masked(), codex.masked(), "OpenAI gateway failover");
    }

    @Test
    void keysOnTheJvmCommandLineInJsonAndInUrlsAreMaskedInActuatorEnv() {
        GatewayStub proxy = stubs.add(GatewayStub.builder().mode(StubMode.LITELLM)
                .virtualKey(VirtualKey.builder(virtual.value()).build()).start());
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("OPENAI_BASE_URL", proxy.baseUrl());
        environment.put("OPENAI_API_KEY", virtual.value());
        environment.put("SPRING_APPLICATION_JSON", "{\"openai\":{\"internal-api-key\":\"" + internal.value()
                + "\"},\"app\":{\"secret\": \"" + jsonSecret.value() + "\"}}");
        environment.put("DATABASE_URL", "postgres://app:" + urlPassword.value() + "@db.internal:5432/app");
        // What `java -jar app.jar --openai.codex.api-key=...` leaves in the JVM's system properties: the whole
        // command line, in sun.java.command (and, on some JVMs, jdk.internal.* properties).
        String command = "app.jar --openai.codex.api-key=" + codex.value() + " --service.token=" + token.value();
        Map<String, String> planted = Map.of("sun.java.command", command, "jdk.internal.vm.command.line",
                "-Dopenai.llm.api-key=" + llm.value() + " -jar " + command);
        Map<String, String> saved = new LinkedHashMap<>();
        planted.keySet().forEach(name -> saved.put(name, System.getProperty(name)));
        planted.forEach(System::setProperty);
        try (ConfigurableApplicationContext context = start(environment, WebApplicationType.SERVLET,
                "--openai.codex.api-key=" + codex.value())) {
            witness.attachLogback();
            int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            String env = get(port, "/actuator/env");
            assertThat(env).contains("sun.java.command", "jdk.internal.vm.command.line", "SPRING_APPLICATION_JSON",
                    "DATABASE_URL", codex.masked(), "postgres://****@db.internal:5432/app");
            for (String path : List.of("/actuator/env/sun.java.command", "/actuator/env/jdk.internal.vm.command.line",
                    "/actuator/env/SPRING_APPLICATION_JSON", "/actuator/env/DATABASE_URL",
                    "/actuator/env/openai.internal-api-key", "/actuator/configprops")) {
                get(port, path, 200);
            }
        } finally {
            saved.forEach((name, value) -> {
                if (value == null) {
                    System.clearProperty(name);
                } else {
                    System.setProperty(name, value);
                }
            });
        }
    }

    @Test
    void startupFailureReportOfABadConfigurationShowsOnlyMaskedKeys() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("OPENAI_BASE_URL", "http://litellm:4000/v1/v1");
        environment.put("OPENAI_API_KEY", "Bearer " + virtual.value());
        environment.put("OPENAI_INTERNAL_BASE_URL", "http://embeddings.internal:4000/v1");
        environment.put("OPENAI_LLM_API_KEY", llm.value() + " " + internal.value());
        environment.put("PORTKEY_API_KEY", portkey.value());
        environment.put("OPENAI_GATEWAY", "litellm");
        environment.put("OPENAI_FAILOVER_ENABLED", "true");
        environment.put("OPENAI_FAILOVER_API_KEY", "Bearer " + failover.value());
        // The missing internal key is a startup error only when keys are required.
        environment.put("OPENAI_REQUIRE_KEYS", "true");
        Throwable failure = Failures.thrownBy(() -> start(environment, WebApplicationType.NONE,
                "--openai.codex.api-key=" + codex.value()).close());
        witness.sawException("startup failure", failure);
        assertThat(witness.console()).contains("APPLICATION FAILED TO START", "OPENAI_API_KEY",
                "OPENAI_INTERNAL_API_KEY");
        assertThatException().isThrownBy(() -> {
            throw (Exception) failure;
        });
    }

    private ConfigurableApplicationContext start(Map<String, String> environment, WebApplicationType type,
                                                 String... args) {
        SpringApplication application = new SpringApplication(ScanApplication.class);
        application.setWebApplicationType(type);
        application.setEnvironment(new ProcessEnvironment(environment));
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("server.port", "0");
        defaults.put("server.address", "127.0.0.1");
        defaults.put("spring.main.banner-mode", "off");
        defaults.put("openai.dotenv.enabled", "false");
        defaults.put("management.endpoints.web.exposure.include", "health,configprops,env,gateway");
        defaults.put("management.endpoint.health.show-details", "always");
        defaults.put("management.endpoint.health.show-components", "always");
        defaults.put("management.endpoint.configprops.show-values", "always");
        defaults.put("management.endpoint.env.show-values", "always");
        defaults.put("management.health.gateway.cache-ttl", "0s");
        defaults.put("logging.level.dev.gatewaykit", "DEBUG");
        defaults.put("logging.level.com.openai", "DEBUG");
        defaults.put("logging.level.okhttp3", "DEBUG");
        application.setDefaultProperties(defaults);
        return application.run(args);
    }

    private String get(int port, String path) {
        // The health page answers 503 when a route is down.
        return get(port, path, 200, 503);
    }

    private String get(int port, String path, Integer... expectedStatuses) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            witness.saw("GET " + path + " -> " + response.statusCode(), response.body());
            assertThat(response.statusCode()).as("GET " + path).isIn((Object[]) expectedStatuses);
            return response.body();
        } catch (IOException e) {
            throw new AssertionError("GET " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** An application using the starter, Actuator and Spring MVC through auto-configuration only. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class ScanApplication {
    }

    /** The process environment is exactly {@code variables}: the machine's own exports cannot interfere. */
    static final class ProcessEnvironment extends StandardEnvironment {

        ProcessEnvironment(Map<String, String> variables) {
            MutablePropertySources sources = getPropertySources();
            sources.replace(SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
                    SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new LinkedHashMap<>(variables)));
        }
    }
}
