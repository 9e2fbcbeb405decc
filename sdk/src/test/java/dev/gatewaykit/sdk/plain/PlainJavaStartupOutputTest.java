package dev.gatewaykit.sdk.plain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static dev.gatewaykit.sdk.testing.TestLayers.fakeKey;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plain-Java consumer in a fresh JVM with no locale and no logging framework: it writes nothing to stderr (no
 * Hibernate Validator version banner through java.util.logging) and its output is ASCII.
 */
class PlainJavaStartupOutputTest {

    @TempDir
    Path dir;

    @Test
    void startingTheClientsPrintsNothingOnStderr() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                PlainJavaConsumer.class.getName()).directory(dir.toFile());
        builder.environment().clear();
        builder.environment().put("LC_ALL", "C");
        builder.environment().put("OPENAI_BASE_URL", "http://127.0.0.1:4000");
        builder.environment().put("OPENAI_API_KEY", fakeKey());
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(err).isZero();
        assertThat(err).doesNotContain("HV000001").isEmpty();
        assertThat(out).contains("LLM", "sk-...").matches("\\p{ASCII}*");
    }
}
