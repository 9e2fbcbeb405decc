package dev.gatewaykit.stub;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatewaykit.stub.support.RawHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The built executable jar, run as a real process (after {@code package}). */
class StandaloneJarIT {

    private static final Pattern READY = Pattern.compile("gateway-stub ready: (http://127\\.0\\.0\\.1:(\\d+)/v1) \\(mode ([\\w-]+)\\)");

    private final List<Process> started = new ArrayList<>();

    @TempDir
    Path dir;

    @AfterEach
    void stopAll() {
        started.forEach(Process::destroyForcibly);
    }

    private Process launch(String... args) throws IOException {
        String jar = System.getProperty("gateway-stub.jar", "target/openai-gateway-stub.jar");
        assertThat(Path.of(jar)).exists();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-jar", jar));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).start();
        started.add(p);
        return p;
    }

    @Test
    void startsPrintsOneReadyLineServesAndStopsOnSigterm() throws Exception {
        Path config = dir.resolve("stub.json");
        Files.writeString(config, "{\"scripts\":[{\"contains\":\"ping\",\"reply\":\"pong\"}]}");
        Process p = launch("--port", "0", "--mode", "litellm", "--config", config.toString());
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertThat(line).isNotNull();
        Matcher m = READY.matcher(line);
        assertThat(m.matches()).as(line).isTrue();
        String baseUrl = m.group(1);
        assertThat(m.group(3)).isEqualTo("litellm");

        JsonNode ready = RawHttp.json(RawHttp.get(baseUrl.replace("/v1", "") + "/__stub/ready"));
        assertThat(ready.get("baseUrl").asText()).isEqualTo(baseUrl);
        JsonNode reply = RawHttp.json(RawHttp.post(baseUrl + "/chat/completions", RawHttp.chat("gpt-4o-mini", "ping")));
        assertThat(reply.at("/choices/0/message/content").asText()).isEqualTo("pong");

        assertThat(p.toHandle().destroy()).isTrue(); // SIGTERM, keeping our end of the pipes open
        assertThat(out.readLine()).as("exactly one stdout line").isNull();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isIn(0, 143);
    }

    @Test
    void theSelfHostedPortkeyModeAndABadLiteLlmVersionFromTheCommandLine() throws Exception {
        Process p = launch("--port", "0", "--mode", "portkey-oss");
        String line = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
        Matcher m = READY.matcher(line);
        assertThat(m.matches()).as(line).isTrue();
        assertThat(m.group(3)).isEqualTo("portkey-oss");
        assertThat(RawHttp.post(m.group(1) + "/chat/completions", RawHttp.chat("gpt-4o-mini", "x")).body())
                .contains("Either x-portkey-config or x-portkey-provider header is required");

        Process bad = launch("--litellm-version", "9.9");
        assertThat(bad.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(bad.exitValue()).isEqualTo(2);
        assertThat(new String(bad.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                .contains("1.60 (alias old), 1.75 (alias new)");
    }

    @Test
    void portInUseExits2WithOneLine() throws Exception {
        Process first = launch("--port", "0");
        String line = new BufferedReader(new InputStreamReader(first.getInputStream(), StandardCharsets.UTF_8)).readLine();
        Matcher m = READY.matcher(line);
        assertThat(m.matches()).isTrue();
        Process second = launch("--port", m.group(2));
        assertThat(second.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(second.exitValue()).isEqualTo(2);
        String err = new String(second.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(err).doesNotContain("\n").contains(m.group(2)).contains("in use");
    }

    @Test
    void helpExits0AndBadArgumentsExit2() throws Exception {
        Process help = launch("--help");
        assertThat(help.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(help.exitValue()).isZero();
        assertThat(new String(help.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).contains("Usage:");

        Process bad = launch("--mode", "kong");
        assertThat(bad.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(bad.exitValue()).isEqualTo(2);
        assertThat(new String(bad.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).contains("kong").contains("Usage:");
    }
}
