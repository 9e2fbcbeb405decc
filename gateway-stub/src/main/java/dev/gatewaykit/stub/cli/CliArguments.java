package dev.gatewaykit.stub.cli;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Parsed command line: {@code --port N --mode M [--config F] [--host H] [--master-key K]
 * [--record DIR --upstream URL | --replay DIR] [--help]} (also {@code --name=value}).
 *
 * @param port      port, if given
 * @param mode      mode, if given
 * @param config    config file, if given
 * @param host      host, if given
 * @param masterKey master key, if given
 * @param help      whether help was asked
 * @param record    record directory, if given
 * @param upstream  upstream gateway base URL for recording, if given
 * @param replay    replay directory, if given
 * @param liteLlmVersion LiteLLM release line, if given
 */
public record CliArguments(Integer port, String mode, Path config, String host, String masterKey, boolean help,
                           Path record, String upstream, Path replay, String liteLlmVersion) {

    /** Usage text. */
    public static final String USAGE = String.join("\n",
            "Usage: java -jar openai-gateway-stub.jar [--port N] [--mode openai|litellm|portkey|portkey-oss] [--config stub.json]",
            "                                         [--host 127.0.0.1] [--master-key KEY] [--litellm-version 1.75] [--help]",
            "  --port N          port to listen on (default 4000; 0 picks a free port)",
            "  --mode M          gateway to impersonate: openai, litellm (default), portkey (Portkey cloud) or",
            "                    portkey-oss (the self-hosted Portkey gateway 1.15.x)",
            "  --config F        JSON configuration file (models, virtualKeys, masterKey, prices, limits, scripts, faults)",
            "  --host H          interface to bind (default 127.0.0.1)",
            "  --master-key K    LiteLLM master key / Portkey x-portkey-api-key (default: none, any key accepted)",
            "  --litellm-version V  LiteLLM release line to answer as: 1.60 or 1.75 (default; aliases old, new)",
            "  --record DIR      forward model calls to --upstream and write each exchange to DIR (keys redacted)",
            "  --upstream URL    the real gateway to record from, e.g. http://localhost:4000",
            "  --replay DIR      answer model calls from the fixtures in DIR, never forwarding",
            "  --help            print this help",
            "Prints 'gateway-stub ready: <base URL> (mode <mode>)' when ready; stops on SIGTERM.",
            "Admin API: GET /__stub/ready, POST /__stub/reset, GET /__stub/journal, GET /__stub/stats,",
            "           POST|DELETE /__stub/scripts, POST|DELETE /__stub/faults, GET /__stub/calls,",
            "           GET /__stub/schema-reports");

    /**
     * Parses the arguments.
     *
     * @throws IllegalArgumentException with a message naming the bad argument
     */
    public static CliArguments parse(String[] args) {
        Integer port = null;
        String mode = null;
        Path config = null;
        String host = null;
        String masterKey = null;
        boolean help = false;
        Path record = null;
        String upstream = null;
        Path replay = null;
        String liteLlmVersion = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            switch (name) {
                case "--help", "-h" -> help = true;
                case "--port", "--mode", "--config", "--host", "--master-key", "--record", "--upstream", "--replay",
                     "--litellm-version" -> {
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException("missing value after " + name);
                        }
                        value = args[++i];
                    }
                    switch (name) {
                        case "--port" -> port = port(value);
                        case "--mode" -> mode = value;
                        case "--config" -> config = Path.of(value);
                        case "--host" -> host = value;
                        case "--record" -> record = Path.of(value);
                        case "--upstream" -> upstream = value;
                        case "--replay" -> replay = Path.of(value);
                        case "--litellm-version" -> liteLlmVersion = value;
                        default -> masterKey = value;
                    }
                }
                default -> throw new IllegalArgumentException("unknown argument '" + arg + "'");
            }
        }
        if (record != null && replay != null) {
            throw new IllegalArgumentException("--record and --replay exclude each other");
        }
        if ((record == null) != (upstream == null)) {
            throw new IllegalArgumentException(record == null ? "--upstream needs --record DIR"
                    : "--record needs --upstream URL (the real gateway to record from)");
        }
        return new CliArguments(port, mode, config, host, masterKey, help, record, upstream, replay, liteLlmVersion);
    }

    private static int port(String value) {
        try {
            int p = Integer.parseInt(value.trim());
            if (p < 0 || p > 65535) {
                throw new NumberFormatException();
            }
            return p;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port must be a number within 0..65535, got '" + value + "'");
        }
    }

    /** The config file as an Optional. */
    public Optional<Path> configFile() {
        return Optional.ofNullable(config);
    }
}
