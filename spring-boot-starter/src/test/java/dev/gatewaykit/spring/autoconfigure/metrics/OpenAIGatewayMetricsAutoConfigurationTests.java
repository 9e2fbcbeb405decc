package dev.gatewaykit.spring.autoconfigure.metrics;

import java.nio.file.Path;
import java.util.UUID;

import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.client.GatewayClients;
import dev.gatewaykit.sdk.client.RouteInterceptors;
import dev.gatewaykit.sdk.credentials.CredentialClients;
import dev.gatewaykit.spring.autoconfigure.OpenAIGatewayAutoConfiguration;
import dev.gatewaykit.spring.settings.FakeProcessEnvironment;
import dev.gatewaykit.stub.GatewayStub;
import dev.gatewaykit.stub.junit.GatewayStubTest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gateway call metrics: recorded into the application's {@link MeterRegistry} by the role and credential clients,
 * over real HTTP to the gateway stub; absent without a registry, without Micrometer or when switched off.
 */
@GatewayStubTest
class OpenAIGatewayMetricsAutoConfigurationTests {

    private static final String KEY = "sk-test-metrics-" + UUID.randomUUID().toString().replace("-", "");

    @TempDir
    Path emptyDotenvDirectory;

    private ApplicationContextRunner runner(GatewayStub stub) {
        return new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(OpenAIGatewayAutoConfiguration.class,
                    OpenAIGatewayMetricsAutoConfiguration.class))
            .withInitializer(FakeProcessEnvironment.of("OPENAI_BASE_URL", stub.baseUrl(), "OPENAI_API_KEY", KEY,
                    "OPENAI_GATEWAY", "litellm"))
            .withPropertyValues("openai.dotenv.directory=" + this.emptyDotenvDirectory);
    }

    private static void chat(com.openai.client.OpenAIClient client, String model) {
        client.chat().completions().create(ChatCompletionCreateParams.builder().model(model)
            .addUserMessage("count my tokens").build());
    }

    @Test
    void chatCallThroughTheRoleClientRecordsDurationAndTokensWithTags(GatewayStub stub) {
        runner(stub).withBean(SimpleMeterRegistry.class, SimpleMeterRegistry::new).run((context) -> {
            assertThat(context).hasNotFailed().hasBean("gatewayMetricsRouteInterceptors");
            chat(context.getBean(GatewayClients.class).llm(), "gpt-4o-mini");

            MeterRegistry registry = context.getBean(MeterRegistry.class);
            Timer duration = registry.find("gen_ai.client.operation.duration")
                .tag("gen_ai.operation.name", "chat")
                .tag("gen_ai.request.model", "gpt-4o-mini")
                .tag("server.address", stub.host())
                .tag("gateway.role", "llm")
                .tag("gateway.kind", "litellm")
                .tag("error.type", "none")
                .timer();
            assertThat(duration).isNotNull();
            assertThat(duration.count()).isEqualTo(1);
            for (String type : new String[] { "input", "output" }) {
                assertThat(registry.find("gen_ai.client.token.usage").tag("gen_ai.token.type", type)
                    .tag("gateway.role", "llm").summary())
                    .as(type)
                    .isNotNull()
                    .satisfies((summary) -> assertThat(summary.totalAmount()).isPositive());
            }
            assertThat(stub.journal()).singleElement()
                .satisfies((entry) -> assertThat(entry.path()).isEqualTo("/v1/chat/completions"));
        });
    }

    @Test
    void credentialClientsRecordIntoTheSameRegistry(GatewayStub stub) {
        runner(stub).withBean(SimpleMeterRegistry.class, SimpleMeterRegistry::new)
            .withPropertyValues("openai.credentials.billing.base-url=" + stub.baseUrl(),
                    "openai.credentials.billing.api-key=sk-test-billing-" + UUID.randomUUID())
            .run((context) -> {
                chat(context.getBean(CredentialClients.class).client("billing", Role.LLM), "gpt-4o");
                Timer duration = context.getBean(MeterRegistry.class)
                    .find("gen_ai.client.operation.duration")
                    .tag("gen_ai.request.model", "gpt-4o")
                    .tag("gateway.role", "llm")
                    .timer();
                assertThat(duration).isNotNull();
                assertThat(duration.count()).isEqualTo(1);
            });
    }

    @Test
    void withoutARegistryBeanThereAreNoMetricsBeans(GatewayStub stub) {
        runner(stub).run((context) -> assertThat(context).hasNotFailed()
            .hasSingleBean(GatewayClients.class)
            .doesNotHaveBean(RouteInterceptors.class)
            .doesNotHaveBean(MeterRegistry.class));
    }

    @Test
    void metricsCanBeSwitchedOff(GatewayStub stub) {
        runner(stub).withBean(SimpleMeterRegistry.class, SimpleMeterRegistry::new)
            .withPropertyValues("openai.metrics.enabled=false")
            .run((context) -> {
                assertThat(context).hasNotFailed().doesNotHaveBean(RouteInterceptors.class);
                chat(context.getBean(GatewayClients.class).llm(), "gpt-4o-mini");
                assertThat(context.getBean(MeterRegistry.class).find("gen_ai.client.operation.duration").meters())
                    .isEmpty();
            });
    }

    @Test
    void withoutMicrometerTheClientsStillWork(GatewayStub stub) {
        runner(stub).withClassLoader(new FilteredClassLoader("io.micrometer")).run((context) -> {
            assertThat(context).hasNotFailed().hasSingleBean(GatewayClients.class)
                .doesNotHaveBean(RouteInterceptors.class);
            chat(context.getBean(GatewayClients.class).llm(), "gpt-4o-mini");
            assertThat(stub.journal()).hasSize(1);
        });
    }

}
