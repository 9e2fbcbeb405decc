package dev.gatewaykit.spring.settings;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Replaces the process environment and the JVM system properties of a test context with the given variables,
 * so tests see exactly the environment they declare (CI exports real OPENAI_* variables).
 */
public final class FakeProcessEnvironment implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private final Map<String, Object> variables;

    private FakeProcessEnvironment(Map<String, String> variables) {
        this.variables = new LinkedHashMap<>(variables);
    }

    /** An environment holding exactly these variables (values may be empty strings). */
    public static FakeProcessEnvironment of(Map<String, String> variables) {
        return new FakeProcessEnvironment(variables);
    }

    /** An environment holding these name/value pairs. */
    public static FakeProcessEnvironment of(String... namesAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return of(map);
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        MutablePropertySources sources = context.getEnvironment().getPropertySources();
        sources.remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        SystemEnvironmentPropertySource fake = new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, this.variables);
        if (sources.contains(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)) {
            sources.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, fake);
        }
        else {
            sources.addLast(fake);
        }
    }

}
