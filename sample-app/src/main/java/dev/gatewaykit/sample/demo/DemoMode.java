package dev.gatewaykit.sample.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.boot.SpringApplication;

/**
 * Whether the app runs as the demo: {@code --demo} switches on the {@code demo} profile (in-process gateway stub,
 * one call per endpoint, then exit); {@code --demo.serve=true} keeps the app serving afterwards.
 */
public final class DemoMode {

    /** The Spring profile of the demo. */
    public static final String PROFILE = "demo";

    /** The property that switches demo mode on. */
    public static final String ENABLED_PROPERTY = "gateway.demo.enabled";

    /** The property that keeps the demo app serving after its calls. */
    public static final String SERVE_PROPERTY = "demo.serve";

    private static final int SERVING_PORT = 8080;

    private final boolean enabled;

    private final boolean serve;

    private final String[] arguments;

    private DemoMode(boolean enabled, boolean serve, String[] arguments) {
        this.enabled = enabled;
        this.serve = serve;
        this.arguments = arguments;
    }

    /**
     * Reads the demo switches from command-line arguments.
     * @param args the arguments
     * @return the mode; {@link #arguments()} holds the arguments for Spring, with {@code --demo} replaced by
     * {@code --gateway.demo.enabled=true}
     */
    public static DemoMode of(String... args) {
        boolean enabled = false;
        boolean serve = false;
        List<String> forSpring = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("--demo")) {
                enabled = true;
                forSpring.add("--" + ENABLED_PROPERTY + "=true");
            }
            else {
                if (arg.equals("--" + SERVE_PROPERTY) || arg.equalsIgnoreCase("--" + SERVE_PROPERTY + "=true")) {
                    serve = true;
                }
                forSpring.add(arg);
            }
        }
        return new DemoMode(enabled, serve, forSpring.toArray(String[]::new));
    }

    /** Whether {@code --demo} was given. */
    public boolean enabled() {
        return this.enabled;
    }

    /** Whether the app keeps serving after the demo calls. */
    public boolean serve() {
        return this.serve;
    }

    /** Whether {@code main} should exit once the app has started (demo without serve). */
    public boolean exitsAfterRun() {
        return this.enabled && !this.serve;
    }

    /** The arguments to hand to Spring. */
    public String[] arguments() {
        return Arrays.copyOf(this.arguments, this.arguments.length);
    }

    /**
     * Applies the mode to an application: the demo profile and, as lowest-precedence defaults, the server port
     * (a free port for a run-and-exit demo, 8080 when serving).
     * @param application the application
     */
    public void configure(SpringApplication application) {
        if (!this.enabled) {
            return;
        }
        application.setAdditionalProfiles(PROFILE);
        application.setDefaultProperties(Map.of("server.port", this.serve ? SERVING_PORT : 0));
    }

}
