package dev.gatewaykit.sample.e2e;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.gatewaykit.sample.e2e.AppHttp.Reply;
import dev.gatewaykit.spring.test.AutoConfigureGatewayStub;
import dev.gatewaykit.stub.StubMode;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code /actuator/prometheus} after scripted calls of every role against a LiteLLM stub: the GenAI duration,
 * token and cost series exist with the documented tags, and the cost agrees with the tokens at the stub's price.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "openai.dotenv.enabled=false")
@AutoConfigureGatewayStub(mode = StubMode.LITELLM)
class PrometheusMetricsE2ETest extends RunningAppTest {

    // The stub's default price for models without one: USD per token, input and output.
    private static final double INPUT_PRICE = 1.0 / 1_000_000;

    private static final double OUTPUT_PRICE = 2.0 / 1_000_000;

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)\\{(.*)}\\s+(\\S+)$");

    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    @Test
    void prometheusShowsDurationTokensAndCostPerRoleWithTheGenAiTags() {
        assertThat(this.http.postJson("/api/search", Map.of("query", "float embeddings")).status()).isEqualTo(200);
        assertThat(this.http.postJson("/api/ask", Map.of("question", "Why float?")).status()).isEqualTo(200);
        assertThat(this.http.stream("Why float, streamed?").status()).isEqualTo(200);
        assertThat(this.http.postJson("/api/code", Map.of("task", "Reverse a string in Java.")).status()).isEqualTo(200);

        Reply scrape = this.http.get("/actuator/prometheus");
        assertThat(scrape.status()).isEqualTo(200);
        List<Sample> samples = parse(scrape.body());

        Map<String, String> codex = Map.of("gateway_role", "codex", "gateway_kind", "litellm",
                "gen_ai_operation_name", "chat", "gen_ai_request_model", "gpt-4.1-mini",
                "server_address", "127.0.0.1", "error_type", "none");
        assertThat(value(samples, "gen_ai_client_operation_duration_seconds_count", codex)).isGreaterThanOrEqualTo(1);
        assertThat(value(samples, "gen_ai_client_operation_duration_seconds_sum", codex)).isPositive();
        double codexIn = value(samples, "gen_ai_client_token_usage_tokens_sum", with(codex, "gen_ai_token_type", "input"));
        double codexOut = value(samples, "gen_ai_client_token_usage_tokens_sum", with(codex, "gen_ai_token_type", "output"));
        assertThat(codexIn).isPositive();
        assertThat(codexOut).isPositive();
        Map<String, String> codexCost = new LinkedHashMap<>(codex);
        codexCost.remove("error_type");
        assertThat(value(samples, "gateway_cost_usd_total", codexCost))
            .isCloseTo(codexIn * INPUT_PRICE + codexOut * OUTPUT_PRICE, within(1e-12));

        Map<String, String> llm = Map.of("gateway_role", "llm", "gen_ai_operation_name", "chat",
                "gen_ai_request_model", "gpt-4o-mini", "error_type", "none");
        // One plain and one streamed answer: the stream is measured at its end, with its usage chunk.
        assertThat(value(samples, "gen_ai_client_operation_duration_seconds_count", llm)).isGreaterThanOrEqualTo(2);
        assertThat(value(samples, "gen_ai_client_token_usage_tokens_count", with(llm, "gen_ai_token_type", "output")))
            .isGreaterThanOrEqualTo(2);

        Map<String, String> embeddings = Map.of("gateway_role", "embeddings", "gen_ai_operation_name", "embeddings",
                "gen_ai_request_model", "text-embedding-3-small", "error_type", "none");
        assertThat(value(samples, "gen_ai_client_token_usage_tokens_sum", with(embeddings, "gen_ai_token_type", "input")))
            .isPositive();
        assertThat(samples).noneMatch((s) -> s.name().startsWith("gen_ai_client_token_usage")
                && "embeddings".equals(s.labels().get("gateway_role"))
                && "output".equals(s.labels().get("gen_ai_token_type")));
    }

    private static Map<String, String> with(Map<String, String> labels, String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(labels);
        copy.put(name, value);
        return copy;
    }

    /** The one sample of {@code name} whose labels include {@code labels}. */
    private static double value(List<Sample> samples, String name, Map<String, String> labels) {
        List<Sample> matching = samples.stream()
            .filter((s) -> s.name().equals(name))
            .filter((s) -> s.labels().entrySet().containsAll(labels.entrySet()))
            .toList();
        assertThat(matching).as("%s%s in the scrape", name, labels).hasSize(1);
        return matching.get(0).value();
    }

    private static List<Sample> parse(String scrape) {
        return scrape.lines().filter((line) -> !line.startsWith("#")).map(SAMPLE::matcher).filter(Matcher::matches)
            .map((m) -> {
                Map<String, String> labels = new LinkedHashMap<>();
                Matcher label = LABEL.matcher(m.group(2));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
                return new Sample(m.group(1), labels, Double.parseDouble(m.group(3)));
            })
            .toList();
    }

    private record Sample(String name, Map<String, String> labels, double value) {
    }

}
