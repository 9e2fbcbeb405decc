package dev.gatewaykit.sdk.metrics;

import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.gatewaykit.sdk.client.GatewayClients;
import dev.gatewaykit.stub.GatewayStub;
import dev.gatewaykit.stub.StubMode;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.gatewaykit.sdk.testing.Fixtures.closedPort;
import static dev.gatewaykit.sdk.testing.Fixtures.settings;
import static dev.gatewaykit.sdk.testing.TestLayers.fakeKey;
import static org.assertj.core.api.Assertions.assertThat;

/** With failover on, each attempt is counted against the host that really answered, under the caller's model. */
class MetricsUnderFailoverTest {

    @Test
    void callReSentToTheDirectProviderIsCountedAgainstItsHost() {
        String failoverKey = fakeKey();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        // The proxy is down at 127.0.0.1; the direct provider answers as "localhost", so the hosts differ.
        try (GatewayStub direct = GatewayStub.builder().mode(StubMode.OPENAI).port(0).masterKey(failoverKey)
                .models("gpt-4o-mini").start();
             GatewayClients clients = GatewayClients.builder(settings(Map.of(
                             "OPENAI_BASE_URL", "http://127.0.0.1:" + closedPort() + "/v1",
                             "OPENAI_API_KEY", fakeKey(), "OPENAI_GATEWAY", "litellm", "OPENAI_MAX_RETRIES", "2",
                             "OPENAI_FAILOVER_ENABLED", "true",
                             "OPENAI_FAILOVER_BASE_URL", "http://localhost:" + direct.port() + "/v1",
                             "OPENAI_FAILOVER_API_KEY", failoverKey)))
                     .addRouteInterceptors(GatewayMetrics.routeInterceptors(registry)).build()) {
            assertThat(clients.llm().chat().completions().create(ChatCompletionCreateParams.builder()
                    .model("openai/gpt-4o-mini").addUserMessage("fail over, please").build()).choices()).hasSize(1);
        }

        Timer answered = registry.get(MetricNames.OPERATION_DURATION).tag("error.type", "none").timer();
        assertThat(answered.count()).isEqualTo(1);
        assertThat(answered.getId().getTag("server.address")).isEqualTo("localhost");
        assertThat(answered.getId().getTag("gen_ai.request.model")).isEqualTo("openai/gpt-4o-mini");
        assertThat(registry.get(MetricNames.OPERATION_DURATION).tag("error.type", "ConnectException").timers())
                .allSatisfy(t -> assertThat(t.getId().getTag("server.address")).isEqualTo("127.0.0.1"));
        assertThat(registry.get(MetricNames.TOKEN_USAGE).tag("server.address", "localhost").summaries()).hasSize(2);
    }
}
