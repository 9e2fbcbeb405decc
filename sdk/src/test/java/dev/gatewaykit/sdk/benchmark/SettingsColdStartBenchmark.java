package dev.gatewaykit.sdk.benchmark;

import dev.gatewaykit.sdk.settings.GatewaySettings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Cost of {@code GatewaySettings.fromEnvironment()}: cold (first call in a fresh JVM, class loading included) and
 * warm (median of repeated calls in that JVM), over fresh JVMs, plus the classes the first call loads per package
 * prefix. Not part of the build; run with
 * {@code ./mvnw -B -q -pl sdk test-compile exec:exec@settings-benchmark}.
 */
public final class SettingsColdStartBenchmark {

    private static final int ROUNDS = Integer.getInteger("benchmark.rounds", 15);
    private static final int WARM_CALLS = 200;
    private static final List<String> PREFIXES = List.of("dev.gatewaykit.", "jakarta.validation.",
            "org.hibernate.validator.", "org.jboss.logging.", "io.github.cdimascio.", "com.fasterxml.jackson.",
            "okhttp3.", "kotlin.", "java.", "jdk.", "sun.");

    private SettingsColdStartBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("--single")) {
            long start = System.nanoTime();
            GatewaySettings.fromEnvironment();
            long cold = System.nanoTime() - start;
            List<Long> warm = new ArrayList<>();
            for (int i = 0; i < WARM_CALLS; i++) {
                long t = System.nanoTime();
                GatewaySettings.fromEnvironment();
                warm.add(System.nanoTime() - t);
            }
            System.out.println("COLD_NANOS=" + cold + " WARM_NANOS=" + median(warm));
            return;
        }
        System.out.printf(Locale.ROOT, "Java %s, %d CPUs%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        List<Long> cold = new ArrayList<>();
        List<Long> warm = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            String out = run(List.of());
            String[] parts = out.substring(out.indexOf("COLD_NANOS=")).strip().split(" ");
            cold.add(Long.parseLong(parts[0].substring("COLD_NANOS=".length())));
            warm.add(Long.parseLong(parts[1].substring("WARM_NANOS=".length())));
        }
        System.out.printf(Locale.ROOT, "fromEnvironment() cold: median %.1f ms (min %.1f, max %.1f, n=%d)%n",
                median(cold) / 1e6, Collections.min(cold) / 1e6, Collections.max(cold) / 1e6, cold.size());
        System.out.printf(Locale.ROOT, "fromEnvironment() warm: median %.1f us%n", median(warm) / 1e3);
        Map<String, Integer> counts = new TreeMap<>();
        for (String line : run(List.of("-Xlog:class+load=info")).split("\n")) {
            int at = line.indexOf("] ");
            if (line.contains("class,load") && at > 0) {
                String name = line.substring(at + 2).split(" ")[0];
                PREFIXES.stream().filter(name::startsWith).findFirst().ifPresent(p -> counts.merge(p, 1, Integer::sum));
            }
        }
        PREFIXES.forEach(p -> System.out.printf(Locale.ROOT, "classes loaded %-26s %5d%n", p + "*",
                counts.getOrDefault(p, 0)));
    }

    private static String run(List<String> jvmOptions) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), SettingsColdStartBenchmark.class.getName(),
                "--single"));
        Path dir = Files.createTempDirectory("settings-benchmark");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().put("OPENAI_BASE_URL", "http://127.0.0.1:4000");
        builder.environment().put("OPENAI_API_KEY", "sk-bench-0000000000000000");
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(out);
        }
        return out;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
