package dev.gatewaykit.sdk.doctor;

import dev.gatewaykit.sdk.client.SharedHttpClient;
import dev.gatewaykit.sdk.health.HealthResult;
import dev.gatewaykit.sdk.health.RouteHealthProbe;
import dev.gatewaykit.sdk.settings.DotenvFileSource;
import dev.gatewaykit.sdk.settings.GatewaySettings;
import dev.gatewaykit.sdk.settings.RouteSettings;
import dev.gatewaykit.sdk.settings.SettingsProblem;
import dev.gatewaykit.sdk.settings.SettingsReport;
import dev.gatewaykit.sdk.settings.SettingsSource;
import dev.gatewaykit.sdk.settings.SettingsSources;
import dev.gatewaykit.sdk.settings.SettingsWarning;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code doctor}: prints the layers read, the routing table (role, gateway, URL, model, masked key and the layer
 * each value came from), every warning and validation problem, then a health probe per route with its latency.
 * Exit code 0 when everything is fine, 1 when anything is wrong, 64 for a bad command line.
 *
 * <p>Usage: {@code java -jar openai-gateway-sdk-doctor.jar [--dir <directory with .env>] [--no-probe]}.
 */
public final class Doctor {

    /** Exit code when everything is fine. */
    public static final int OK = 0;
    /** Exit code when a setting is invalid or a route is down. */
    public static final int PROBLEMS = 1;
    /** Exit code for a bad command line. */
    public static final int USAGE = 64;

    private Doctor() {
    }

    /** Command-line entry point. */
    public static void main(String[] args) {
        Path dir = Path.of("");
        boolean probe = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--dir" -> {
                    if (i + 1 >= args.length) {
                        usage();
                        return;
                    }
                    dir = Path.of(args[++i]);
                }
                case "--no-probe" -> probe = false;
                case "--help", "-h" -> {
                    System.out.println(USAGE_TEXT);
                    return;
                }
                default -> {
                    usage();
                    return;
                }
            }
        }
        // The report is ASCII; file paths in it may not be, and UTF-8 keeps them intact.
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.exit(run(SettingsSources.defaults(dir), out, probe));
    }

    private static final String USAGE_TEXT =
            "usage: doctor [--dir <directory holding .env and .env.default>] [--no-probe]";

    private static void usage() {
        System.err.println(USAGE_TEXT);
        System.exit(USAGE);
    }

    /** Diagnoses the configuration from {@code sources}, probing every route; returns the exit code. */
    public static int run(SettingsSources sources, PrintStream out) {
        return run(sources, out, true);
    }

    /** Diagnoses the configuration from {@code sources}; returns the exit code. */
    public static int run(SettingsSources sources, PrintStream out, boolean probe) {
        out.println("openai-gateway-kit doctor");
        out.println();
        out.println("Layers (highest first): " + describe(sources.list()));
        out.println();

        SettingsReport report = GatewaySettings.inspect(sources);
        GatewaySettings settings = report.settings();
        out.println("Routes:");
        settings.routingTable().lines().forEach(line -> out.println("  " + line));
        out.println("  timeouts: connect " + format(settings.connectTimeout()) + ", read "
                + format(settings.readTimeout()) + ", call " + format(settings.callTimeout()) + "; max retries "
                + settings.maxRetries());
        out.println();

        List<String> duplicates = duplicates(sources.list());
        if (!duplicates.isEmpty()) {
            out.println("Set more than once (the last line wins):");
            duplicates.forEach(line -> out.println("  - " + line));
            out.println();
        }

        List<SettingsWarning> warnings = settings.warnings();
        if (!warnings.isEmpty()) {
            out.println("Warnings (" + warnings.size() + "):");
            warnings.forEach(w -> out.println("  - " + w.variable() + ": " + w.message()));
            out.println();
        }
        // A route without a key lets an application start, but the doctor is asked whether every route works.
        List<SettingsProblem> problems = new ArrayList<>(report.problems());
        settings.routes().values().forEach(route -> route.missingKey().filter(p -> !problems.contains(p))
                .ifPresent(problems::add));
        if (problems.isEmpty()) {
            out.println("Settings: OK");
        } else {
            out.println("Settings problems (" + problems.size() + "):");
            for (SettingsProblem p : problems) {
                out.println("  - " + p.describe());
            }
        }
        out.println();

        boolean allUp = true;
        if (probe) {
            out.println("Health:");
            try (SharedHttpClient http = SharedHttpClient.create(settings)) {
                RouteHealthProbe prober = new RouteHealthProbe(http.okHttpClient());
                for (RouteSettings route : settings.routes().values()) {
                    HealthResult result = prober.probe(route);
                    allUp &= result.up();
                    out.println("  " + pad(route.role().name(), 11) + (result.up() ? "UP    " : "DOWN  ")
                            + pad(result.latency().toMillis() + " ms", 9) + result.url()
                            + result.detail().map(d -> "  " + d).orElse(""));
                    result.error().ifPresent(e -> {
                        out.println("             " + e.kind() + ": " + e.message());
                        out.println("             Hint: " + e.hint());
                    });
                }
            }
            out.println();
        }
        boolean ok = problems.isEmpty() && allUp;
        out.println(ok ? "Result: OK" : "Result: something is wrong (see above)");
        return ok ? OK : PROBLEMS;
    }

    private static List<String> duplicates(List<SettingsSource> sources) {
        List<String> lines = new ArrayList<>();
        for (SettingsSource source : sources) {
            if (source instanceof DotenvFileSource file) {
                file.duplicates().forEach((name, at) -> lines.add(name + " in " + source.name() + " on lines "
                        + at.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "))
                        + " (line " + at.get(at.size() - 1) + " is used)"));
            }
        }
        return lines;
    }

    private static String describe(List<SettingsSource> sources) {
        List<String> parts = new ArrayList<>();
        for (SettingsSource source : sources) {
            if (source instanceof DotenvFileSource file) {
                Path path = file.file().toAbsolutePath().normalize();
                parts.add(source.name() + " (" + path + (Files.isRegularFile(path) ? "" : ", not found") + ")");
            } else {
                parts.add(source.name());
            }
        }
        return String.join(" > ", parts);
    }

    private static String format(Duration d) {
        return d.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(1, width - s.length()));
    }
}
