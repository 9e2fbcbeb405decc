package dev.gatewaykit.stub.cli;

import dev.gatewaykit.stub.GatewayStub;
import dev.gatewaykit.stub.StubMode;
import dev.gatewaykit.stub.config.StubConfigFile;

import java.io.PrintStream;
import java.io.UncheckedIOException;

/**
 * Standalone entry point: {@code java -jar openai-gateway-stub.jar --port 4000 --mode litellm}. Exit codes:
 * 0 for {@code --help}, 2 for bad arguments or configuration or a port in use; SIGTERM stops the stub cleanly.
 */
public final class GatewayStubMain {

    /** Default port when none is given (LiteLLM's usual port). */
    public static final int DEFAULT_PORT = 4000;

    private GatewayStubMain() {
    }

    /** Runs the stub until the process is terminated. */
    public static void main(String[] args) {
        // Before any HttpServer class loads: without it every response stalls ~40 ms.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        int exit = run(args, System.out, System.err);
        if (exit >= 0) {
            System.exit(exit);
        }
    }

    /**
     * Starts the stub; returns an exit code, or -1 when the stub is running (then the server thread keeps the
     * process alive and a shutdown hook stops it).
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        CliArguments cli;
        try {
            cli = CliArguments.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("gateway-stub: " + e.getMessage());
            err.println(CliArguments.USAGE);
            return 2;
        }
        if (cli.help()) {
            out.println(CliArguments.USAGE);
            return 0;
        }
        GatewayStub.Builder builder = GatewayStub.builder().port(DEFAULT_PORT);
        GatewayStub stub;
        try {
            cli.configFile().ifPresent(path -> StubConfigFile.apply(path, builder));
            if (cli.mode() != null) {
                builder.mode(StubMode.parse(cli.mode()));
            }
            if (cli.liteLlmVersion() != null) {
                builder.liteLlmVersion(dev.gatewaykit.stub.LiteLlmVersion.parse(cli.liteLlmVersion()));
            }
            if (cli.host() != null) {
                builder.host(cli.host());
            }
            if (cli.port() != null) {
                builder.port(cli.port());
            }
            if (cli.masterKey() != null) {
                builder.masterKey(cli.masterKey());
            }
            if (cli.record() != null) {
                builder.record(cli.record(), cli.upstream());
            }
            if (cli.replay() != null) {
                builder.replay(cli.replay());
            }
            stub = builder.start();
        } catch (IllegalArgumentException | IllegalStateException e) {
            err.println("gateway-stub: " + e.getMessage());
            err.println(CliArguments.USAGE);
            return 2;
        } catch (UncheckedIOException e) {
            err.println("gateway-stub: " + e.getMessage());
            return 2;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(stub::close, "gateway-stub-shutdown"));
        // The ready line's format is parsed by the GitHub action: record/replay go on a line of their own, before it.
        if (cli.record() != null) {
            out.println("gateway-stub recording: " + cli.upstream() + " -> " + cli.record());
        } else if (cli.replay() != null) {
            out.println("gateway-stub replaying: " + cli.replay());
        }
        out.println("gateway-stub ready: " + stub.baseUrl() + " (mode " + stub.mode().id() + ")");
        out.flush();
        return -1;
    }
}
