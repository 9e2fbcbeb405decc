package dev.gatewaykit.sdk.benchmark;

import dev.gatewaykit.sdk.settings.GatewaySettings;
import dev.gatewaykit.sdk.settings.MapSource;
import dev.gatewaykit.sdk.settings.SettingsSources;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Time to resolve and validate a typical two-route LiteLLM configuration from two layers. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class SettingsResolutionBenchmark {

    private final SettingsSources sources = SettingsSources.of(
            new MapSource("env", Map.of("OPENAI_BASE_URL", "http://litellm.internal:4000",
                    "OPENAI_API_KEY", "sk-test-benchmark-public-0001",
                    "OPENAI_INTERNAL_BASE_URL", "http://litellm-internal:4000/v1",
                    "OPENAI_INTERNAL_API_KEY", "sk-test-benchmark-internal-01",
                    "OPENAI_LLM_MODEL", "openai/gpt-4o-mini", "OPENAI_LITELLM_TAGS", "bench,java")),
            new MapSource(".env.default", Map.of("OPENAI_BASE_URL", "https://api.openai.com/v1",
                    "OPENAI_INTERNAL_BASE_URL", "", "OPENAI_TIMEOUT", "60s", "OPENAI_HEADERS", "X-Team=search")));

    @Benchmark
    public GatewaySettings resolve() {
        return GatewaySettings.resolve(sources);
    }
}
