package dev.gatewaykit.spring.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.gatewaykit.spring.autoconfigure.OpenAIGatewayAutoConfiguration;
import dev.gatewaykit.spring.autoconfigure.actuate.OpenAIGatewaySanitizingAutoConfiguration;
import dev.gatewaykit.spring.autoconfigure.health.OpenAIGatewayHealthContributorAutoConfiguration;
import dev.gatewaykit.spring.autoconfigure.metrics.OpenAIGatewayMetricsAutoConfiguration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Start time of a minimal non-web Spring Boot application with and without the starter, on the same class path
 * and in the same run, alternating the two so both see the same machine load.
 * <p>
 * <b>cold</b>: a fresh JVM per start (what a deployment sees: class loading included), median of the time
 * {@code SpringApplication.run} takes. <b>warm</b>: repeated starts inside one JVM after warm-up (the starter's
 * own work: binding, settings resolution, client construction). Not part of the build; run with
 * {@code ./mvnw -B -q -pl spring-boot-starter test-compile exec:exec@benchmark}.
 */
public final class ContextStartBenchmark {

    private static final int COLD_RUNS = Integer.getInteger("benchmark.coldRuns", 9);

    private static final int WARM_RUNS = Integer.getInteger("benchmark.warmRuns", 30);

    private static final int WARM_UP = 10;

    private ContextStartBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("--single")) {
            System.out.println("START_NANOS=" + startOnce(args[1].equals("with")));
            System.exit(0);
        }
        System.out.printf(Locale.ROOT, "Java %s, %d CPUs, Spring Boot %s%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), SpringApplication.class.getPackage()
                    .getImplementationVersion());
        List<Long> coldWithout = new ArrayList<>();
        List<Long> coldWith = new ArrayList<>();
        for (int i = 0; i < COLD_RUNS; i++) {
            coldWithout.add(coldStart(false));
            coldWith.add(coldStart(true));
        }
        report("cold (fresh JVM per start)", coldWithout, coldWith);
        for (int i = 0; i < WARM_UP; i++) {
            startOnce(false);
            startOnce(true);
        }
        List<Long> warmWithout = new ArrayList<>();
        List<Long> warmWith = new ArrayList<>();
        for (int i = 0; i < WARM_RUNS; i++) {
            warmWithout.add(startOnce(false));
            warmWith.add(startOnce(true));
        }
        report("warm (same JVM, after warm-up)", warmWithout, warmWith);
        System.exit(0);
    }

    private static void report(String label, List<Long> without, List<Long> with) {
        double medianWithout = median(without);
        double medianWith = median(with);
        System.out.printf(Locale.ROOT,
                "%s: n=%d each, median without starter %.1f ms, with starter %.1f ms, delta %+.1f ms, ratio %.3f%n",
                label, with.size(), medianWithout, medianWith, medianWith - medianWithout, medianWith / medianWithout);
    }

    private static double median(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int n = sorted.size();
        double middle = (n % 2 == 1) ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
        return middle / 1_000_000.0;
    }

    private static long coldStart(boolean withStarter) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ContextStartBenchmark.class.getName(), "--single", withStarter ? "with" : "without")
            .redirectErrorStream(true)
            .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("benchmark child failed:\n" + output);
        }
        return output.lines()
            .filter((line) -> line.startsWith("START_NANOS="))
            .map((line) -> Long.parseLong(line.substring("START_NANOS=".length())))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no timing in:\n" + output));
    }

    private static long startOnce(boolean withStarter) {
        SpringApplication application = new SpringApplication(
                withStarter ? WithStarter.class : WithoutStarter.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setLogStartupInfo(false);
        application.setDefaultProperties(Map.of("spring.main.banner-mode", "off", "logging.level.root", "warn",
                "openai.api-key", "sk-test-benchmark-0000000000000000", "openai.dotenv.enabled", "false"));
        long start = System.nanoTime();
        ConfigurableApplicationContext context = application.run();
        long elapsed = System.nanoTime() - start;
        context.close();
        return elapsed;
    }

    /** The application without the starter: its auto-configurations excluded, everything else equal. */
    @SpringBootConfiguration
    @EnableAutoConfiguration(exclude = { OpenAIGatewayAutoConfiguration.class,
            OpenAIGatewayHealthContributorAutoConfiguration.class, OpenAIGatewaySanitizingAutoConfiguration.class,
            OpenAIGatewayMetricsAutoConfiguration.class })
    static class WithoutStarter {

    }

    /** The same application with the starter. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class WithStarter {

    }

}
