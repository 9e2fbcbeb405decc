package dev.gatewaykit.portkey.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The sample app's executable jar, started as a user starts it: {@code java -jar} with its configuration in
 * environment variables only, in an empty working directory (so no {@code .env} is read), on a port the OS picks.
 * A separate process, because the module's jar is Spring Boot's executable layout, not a library on a classpath.
 */
final class SampleAppProcess implements AutoCloseable {

    /** Prefixes of the variables the kit reads; the developer's own are removed, so only the test's count. */
    private static final List<String> KIT_PREFIXES = List.of("OPENAI_", "PORTKEY_", "LITELLM_");

    private static final Pattern TOMCAT_PORT = Pattern.compile("Tomcat started on port (\\d+)");

    private static final Pattern STARTED = Pattern.compile("Started SampleApplication in ");

    private static final Duration STARTUP = Duration.ofSeconds(120);

    private static final Duration READY = Duration.ofSeconds(30);

    private final Process process;

    private final ProcessOutput output;

    private final String origin;

    private SampleAppProcess(Process process, ProcessOutput output, String origin) {
        this.process = process;
        this.output = output;
        this.origin = origin;
    }

    /**
     * Starts the jar and waits until the app has started and its readiness probe says UP.
     * @param jar the sample app's executable jar
     * @param workDir an empty directory to run in
     * @param environment the kit's settings, e.g. {@code OPENAI_BASE_URL}
     */
    static SampleAppProcess start(Path jar, Path workDir, Map<String, String> environment) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package the sample-app module first");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-jar", jar.toString(), "--server.port=0",
                "--server.address=127.0.0.1",
                // The two lines that say which port the app got and that it has started.
                "--logging.level.org.springframework.boot.tomcat.TomcatWebServer=INFO",
                "--logging.level.dev.gatewaykit.sample.SampleApplication=INFO",
                "--management.endpoint.health.probes.enabled=true"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(createDirectories(workDir).toFile())
            .redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> KIT_PREFIXES.stream().anyMatch(name::startsWith));
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot start " + command, ex);
        }
        ProcessOutput output = ProcessOutput.follow("sample-app", process);
        try {
            Matcher port = output.await(TOMCAT_PORT, STARTUP);
            output.await(STARTED, STARTUP);
            SampleAppProcess app = new SampleAppProcess(process, output, "http://127.0.0.1:" + port.group(1));
            app.awaitReady();
            return app;
        }
        catch (RuntimeException ex) {
            ProcessOutput.stop(process);
            throw ex;
        }
    }

    private static Path createDirectories(Path dir) {
        try {
            return Files.createDirectories(dir);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Readiness turns UP only after the startup log line, once the app accepts traffic: polled until then. */
    private void awaitReady() {
        String url = this.origin + "/actuator/health/readiness";
        try {
            Awaitility.await("readiness of the sample app")
                .atMost(READY)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> Http.get(url).statusCode() == 200);
        }
        catch (ConditionTimeoutException ex) {
            HttpResponse<String> readiness = Http.get(url);
            throw new IllegalStateException("The sample app is not ready: HTTP " + readiness.statusCode() + " "
                    + readiness.body() + "; its output:\n" + this.output.tail(), ex);
        }
    }

    /** {@code http://127.0.0.1:<port>}. */
    String origin() {
        return this.origin;
    }

    /** What the app printed last, for failure messages. */
    String output() {
        return this.output.tail();
    }

    @Override
    public void close() {
        ProcessOutput.stop(this.process);
    }

}
