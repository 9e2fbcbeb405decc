package dev.gatewaykit.spring.autoconfigure.observation;

import java.nio.file.Path;

import com.openai.client.OpenAIClient;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.gatewaykit.sdk.client.RouteInterceptors;
import dev.gatewaykit.sdk.metrics.GatewayCallObservationConvention;
import dev.gatewaykit.sdk.metrics.MetricNames;
import dev.gatewaykit.spring.autoconfigure.OpenAIGatewayAutoConfiguration;
import dev.gatewaykit.spring.settings.FakeProcessEnvironment;
import dev.gatewaykit.stub.GatewayStub;
import dev.gatewaykit.stub.StubMode;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** Gateway call observations are wired when an ObservationRegistry bean exists, and only then. */
class OpenAIGatewayObservationAutoConfigurationTests {

    @TempDir
    Path emptyDotenvDirectory;

    private ApplicationContextRunner runner(String baseUrl) {
        return new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(OpenAIGatewayAutoConfiguration.class,
                    OpenAIGatewayObservationAutoConfiguration.class))
            .withInitializer(FakeProcessEnvironment.of("OPENAI_BASE_URL", baseUrl, "OPENAI_API_KEY",
                    "sk-test-observe-0123456789", "OPENAI_GATEWAY", "litellm"))
            .withPropertyValues("openai.dotenv.directory=" + this.emptyDotenvDirectory);
    }

    @Test
    void withAnObservationRegistryEveryRoleCallIsObserved() {
        TestObservationRegistry registry = TestObservationRegistry.create();
        try (GatewayStub stub = GatewayStub.builder().mode(StubMode.LITELLM).port(0).start()) {
            runner(stub.baseUrl()).withBean(ObservationRegistry.class, () -> registry).run(context -> {
                assertThat(context).hasBean("gatewayObservationRouteInterceptors");
                context.getBean(OpenAIClient.class).chat().completions().create(ChatCompletionCreateParams.builder()
                    .addUserMessage("observed").model("gpt-4o-mini").build());
            });
        }
        TestObservationRegistryAssert.assertThat(registry).hasSingleObservationThat().hasBeenStopped()
            .hasNameEqualTo(GatewayCallObservationConvention.NAME)
            .hasLowCardinalityKeyValue(MetricNames.GATEWAY_ROLE, "llm")
            .hasHighCardinalityKeyValueWithKey(GatewayCallObservationConvention.REQUEST_ID);
    }

    @Test
    void withoutAnObservationRegistryNothingIsAdded() {
        runner("http://litellm.internal:4000").run(context -> assertThat(context)
            .doesNotHaveBean("gatewayObservationRouteInterceptors").doesNotHaveBean(RouteInterceptors.class)
            .hasBean("llmOpenAIClient"));
    }

    @Test
    void withoutMicrometerObservationTheStarterStartsTheSame() {
        runner("http://litellm.internal:4000").withClassLoader(new FilteredClassLoader("io.micrometer.observation"))
            .run(context -> assertThat(context).hasNotFailed().hasBean("llmOpenAIClient")
                .doesNotHaveBean("gatewayObservationRouteInterceptors"));
    }

}
