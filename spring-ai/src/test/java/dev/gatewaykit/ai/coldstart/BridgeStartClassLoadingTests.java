package dev.gatewaykit.ai.coldstart;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the start of an application with the starter and the Spring AI bridge must not load, each costing
 * measurable time in a cold JVM (see the sdk settings package note and docs/benchmarks.md): no lambda, method
 * reference or stream class of ours, and none of openai-java's service interfaces (Spring's scan of the client
 * beans' methods used to load 54 of them; see {@code ClientBeansListenerScanExclusion}). A fresh JVM runs
 * {@link BridgeStartProbe} with {@code -Xlog:class+load}. Counts classes, not time.
 */
class BridgeStartClassLoadingTests {

    @TempDir
    Path dir;

    @Test
    void startingWithTheBridgeADotenvFileAndAConflictingSpringAiKeySpinsNoLambdaOfOursAndLoadsNoServiceInterface()
            throws Exception {
        Files.writeString(dir.resolve(".env"), String.join("\n", "OPENAI_BASE_URL=http://127.0.0.1:4000",
                "OPENAI_EMBEDDINGS_BASE_URL=http://127.0.0.1:4001", "OPENAI_LLM_MODEL=gpt-4o-mini", ""),
                StandardCharsets.UTF_8);

        List<String> loaded = loadedClasses();

        assertThat(loaded).contains("dev.gatewaykit.ai.springai.SpringAiPropertyConflicts",
                "dev.gatewaykit.spring.settings.DotenvLayers",
                "dev.gatewaykit.spring.autoconfigure.GatewayRoutesLogger",
                "dev.gatewaykit.sdk.client.GatewayClients");
        List<String> lambdas = new ArrayList<>();
        for (String name : loaded) {
            if (name.startsWith("dev.gatewaykit.") && name.contains("$$Lambda")) {
                lambdas.add(name);
            }
        }
        assertThat(lambdas).isEmpty();
        List<String> services = new ArrayList<>();
        for (String name : loaded) {
            if (name.startsWith("com.openai.services.")) {
                services.add(name);
            }
        }
        assertThat(services).isEmpty();
    }

    private List<String> loadedClasses() throws IOException, InterruptedException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto", "-Xlog:class+load=info", "-cp", System.getProperty("java.class.path"),
                BridgeStartProbe.class.getName());
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf((name) -> name.startsWith("OPENAI_") || name.startsWith("PORTKEY_")
                || name.startsWith("SPRING_"));
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(out).isZero();
        assertThat(out).contains(BridgeStartProbe.STARTED).contains("OpenAI gateway routes:")
            .contains("spring.ai.openai.api-key=sk-...0000 is not used");
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
