package dev.gatewaykit.sdk.metrics;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.gatewaykit.sdk.client.GatewayClients;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.gatewaykit.sdk.testing.Fixtures.settings;
import static dev.gatewaykit.sdk.testing.TestLayers.fakeKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * LiteLLM reports a mid-stream failure as {@code data: {"error":…}} with no {@code [DONE]} (GATEWAY-FACTS): the HTTP
 * status is 200, so only the events tell the call failed.
 */
class InBandStreamErrorTest {

    @RegisterExtension
    static WireMockExtension proxy = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @Test
    void midStreamErrorEventIsRecordedAsStreamError() {
        proxy.stubFor(post(urlPathEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream")
                .withBody("""
                        data: {"id": "c1", "object": "chat.completion.chunk", "created": 1, "model": "gpt-4o-mini", \
                        "choices": [{"index": 0, "delta": {"content": "Hel"}, "finish_reason": null}]}

                        data: {"error": {"message": "upstream connection reset", "type": "internal_server_error", \
                        "param": null, "code": "500"}}

                        """)));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (GatewayClients clients = GatewayClients.builder(settings(Map.of(
                        "OPENAI_BASE_URL", proxy.baseUrl() + "/v1", "OPENAI_API_KEY", fakeKey(),
                        "OPENAI_GATEWAY", "litellm", "OPENAI_MAX_RETRIES", "0")))
                .addRouteInterceptors(GatewayMetrics.routeInterceptors(registry)).build();
             StreamResponse<ChatCompletionChunk> stream = clients.llm().chat().completions().createStreaming(
                     ChatCompletionCreateParams.builder().model("gpt-4o-mini").addUserMessage("hi").build())) {
            catchThrowable(() -> stream.stream().forEach(chunk -> { })); // openai-java may raise the event as an error
        }

        Timer timer = registry.get(MetricNames.OPERATION_DURATION).timer();
        assertThat(timer.count()).isEqualTo(1);
        assertThat(timer.getId().getTag(MetricNames.ERROR_TYPE)).isEqualTo("stream_error");
        assertThat(timer.getId().getTag(MetricNames.SERVER_ADDRESS)).isEqualTo("localhost");
    }
}
