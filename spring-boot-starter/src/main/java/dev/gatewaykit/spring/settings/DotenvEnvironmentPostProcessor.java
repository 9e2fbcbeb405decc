package dev.gatewaykit.spring.settings;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Adds {@code .env} and {@code .env.default} to the Spring environment as the lowest property sources
 * ({@link DotenvPropertySource}), after {@code application.yml} is loaded so {@code openai.dotenv.*} set there
 * applies. Nothing is added with {@code openai.dotenv.enabled=false}.
 */
public final class DotenvEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    /** Runs right after Boot has loaded the config data files. */
    public static final int ORDER = ConfigDataEnvironmentPostProcessor.ORDER + 1;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty("openai.dotenv.enabled", Boolean.class, true)) {
            return;
        }
        for (DotenvPropertySource source : DotenvLayers.files(environment.getProperty("openai.dotenv.directory"))) {
            if (!environment.getPropertySources().contains(source.getName())) {
                environment.getPropertySources().addLast(source);
            }
        }
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

}
