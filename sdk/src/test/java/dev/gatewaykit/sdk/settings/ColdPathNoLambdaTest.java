package dev.gatewaykit.sdk.settings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The startup path spins no lambda, method reference or stream class of ours (see the package note): a fresh JVM
 * runs {@link ColdPathProbe} with {@code -Xlog:class+load} and no {@code dev.gatewaykit...$$Lambda} class may be
 * loaded. Counts classes, not time.
 */
class ColdPathNoLambdaTest {

    @TempDir
    Path dir;

    @Test
    void fromEnvironmentWithTheEnvironmentOnlySpinsNoLambdaOfOurs() throws Exception {
        List<String> loaded = loadedClasses(Map.of("OPENAI_BASE_URL", "http://127.0.0.1:4000",
                "OPENAI_API_KEY", "sk-test-0000000000000000"));

        assertThat(loaded).contains(GatewaySettings.class.getName());
        assertThat(ourLambdas(loaded)).isEmpty();
    }

    @Test
    void fromEnvironmentWithADotenvFileAndRouteSettingsSpinsNoLambdaOfOurs() throws Exception {
        Files.writeString(dir.resolve(".env"), String.join("\n",
                "export OPENAI_BASE_URL=https://llm-proxy.example.internal:4000",
                "OPENAI_API_KEY=\"sk-test-1111111111111111\"",
                "OPENAI_EMBEDDINGS_BASE_URL=http://embeddings.example.internal:8080 # plain http on purpose",
                "OPENAI_LLM_MODEL=gpt-4o-mini",
                "OPENAI_LLM_MODEL_MAP=gpt-4o-mini=openai/gpt-4o-mini,gpt-*=openai/gpt-*",
                "OPENAI_HEADERS=X-Team=search",
                "OPENAI_CODEX_TIMEOUT=90s",
                "OPENAI_FAILOVER_ENABLED=true",
                "OPENAI_FAILOVER_BASE_URL=https://api.openai.com/v1",
                "OPENAI_FAILOVER_API_KEY=sk-test-2222222222222222",
                "OPENAI_LITELLM_TAGS=search,batch",
                ""), StandardCharsets.UTF_8);

        List<String> loaded = loadedClasses(Map.of());

        assertThat(loaded).contains(DotenvFileSource.class.getName(), FailoverRule.class.getName(),
                ModelMap.class.getName());
        assertThat(ourLambdas(loaded)).isEmpty();
    }

    @Test
    void buildingTheRoleClientsWithMetricsSpinsNoLambdaOfOurs() throws Exception {
        List<String> loaded = loadedClasses(Map.of("OPENAI_BASE_URL", "http://127.0.0.1:4000",
                "OPENAI_API_KEY", "sk-test-0000000000000000", "OPENAI_LLM_FAILOVER_ENABLED", "true",
                "OPENAI_FAILOVER_BASE_URL", "https://api.openai.com/v1",
                "OPENAI_FAILOVER_API_KEY", "sk-test-2222222222222222"), "--clients");

        assertThat(loaded).contains("dev.gatewaykit.sdk.client.GatewayClients",
                "dev.gatewaykit.sdk.client.RouteHttpClients", "dev.gatewaykit.sdk.metrics.GatewayMetrics");
        assertThat(ourLambdas(loaded)).isEmpty();
    }

    private static List<String> ourLambdas(List<String> loaded) {
        List<String> lambdas = new ArrayList<>();
        for (String name : loaded) {
            if (name.startsWith("dev.gatewaykit.") && name.contains("$$Lambda")) {
                lambdas.add(name);
            }
        }
        return lambdas;
    }

    /** The classes a fresh JVM loads running the probe in {@link #dir} with {@code environment} added. */
    private List<String> loadedClasses(Map<String, String> environment, String... probeArgs)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xshare:auto", "-Xlog:class+load=info", "-cp", System.getProperty("java.class.path"),
                ColdPathProbe.class.getName()));
        command.addAll(List.of(probeArgs));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("OPENAI_") || name.startsWith("PORTKEY_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(out).isZero();
        assertThat(out).contains(ColdPathProbe.RESOLVED);
        List<String> loaded = new ArrayList<>();
        for (String line : out.split("\n")) {
            int at = line.indexOf("] ");
            if (line.contains("class,load") && at > 0) {
                loaded.add(line.substring(at + 2).split(" ")[0]);
            }
        }
        return loaded;
    }
}
