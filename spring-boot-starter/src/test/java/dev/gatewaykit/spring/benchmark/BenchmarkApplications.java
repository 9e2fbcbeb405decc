package dev.gatewaykit.spring.benchmark;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The two applications {@link ContextStartBenchmark} starts, each in a JVM of its own: the same Spring Boot web
 * application (Spring MVC, Actuator, one controller using an {@link OpenAIClient}), once with a client the
 * application builds itself from openai-java, once with the starter on the class path providing it. This class
 * names nothing of the starter or the sdk, so the first runs with neither on its class path.
 * <p>
 * Arguments: {@code hand-built|starter [warm-runs]}. Prints {@code RUN_NANOS=} (the time
 * {@code SpringApplication.run} took, first start) and {@code READY_UPTIME_MS=} (JVM uptime when the first start
 * returned); with warm runs, also {@code WARM_MEDIAN_NANOS=} of that many further starts in the same JVM.
 */
public final class BenchmarkApplications {

    private static final Map<String, Object> PROPERTIES = Map.of("server.port", "0", "server.address", "127.0.0.1",
            "spring.main.banner-mode", "off", "logging.level.root", "warn", "openai.api-key",
            "sk-test-benchmark-0000000000000000", "openai.dotenv.enabled", "false");

    private BenchmarkApplications() {
    }

    public static void main(String[] args) {
        Class<?> application = switch (args[0]) {
            case "hand-built" -> HandBuiltClientApplication.class;
            case "starter" -> StarterApplication.class;
            default -> throw new IllegalArgumentException("hand-built or starter, not " + args[0]);
        };
        long first = startOnce(application);
        System.out.println("READY_UPTIME_MS=" + ManagementFactory.getRuntimeMXBean().getUptime());
        System.out.println("RUN_NANOS=" + first);
        int warmRuns = (args.length > 1) ? Integer.parseInt(args[1]) : 0;
        if (warmRuns > 0) {
            for (int i = 0; i < 5; i++) {
                startOnce(application);
            }
            List<Long> warm = new ArrayList<>();
            for (int i = 0; i < warmRuns; i++) {
                warm.add(startOnce(application));
            }
            Collections.sort(warm);
            System.out.println("WARM_MEDIAN_NANOS=" + warm.get(warm.size() / 2));
        }
        System.exit(0);
    }

    private static long startOnce(Class<?> source) {
        SpringApplication application = new SpringApplication(source);
        application.setWebApplicationType(WebApplicationType.SERVLET);
        application.setLogStartupInfo(false);
        application.setDefaultProperties(PROPERTIES);
        long start = System.nanoTime();
        ConfigurableApplicationContext context = application.run();
        long elapsed = System.nanoTime() - start;
        context.close();
        return elapsed;
    }

    /** The controller both applications share. */
    @RestController
    static class ModelsController {

        private final OpenAIClient client;

        ModelsController(OpenAIClient client) {
            this.client = client;
        }

        @GetMapping("/models")
        String models() {
            return this.client.models().list().toString();
        }

    }

    /** The application building its own client. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(ModelsController.class)
    static class HandBuiltClientApplication {

        @Bean(destroyMethod = "close")
        OpenAIClient openAIClient(Environment environment) {
            return OpenAIOkHttpClient.builder()
                .apiKey(environment.getRequiredProperty("openai.api-key"))
                .baseUrl(environment.getProperty("openai.base-url", "https://api.openai.com/v1"))
                .build();
        }

    }

    /** The application whose client comes from the starter. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(ModelsController.class)
    static class StarterApplication {

    }

}
