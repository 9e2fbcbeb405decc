package dev.gatewaykit.spring.test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.settings.GatewaySettings;
import dev.gatewaykit.sdk.settings.Secrets;
import dev.gatewaykit.sdk.settings.Setting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Values set in {@code .env} are visible where a Spring user looks for configuration: {@code /actuator/env} (the
 * file is a property source of its own), {@code /actuator/env/OPENAI_API_KEY} and, as the sdk resolved them, {@code /actuator/gateway} - keys
 * masked - while the sdk still attributes them to the {@code .env} layer.
 */
class DotenvInActuatorTests {

    private static final String KEY = "sk-test-dotenv-" + UUID.randomUUID().toString().replace("-", "");

    @TempDir
    Path directory;

    @Test
    void dotenvValuesAppearMaskedInEnv() throws Exception {
        Files.writeString(this.directory.resolve(".env"), "OPENAI_BASE_URL=http://litellm.internal:4000\n"
                + "OPENAI_API_KEY=" + KEY + "\nOPENAI_LLM_MODEL=\n");
        Files.writeString(this.directory.resolve(".env.default"), "OPENAI_LLM_MODEL=openai/gpt-4o-mini\n");
        try (ConfigurableApplicationContext context = start()) {
            int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            ActuatorHttp actuator = new ActuatorHttp(port);

            ActuatorHttp.Reply key = actuator.get("/actuator/env/OPENAI_API_KEY");
            assertThat(key.status()).as(key.body()).isEqualTo(200);
            assertThat(key.json().path("property").path("source").asText()).isEqualTo("dotenv .env");
            assertThat(key.json().path("property").path("value").asText()).isEqualTo(Secrets.mask(KEY));

            ActuatorHttp.Reply baseUrl = actuator.get("/actuator/env/OPENAI_BASE_URL");
            assertThat(baseUrl.json().path("property").path("value").asText()).isEqualTo("http://litellm.internal:4000");

            // configprops holds what the starter binds itself (here the .env directory); the route values the sdk
            // resolved from .env are in /actuator/gateway (next test).
            ActuatorHttp.Reply configprops = actuator.get("/actuator/configprops");
            JsonNode openai = find(configprops.json(), "openai");
            assertThat(openai.path("properties").path("dotenv").path("directory").asText())
                .isEqualTo(this.directory.toString());
            assertThat(configprops.body() + key.body()).doesNotContain(KEY);

            GatewaySettings settings = context.getBean(GatewaySettings.class);
            assertThat(settings.route(Role.LLM).sources().get(Setting.RoleSetting.API_KEY).layer()).isEqualTo(".env");
            assertThat(settings.route(Role.LLM).sources().get(Setting.RoleSetting.MODEL).layer()).isEqualTo(".env.default");
        }
    }

    @Test
    void gatewayEndpointShowsEachRoutesResolvedValuesAndWhereTheyCameFrom() throws Exception {
        Files.writeString(this.directory.resolve(".env"), "OPENAI_BASE_URL=http://litellm.internal:4000\n"
                + "OPENAI_API_KEY=" + KEY + "\n");
        Files.writeString(this.directory.resolve(".env.default"), "OPENAI_LLM_MODEL=openai/gpt-4o-mini\n");
        try (ConfigurableApplicationContext context = start()) {
            int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            ActuatorHttp.Reply gateway = new ActuatorHttp(port).get("/actuator/gateway");

            assertThat(gateway.status()).as(gateway.body()).isEqualTo(200);
            JsonNode llm = gateway.json().path("routes").path("llm");
            assertThat(llm.path("gateway").asText()).isEqualTo("litellm");
            assertThat(llm.path("baseUrl").asText()).isEqualTo("http://litellm.internal:4000");
            assertThat(llm.path("apiKey").asText()).isEqualTo(Secrets.mask(KEY));
            assertThat(llm.path("model").asText()).isEqualTo("openai/gpt-4o-mini");
            assertThat(llm.path("sources").path("apiKey").asText()).isEqualTo("OPENAI_API_KEY (.env)");
            assertThat(llm.path("sources").path("model").asText()).isEqualTo("OPENAI_LLM_MODEL (.env.default)");
            assertThat(gateway.body()).doesNotContain(KEY);
        }
    }

    private ConfigurableApplicationContext start() {
        SpringApplication application = new SpringApplication(StubTestApplication.class);
        application.setWebApplicationType(WebApplicationType.SERVLET);
        StandardEnvironment environment = new StandardEnvironment();
        // Exactly no process environment: CI may export real OPENAI_* variables.
        environment.getPropertySources()
            .replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
                    StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of()));
        application.setEnvironment(environment);
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("server.port", "0");
        defaults.put("server.address", "127.0.0.1");
        defaults.put("spring.main.banner-mode", "off");
        defaults.put("openai.dotenv.directory", this.directory.toString());
        defaults.put("management.endpoints.web.exposure.include", "env,configprops,gateway");
        defaults.put("management.endpoint.env.show-values", "always");
        defaults.put("management.endpoint.configprops.show-values", "always");
        application.setDefaultProperties(defaults);
        return application.run();
    }

    /** The configprops bean whose prefix is {@code prefix}, in any context. */
    private static JsonNode find(JsonNode configprops, String prefix) {
        for (JsonNode context : configprops.path("contexts")) {
            for (JsonNode bean : context.path("beans")) {
                if (bean.path("prefix").asText().equals(prefix)) {
                    return bean;
                }
            }
        }
        throw new AssertionError("no configprops bean with prefix " + prefix + ": " + configprops);
    }

}
