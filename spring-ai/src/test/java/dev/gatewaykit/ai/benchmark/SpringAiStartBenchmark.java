package dev.gatewaykit.ai.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import dev.gatewaykit.ai.langchain4j.GatewayLangChain4jAutoConfiguration;
import dev.gatewaykit.ai.springai.GatewaySpringAiAutoConfiguration;
import dev.gatewaykit.spring.autoconfigure.OpenAIGatewayAutoConfiguration;
import dev.gatewaykit.spring.autoconfigure.actuate.OpenAIGatewaySanitizingAutoConfiguration;
import dev.gatewaykit.spring.autoconfigure.health.OpenAIGatewayHealthContributorAutoConfiguration;
import dev.gatewaykit.spring.autoconfigure.metrics.OpenAIGatewayMetricsAutoConfiguration;
import dev.gatewaykit.spring.autoconfigure.observation.OpenAIGatewayObservationAutoConfiguration;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Start time of a non-web application with Spring AI's OpenAI starter, with Spring AI's own OpenAI
 * auto-configuration ("spring-ai"; or, with {@code -Dbenchmark.baseline=spring-ai-with-starter}, Spring AI's own
 * models beside the gateway starter) versus the gateway starter and bridge ("bridge"; Spring AI's OpenAI models back
 * off), on the same class path and in the same run, alternating the two and flipping their order every round.
 * Each start ends with a {@code ChatClient} built, so both have created their chat model.
 * <p>
 * <b>cold</b>: a fresh JVM per start, median of {@code SpringApplication.run}, and the order-balanced paired
 * difference with a bootstrap interval. <b>warm</b>: repeated starts in one JVM after warm-up. With
 * {@code -Dbenchmark.control=true} both slots run the baseline (an A/A run: the noise floor). Not part of
 * the build; run with
 * {@code ./mvnw -B -q -pl spring-ai test-compile exec:exec@benchmark}, once the other modules are installed.
 */
public final class SpringAiStartBenchmark {

    private static final int COLD_RUNS = Integer.getInteger("benchmark.coldRuns", 60);

    private static final int WARM_RUNS = Integer.getInteger("benchmark.warmRuns", 30);

    private static final int WARM_UP = 10;

    // -Dbenchmark.control=true: the bridge's slot runs Spring AI's own start too (an A/A run), so the report shows
    // the difference this design measures where there is none: the noise floor of the machine.
    private static final boolean CONTROL = Boolean.getBoolean("benchmark.control");

    // -Dbenchmark.baseline=spring-ai-with-starter: the baseline keeps Spring AI's own OpenAI models but adds the
    // gateway starter (its settings, pool and client beans), so the difference is what the bridge itself adds.
    private static final String BASELINE = System.getProperty("benchmark.baseline", "spring-ai");

    private static final String BRIDGE = "bridge";

    private static final int BOOTSTRAP_RESAMPLES = 2000;

    private SpringAiStartBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("--single")) {
            System.out.println("START_NANOS=" + startOnce(args[1]));
            System.exit(0);
        }
        System.out.printf(Locale.ROOT, "Java %s, %d CPUs, Spring Boot %s, Spring AI %s%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                SpringApplication.class.getPackage().getImplementationVersion(),
                ChatClient.class.getPackage().getImplementationVersion());
        System.out.println("baseline: " + BASELINE + (CONTROL ? " (control: in both slots)" : " against " + BRIDGE));
        String other = CONTROL ? BASELINE : BRIDGE;
        List<Long> coldOwn = new ArrayList<>();
        List<Long> coldBridge = new ArrayList<>();
        // The order flips every round: the second of two back-to-back fresh JVMs can be slower (one A/A shell loop
        // of Spring AI's own start measured about +100 ms for the second, later runs -20 to +25 ms), and a fixed
        // order would charge such a penalty to whichever application always runs second.
        for (int i = 0; i < COLD_RUNS; i++) {
            if (i % 2 == 0) {
                coldOwn.add(coldStart(BASELINE));
                coldBridge.add(coldStart(other));
            }
            else {
                coldBridge.add(coldStart(other));
                coldOwn.add(coldStart(BASELINE));
            }
        }
        report("cold (fresh JVM per start)", coldOwn, coldBridge);
        if (CONTROL) {
            System.exit(0);
        }
        for (int i = 0; i < WARM_UP; i++) {
            startOnce(BASELINE);
            startOnce(BRIDGE);
        }
        List<Long> warmOwn = new ArrayList<>();
        List<Long> warmBridge = new ArrayList<>();
        for (int i = 0; i < WARM_RUNS; i++) {
            if (i % 2 == 0) {
                warmOwn.add(startOnce(BASELINE));
                warmBridge.add(startOnce(BRIDGE));
            }
            else {
                warmBridge.add(startOnce(BRIDGE));
                warmOwn.add(startOnce(BASELINE));
            }
        }
        report("warm (same JVM, after warm-up)", warmOwn, warmBridge);
        System.exit(0);
    }

    // Rounds alternate the order (even: the baseline first). Each pair's difference carries the second-start
    // penalty with a + sign in even rounds and a - sign in odd ones, so the mean of the two orders' medians is the
    // bridge's cost and half their difference the penalty of starting second.
    private static void report(String label, List<Long> own, List<Long> bridge) {
        double medianOwn = median(own);
        double medianBridge = median(bridge);
        List<Long> ownFirst = new ArrayList<>();
        List<Long> bridgeFirst = new ArrayList<>();
        for (int i = 0; i < own.size(); i++) {
            long delta = bridge.get(i) - own.get(i);
            if (i % 2 == 0) {
                ownFirst.add(delta);
            }
            else {
                bridgeFirst.add(delta);
            }
        }
        double whenOwnFirst = median(ownFirst);
        double whenBridgeFirst = median(bridgeFirst);
        double[] interval = bootstrapInterval(ownFirst, bridgeFirst);
        System.out.printf(Locale.ROOT,
                "%s: n=%d each, median %s %.1f ms, %s %.1f ms, delta of medians %+.1f ms;"
                        + " paired delta, order-balanced %+.1f ms (95%% bootstrap interval %+.1f to %+.1f ms;"
                        + " median %+.1f ms with the baseline first, %+.1f ms with the other first;"
                        + " second-start penalty %+.1f ms)%n",
                label, own.size(), BASELINE, medianOwn, CONTROL ? BASELINE : BRIDGE, medianBridge,
                medianBridge - medianOwn,
                (whenOwnFirst + whenBridgeFirst) / 2, interval[0], interval[1], whenOwnFirst, whenBridgeFirst,
                (whenOwnFirst - whenBridgeFirst) / 2);
    }

    // Percentile bootstrap of the order-balanced estimate, resampling the pairs within each order; fixed seed, so a
    // report can be recomputed from the same starts.
    private static double[] bootstrapInterval(List<Long> ownFirst, List<Long> bridgeFirst) {
        if (ownFirst.isEmpty() || bridgeFirst.isEmpty()) {
            return new double[] { Double.NaN, Double.NaN };
        }
        Random random = new Random(42);
        double[] estimates = new double[BOOTSTRAP_RESAMPLES];
        for (int r = 0; r < BOOTSTRAP_RESAMPLES; r++) {
            estimates[r] = (median(resample(ownFirst, random)) + median(resample(bridgeFirst, random))) / 2;
        }
        Arrays.sort(estimates);
        return new double[] { estimates[(int) (BOOTSTRAP_RESAMPLES * 0.025)],
                estimates[(int) (BOOTSTRAP_RESAMPLES * 0.975) - 1] };
    }

    private static List<Long> resample(List<Long> values, Random random) {
        List<Long> drawn = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            drawn.add(values.get(random.nextInt(values.size())));
        }
        return drawn;
    }

    private static double median(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int n = sorted.size();
        double middle = (n % 2 == 1) ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
        return middle / 1_000_000.0;
    }

    private static long coldStart(String application) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                SpringAiStartBenchmark.class.getName(), "--single", application)
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

    private static long startOnce(String name) {
        SpringApplication application = new SpringApplication(applicationClass(name));
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setLogStartupInfo(false);
        // Both configured for one proxy; the key is a placeholder (nothing is called).
        application.setDefaultProperties(Map.of("spring.main.banner-mode", "off", "logging.level.root", "error",
                "spring.ai.openai.api-key", "sk-test-benchmark-0000000000000000",
                "spring.ai.openai.base-url", "http://127.0.0.1:4000",
                "openai.api-key", "sk-test-benchmark-0000000000000000", "openai.base-url", "http://127.0.0.1:4000",
                "openai.dotenv.enabled", "false"));
        long start = System.nanoTime();
        ConfigurableApplicationContext context = application.run();
        context.getBean(ChatClient.Builder.class).build();
        long elapsed = System.nanoTime() - start;
        context.close();
        return elapsed;
    }

    private static Class<?> applicationClass(String name) {
        switch (name) {
            case "spring-ai":
                return SpringAiOwn.class;
            case "spring-ai-with-starter":
                return SpringAiOwnWithStarter.class;
            case BRIDGE:
                return WithBridge.class;
            default:
                throw new IllegalArgumentException("unknown application '" + name
                        + "': use spring-ai, spring-ai-with-starter or bridge");
        }
    }

    /** Spring AI's own OpenAI auto-configuration: the gateway's auto-configurations excluded. */
    @SpringBootConfiguration
    @EnableAutoConfiguration(exclude = { OpenAIGatewayAutoConfiguration.class,
            OpenAIGatewayHealthContributorAutoConfiguration.class, OpenAIGatewaySanitizingAutoConfiguration.class,
            OpenAIGatewayMetricsAutoConfiguration.class, OpenAIGatewayObservationAutoConfiguration.class,
            GatewaySpringAiAutoConfiguration.class, GatewayLangChain4jAutoConfiguration.class })
    static class SpringAiOwn {

    }

    /** Spring AI's own OpenAI models, and the gateway starter beside them without the bridge. */
    @SpringBootConfiguration
    @EnableAutoConfiguration(exclude = { GatewaySpringAiAutoConfiguration.class,
            GatewayLangChain4jAutoConfiguration.class })
    static class SpringAiOwnWithStarter {

    }

    /** The gateway starter and bridge beside Spring AI's starter. */
    @SpringBootConfiguration
    @EnableAutoConfiguration(exclude = GatewayLangChain4jAutoConfiguration.class)
    static class WithBridge {

    }

}
