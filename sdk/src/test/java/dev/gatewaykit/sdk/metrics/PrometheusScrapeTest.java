package dev.gatewaykit.sdk.metrics;

import com.openai.core.http.HttpResponseFor;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.embeddings.EmbeddingCreateParams;
import dev.gatewaykit.sdk.client.GatewayClients;
import dev.gatewaykit.stub.GatewayStub;
import dev.gatewaykit.stub.StubMode;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.gatewaykit.sdk.testing.Fixtures.settings;
import static dev.gatewaykit.sdk.testing.TestLayers.fakeKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** What a Prometheus scrape shows after real calls through the stub: the series names and labels users query. */
class PrometheusScrapeTest {

    private static final String CHAT = "gateway_kind=\"litellm\",gateway_role=\"llm\",gen_ai_operation_name=\"chat\","
            + "gen_ai_request_model=\"openai/gpt-4o-mini\"";
    private static final String HOST = "server_address=\"127.0.0.1\"";

    @Test
    void scrapeShowsDurationTokenAndCostSeriesWithTheirLabels() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        double chatCost;
        try (GatewayStub stub = GatewayStub.builder().mode(StubMode.LITELLM).port(0).start();
             GatewayClients clients = GatewayClients.builder(settings(Map.of("OPENAI_BASE_URL", stub.baseUrl(),
                             "OPENAI_API_KEY", fakeKey(), "OPENAI_GATEWAY", "litellm")))
                     .addRouteInterceptors(GatewayMetrics.routeInterceptors(registry)).build()) {
            ChatCompletionCreateParams chat = ChatCompletionCreateParams.builder().model("openai/gpt-4o-mini")
                    .addUserMessage("scrape me").build();
            HttpResponseFor<ChatCompletion> plain = clients.llm().chat().completions().withRawResponse().create(chat);
            plain.parse();
            chatCost = Double.parseDouble(plain.headers().values("x-litellm-response-cost").get(0));
            try (StreamResponse<ChatCompletionChunk> stream = clients.llm().chat().completions().createStreaming(
                    chat.toBuilder().streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build())
                            .build())) {
                stream.stream().forEach(chunk -> { });
            }
            clients.embeddings().embeddings().create(EmbeddingCreateParams.builder()
                    .model("openai/text-embedding-3-small").input("vectors").build());
        }

        String scrape = registry.scrape();
        assertThat(scrape)
                .contains("# TYPE gen_ai_client_operation_duration_seconds summary")
                .contains("gen_ai_client_operation_duration_seconds_count{error_type=\"none\"," + CHAT + "," + HOST
                        + "} 2")
                .contains("gen_ai_client_operation_duration_seconds_sum{error_type=\"none\"," + CHAT + "," + HOST)
                .contains("# TYPE gen_ai_client_token_usage_tokens summary")
                .contains("gen_ai_client_token_usage_tokens_count{error_type=\"none\"," + CHAT
                        + ",gen_ai_token_type=\"input\"," + HOST + "} 2")
                .contains("gen_ai_client_token_usage_tokens_count{error_type=\"none\"," + CHAT
                        + ",gen_ai_token_type=\"output\"," + HOST + "} 2")
                .contains("gen_ai_client_operation_duration_seconds_count{error_type=\"none\",gateway_kind=\"litellm\","
                        + "gateway_role=\"embeddings\",gen_ai_operation_name=\"embeddings\","
                        + "gen_ai_request_model=\"openai/text-embedding-3-small\"," + HOST + "} 1")
                .contains("# TYPE gateway_cost_usd_total counter");
        // The streamed call costs the same as the plain one (same prompt, same deterministic reply).
        assertThat(sample(scrape, "gateway_cost_usd_total{" + CHAT + "," + HOST + "}"))
                .isCloseTo(2 * chatCost, within(1e-12));
        assertThat(chatCost).isPositive();
    }

    private static double sample(String scrape, String series) {
        Matcher m = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(scrape);
        assertThat(m.find()).as("series %s in%n%s", series, scrape).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
