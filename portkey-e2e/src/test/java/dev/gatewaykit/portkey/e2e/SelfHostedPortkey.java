package dev.gatewaykit.portkey.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real self-hosted Portkey gateway ({@code @portkey-ai/gateway} as {@code npm ci} installed it from the
 * committed lockfile), run with Node on {@code 127.0.0.1} and a port the OS picks.
 *
 * <p>Its CLI ({@code build/start-server.js}) reads only {@code --port=N} and {@code --headless} and binds every
 * interface; {@code launcher/loopback.mjs}, preloaded with {@code node --import}, makes it bind the loopback
 * interface and print the port it got.
 */
final class SelfHostedPortkey implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("^portkey-e2e listening (127\\.0\\.0\\.1):(\\d+)$");

    private static final Duration STARTUP = Duration.ofSeconds(60);

    private final Process process;

    private final ProcessOutput output;

    private final String origin;

    private SelfHostedPortkey(Process process, ProcessOutput output, String origin) {
        this.process = process;
        this.output = output;
        this.origin = origin;
    }

    /**
     * Starts the gateway installed under {@code dir/node_modules} and waits until it answers.
     * @param dir the module directory holding {@code package.json}, {@code node_modules} and {@code launcher}
     */
    static SelfHostedPortkey start(Path dir) {
        Path server = dir.resolve("node_modules/@portkey-ai/gateway/build/start-server.js");
        if (!Files.isRegularFile(server)) {
            throw new IllegalStateException(server + " is missing: run npm ci in " + dir
                    + " (the Maven build does this in generate-test-resources)");
        }
        ProcessBuilder builder = new ProcessBuilder(List.of("node", "--import",
                dir.resolve("launcher/loopback.mjs").toUri().toString(), server.toString(), "--port=0", "--headless"))
            .directory(dir.toFile())
            .redirectErrorStream(true);
        // Production mode: no log-viewer UI routes; nothing else of the gateway depends on it.
        builder.environment().put("NODE_ENV", "production");
        Process process;
        try {
            process = builder.start();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot start node (Node.js 20 or newer must be on the PATH)", ex);
        }
        ProcessOutput output = ProcessOutput.follow("portkey-gateway", process);
        try {
            Matcher listening = output.await(LISTENING, STARTUP);
            SelfHostedPortkey gateway = new SelfHostedPortkey(process, output,
                    "http://" + listening.group(1) + ":" + listening.group(2));
            gateway.checkAnswers();
            return gateway;
        }
        catch (RuntimeException ex) {
            ProcessOutput.stop(process);
            throw ex;
        }
    }

    private void checkAnswers() {
        HttpResponse<String> hello = Http.get(this.origin + "/");
        if (hello.statusCode() != 200 || !hello.body().contains("AI Gateway says hey!")) {
            throw new IllegalStateException("The Portkey gateway at " + this.origin + " answered GET / with HTTP "
                    + hello.statusCode() + " " + hello.body() + "; its output:\n" + this.output.tail());
        }
    }

    /** {@code http://127.0.0.1:<port>}. */
    String origin() {
        return this.origin;
    }

    /** The OpenAI-compatible base URL, {@code http://127.0.0.1:<port>/v1}. */
    String baseUrl() {
        return this.origin + "/v1";
    }

    /** What the gateway printed last, for failure messages. */
    String output() {
        return this.output.tail();
    }

    @Override
    public void close() {
        ProcessOutput.stop(this.process);
    }

}
