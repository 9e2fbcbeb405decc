package dev.gatewaykit.hardening.stub;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stub's command line run in a child JVM with the README's small-footprint flags ({@code -Xmx24m},
 * {@code -Xss256k}, serial GC, C1 only), on the test's own class path; ready once it prints its ready line.
 */
final class StubProcess implements AutoCloseable {

    static final List<String> SMALL_FOOTPRINT = List.of("-Xms24m", "-Xmx24m", "-XX:+AlwaysPreTouch", "-XX:+UseSerialGC",
            "-Xss256k", "-XX:ReservedCodeCacheSize=24m", "-XX:MaxMetaspaceSize=48m", "-XX:-UsePerfData",
            "-XX:CICompilerCount=2", "-XX:TieredStopAtLevel=1");
    private static final Pattern READY = Pattern.compile("gateway-stub ready: http://127\\.0\\.0\\.1:(\\d+)/v1 .*");

    private final Process process;
    private final int port;

    StubProcess(Path config) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(SMALL_FOOTPRINT);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.gatewaykit.stub.cli.GatewayStubMain",
                "--port", "0", "--config", config.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("MALLOC_ARENA_MAX", "2");
        this.process = builder.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine(); // blocks until the ready line or the process ends
        Matcher m = line == null ? null : READY.matcher(line);
        if (m == null || !m.matches()) {
            process.destroyForcibly();
            throw new IllegalStateException("stub process did not start: " + line);
        }
        this.port = Integer.parseInt(m.group(1));
    }

    int port() {
        return port;
    }

    boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
