package dev.gatewaykit.sample.demo;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import dev.gatewaykit.sample.SampleApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo as a new user runs it on a plain container: a fresh JVM with no locale ({@code LC_ALL=C}) and no
 * environment. Nothing may reach stderr (no Hibernate Validator banner), and stdout must be plain ASCII.
 */
class DemoProcessOutputTests {

    @TempDir
    File workingDirectory;

    @Test
    void demoInAFreshJvmWithoutLocaleWritesAsciiAndNothingOnStderr() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                SampleApplication.class.getName(), "--demo", "--demo.serve=false").directory(this.workingDirectory);
        builder.environment().clear();
        builder.environment().put("LC_ALL", "C");
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();

        String stdout = new String(out, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(stdout + err).isZero();
        assertThat(err).doesNotContain("HV000001").isEmpty();
        assertThat(stdout).contains("Demo OK").doesNotContain("?...").doesNotContain("sk-?");
        for (byte b : out) {
            assertThat(b & 0xff).as("byte of the demo's output").isLessThan(0x80);
        }
    }

}
