package dev.gatewaykit.spring.benchmark;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Cold start of the same Spring Boot web application (Spring MVC, Actuator) with a hand-built openai-java client
 * and with the starter ({@link BenchmarkApplications}), paired and alternating, a fresh JVM per start.
 * <p>
 * The two class paths are what the two applications would ship: the hand-built one has openai-java but neither
 * the starter nor the sdk; the starter one adds both. Neither has Bean Validation (no
 * {@code spring-boot-starter-validation}), which the starter's own tests add. Each round starts both, the order
 * alternating between rounds, so both see the same machine load. Reported: medians of both, the median of the
 * paired differences with its range, the same for a warm restart inside one JVM, and the classes each loaded per
 * package prefix. Not part of the build; run with
 * {@code ./mvnw -B -q -o -pl gateway-stub,sdk,spring-boot-starter -am verify -DskipTests -Pbenchmark} (rounds:
 * {@code -Dbenchmark.rounds=15}).
 */
public final class ContextStartBenchmark {

    private static final int ROUNDS = Integer.getInteger("benchmark.rounds", 15);

    private static final int WARM_RUNS = Integer.getInteger("benchmark.warmRuns", 10);

    private static final List<String> WITHOUT_BEAN_VALIDATION = List.of("hibernate-validator", "jakarta.validation-api",
            "classmate", "jboss-logging", "spring-boot-starter-validation", "spring-boot-validation");

    private static final List<String> STARTER_AND_SDK = List.of("spring-boot-starter" + File.separator + "target" + File.separator + "classes",
            "sdk" + File.separator + "target", "gateway-stub" + File.separator + "target",
            "openai-gateway-spring-boot-starter", "openai-gateway-sdk", "openai-gateway-stub");

    private ContextStartBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<String> classPath = Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
        List<String> starterClassPath = without(classPath, WITHOUT_BEAN_VALIDATION);
        List<String> handBuiltClassPath = without(starterClassPath, STARTER_AND_SDK);
        System.out.printf(Locale.ROOT, "Java %s, %d CPUs, load average %s%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), loadAverage());

        List<Map<String, Long>> handBuilt = new ArrayList<>();
        List<Map<String, Long>> starter = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            if (round % 2 == 0) {
                handBuilt.add(start(handBuiltClassPath, "hand-built", 0, null));
                starter.add(start(starterClassPath, "starter", 0, null));
            }
            else {
                starter.add(start(starterClassPath, "starter", 0, null));
                handBuilt.add(start(handBuiltClassPath, "hand-built", 0, null));
            }
        }
        report("cold, SpringApplication.run", handBuilt, starter, "RUN_NANOS", 1_000_000.0);
        report("cold, JVM start to ready", handBuilt, starter, "READY_UPTIME_MS", 1.0);

        List<Map<String, Long>> warmHandBuilt = new ArrayList<>();
        List<Map<String, Long>> warmStarter = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            warmHandBuilt.add(start(handBuiltClassPath, "hand-built", WARM_RUNS, null));
            warmStarter.add(start(starterClassPath, "starter", WARM_RUNS, null));
        }
        report("warm restart in one JVM (median of " + WARM_RUNS + " per JVM)", warmHandBuilt, warmStarter,
                "WARM_MEDIAN_NANOS", 1_000_000.0);

        Path handBuiltLog = Files.createTempFile("class-load-hand-built", ".log");
        Path starterLog = Files.createTempFile("class-load-starter", ".log");
        start(handBuiltClassPath, "hand-built", 0, handBuiltLog);
        start(starterClassPath, "starter", 0, starterLog);
        Map<String, Integer> handBuiltClasses = ClassLoadCounts.read(handBuiltLog);
        Map<String, Integer> starterClasses = ClassLoadCounts.read(starterLog);
        System.out.println("classes loaded per package prefix (hand-built, starter, difference):");
        handBuiltClasses.forEach((prefix, count) -> System.out.printf(Locale.ROOT, "  %-26s %6d %6d %+6d%n", prefix,
                count, starterClasses.get(prefix), starterClasses.get(prefix) - count));
        Files.delete(handBuiltLog);
        Files.delete(starterLog);
        System.out.printf(Locale.ROOT, "load average at the end %s%n", loadAverage());
    }

    private static List<String> without(List<String> classPath, List<String> fragments) {
        return classPath.stream()
            .filter((entry) -> fragments.stream().noneMatch(entry::contains))
            .collect(Collectors.toList());
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        }
        catch (IOException ex) {
            return "unknown";
        }
    }

    private static Map<String, Long> start(List<String> classPath, String application, int warmRuns, Path classLog)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (classLog != null) {
            command.add("-Xlog:class+load=info:file=" + classLog);
        }
        command.addAll(List.of("-cp", String.join(File.pathSeparator, classPath),
                BenchmarkApplications.class.getName(), application, Integer.toString(warmRuns)));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(application + " failed:\n" + output);
        }
        return output.lines()
            .filter((line) -> line.matches("[A-Z_]+=\\d+"))
            .collect(Collectors.toMap((line) -> line.substring(0, line.indexOf('=')),
                    (line) -> Long.parseLong(line.substring(line.indexOf('=') + 1))));
    }

    private static void report(String label, List<Map<String, Long>> handBuilt, List<Map<String, Long>> starter,
            String key, double unit) {
        List<Double> a = handBuilt.stream().map((run) -> run.get(key) / unit).toList();
        List<Double> b = starter.stream().map((run) -> run.get(key) / unit).toList();
        List<Double> differences = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            differences.add(b.get(i) - a.get(i));
        }
        List<Double> sorted = new ArrayList<>(differences);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT,
                "%s: n=%d pairs, median hand-built %.1f ms, starter %.1f ms; paired difference median %+.1f ms"
                        + " (min %+.1f, max %+.1f)%n",
                label, a.size(), median(a), median(b), median(differences), sorted.get(0),
                sorted.get(sorted.size() - 1));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return (n % 2 == 1) ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

}
