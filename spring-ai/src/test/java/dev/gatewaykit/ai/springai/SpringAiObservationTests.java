package dev.gatewaykit.ai.springai;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.gatewaykit.sdk.metrics.GatewayCallContext;
import dev.gatewaykit.sdk.metrics.GatewayCallObservationConvention;
import dev.gatewaykit.spring.autoconfigure.observation.OpenAIGatewayObservationAutoConfiguration;
import dev.gatewaykit.stub.GatewayStub;
import dev.gatewaykit.stub.StubMode;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.boot.autoconfigure.AutoConfigurations;

import static org.assertj.core.api.Assertions.assertThat;

/** With Spring AI's model observation active, the gateway call is its child, not a second model observation. */
class SpringAiObservationTests {

    private GatewayStub stub;

    private final TestObservationRegistry registry = TestObservationRegistry.create();

    private final List<Observation.Context> started = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        stub = GatewayStub.builder().mode(StubMode.LITELLM).port(0).start();
        registry.observationConfig().observationHandler(new ObservationHandler<>() {
            @Override
            public void onStart(Observation.Context context) {
                started.add(context);
            }

            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }
        });
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void theGatewayCallIsTheChildOfSpringAisChatModelObservation() {
        SpringAiRunners.onRoutes(stub.baseUrl(), "sk-test-public-0123456789publ", stub.baseUrl(),
                "sk-test-public-0123456789publ")
            .withConfiguration(AutoConfigurations.of(OpenAIGatewayObservationAutoConfiguration.class))
            .withBean(ObservationRegistry.class, () -> registry)
            .run(context -> context.getBean(ChatClient.Builder.class).build().prompt().user("observe").call()
                .content());

        ChatModelObservationContext model = started.stream().filter(ChatModelObservationContext.class::isInstance)
            .map(ChatModelObservationContext.class::cast).findFirst().orElseThrow();
        List<GatewayCallContext> calls = started.stream().filter(GatewayCallContext.class::isInstance)
            .map(GatewayCallContext.class::cast).toList();
        assertThat(calls).singleElement().satisfies(call -> {
            assertThat(call.getName()).isEqualTo(GatewayCallObservationConvention.NAME);
            assertThat(call.getParentObservation()).isNotNull();
            assertThat(call.getParentObservation().getContextView()).isSameAs(model);
        });
        assertThat(model.getName()).isNotEqualTo(GatewayCallObservationConvention.NAME);
    }
}
