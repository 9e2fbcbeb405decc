package dev.gatewaykit.ai.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * auto-configuration ("spring-ai") versus the gateway starter and bridge ("bridge"; Spring AI's OpenAI models back
 * off), on the same class path and in the same run, alternating the two. Each start ends with a
 * {@code ChatClient} built, so both have created their chat model.
 * <p>
 * <b>cold</b>: a fresh JVM per start, median of {@code SpringApplication.run}. <b>warm</b>: repeated starts in one
 * JVM after warm-up. Not part of the build; run with
 * {@code ./mvnw -B -q -pl spring-ai test-compile exec:exec@benchmark}, once the other modules are installed.
 */
public final class SpringAiStartBenchmark {

    private static final int COLD_RUNS = Integer.getInteger("benchmark.coldRuns", 9);

    private static final int WARM_RUNS = Integer.getInteger("benchmark.warmRuns", 30);

    private static final int WARM_UP = 10;

    private SpringAiStartBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("--single")) {
            System.out.println("START_NANOS=" + startOnce(args[1].equals("bridge")));
            System.exit(0);
        }
        System.out.printf(Locale.ROOT, "Java %s, %d CPUs, Spring Boot %s, Spring AI %s%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                SpringApplication.class.getPackage().getImplementationVersion(),
                ChatClient.class.getPackage().getImplementationVersion());
        List<Long> coldOwn = new ArrayList<>();
        List<Long> coldBridge = new ArrayList<>();
        // The order flips every round: on this kind of machine the second of two back-to-back fresh JVMs is
        // measurably slower (an A/A run of Spring AI's own start twice: about +100 ms for the second), so a fixed
        // order would charge that to whichever application always runs second.
        for (int i = 0; i < COLD_RUNS; i++) {
            if (i % 2 == 0) {
                coldOwn.add(coldStart(false));
                coldBridge.add(coldStart(true));
            }
            else {
                coldBridge.add(coldStart(true));
                coldOwn.add(coldStart(false));
            }
        }
        report("cold (fresh JVM per start)", coldOwn, coldBridge);
        for (int i = 0; i < WARM_UP; i++) {
            startOnce(false);
            startOnce(true);
        }
        List<Long> warmOwn = new ArrayList<>();
        List<Long> warmBridge = new ArrayList<>();
        for (int i = 0; i < WARM_RUNS; i++) {
            if (i % 2 == 0) {
                warmOwn.add(startOnce(false));
                warmBridge.add(startOnce(true));
            }
            else {
                warmBridge.add(startOnce(true));
                warmOwn.add(startOnce(false));
            }
        }
        report("warm (same JVM, after warm-up)", warmOwn, warmBridge);
        System.exit(0);
    }

    // Rounds alternate the order (even: Spring AI's own first). Each pair's difference carries the second-start
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
        System.out.printf(Locale.ROOT,
                "%s: n=%d each, median Spring AI's own %.1f ms, gateway bridge %.1f ms, delta of medians %+.1f ms;"
                        + " paired delta, order-balanced %+.1f ms (median %+.1f ms with Spring AI's own first,"
                        + " %+.1f ms with the bridge first; second-start penalty %+.1f ms)%n",
                label, own.size(), medianOwn, medianBridge, medianBridge - medianOwn,
                (whenOwnFirst + whenBridgeFirst) / 2, whenOwnFirst, whenBridgeFirst,
                (whenOwnFirst - whenBridgeFirst) / 2);
    }

    private static double median(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int n = sorted.size();
        double middle = (n % 2 == 1) ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
        return middle / 1_000_000.0;
    }

    private static long coldStart(boolean bridge) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                SpringAiStartBenchmark.class.getName(), "--single", bridge ? "bridge" : "spring-ai")
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

    private static long startOnce(boolean bridge) {
        SpringApplication application = new SpringApplication(bridge ? WithBridge.class : SpringAiOwn.class);
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

    /** Spring AI's own OpenAI auto-configuration: the gateway's auto-configurations excluded. */
    @SpringBootConfiguration
    @EnableAutoConfiguration(exclude = { OpenAIGatewayAutoConfiguration.class,
            OpenAIGatewayHealthContributorAutoConfiguration.class, OpenAIGatewaySanitizingAutoConfiguration.class,
            OpenAIGatewayMetricsAutoConfiguration.class, OpenAIGatewayObservationAutoConfiguration.class,
            GatewaySpringAiAutoConfiguration.class, GatewayLangChain4jAutoConfiguration.class })
    static class SpringAiOwn {

    }

    /** The gateway starter and bridge beside Spring AI's starter. */
    @SpringBootConfiguration
    @EnableAutoConfiguration(exclude = GatewayLangChain4jAutoConfiguration.class)
    static class WithBridge {

    }

}
