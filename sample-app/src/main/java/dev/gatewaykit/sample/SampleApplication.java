package dev.gatewaykit.sample;

import dev.gatewaykit.sample.demo.DemoMode;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A Spring Boot app that uses all three gateway roles: search (EMBEDDINGS), ask (LLM, plain and streamed) and
 * code (CODEX). Started with {@code --demo} it runs against an in-process gateway stub, calls each endpoint once
 * and exits.
 */
@SpringBootApplication
public class SampleApplication {

    /**
     * Starts the app; in demo mode (unless {@code --demo.serve=true}) exits with the demo's exit code.
     * @param args command-line arguments, e.g. {@code --demo}
     */
    public static void main(String[] args) {
        DemoMode mode = DemoMode.of(args);
        ConfigurableApplicationContext context = application(mode).run(mode.arguments());
        if (mode.exitsAfterRun()) {
            System.exit(SpringApplication.exit(context));
        }
    }

    /**
     * The application as {@code main} configures it, for callers (and tests) that run it themselves.
     * @param mode the demo mode parsed from the arguments
     * @return the configured, not yet started application
     */
    public static SpringApplication application(DemoMode mode) {
        SpringApplication application = new SpringApplication(SampleApplication.class);
        mode.configure(application);
        return application;
    }

}
