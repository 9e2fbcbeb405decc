package dev.gatewaykit.spring.settings;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.gatewaykit.sdk.settings.DotenvFileSource;

import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * A {@code .env} file as a Spring property source, ranked below every other one: {@code /actuator/env} then lists
 * its entries (masked), {@code /actuator/env/OPENAI_API_KEY} finds a key set there, and {@code openai.*} properties
 * shown by {@code /actuator/configprops} carry its values. Environment-style names bind by relaxed binding, as
 * process environment variables do ({@code OPENAI_API_KEY} to {@code openai.api-key}). Blank entries are left out:
 * blank means unset. The sdk still reads the file itself as its own {@code .env} layer, so values keep their
 * attribution.
 */
public final class DotenvPropertySource extends SystemEnvironmentPropertySource {

    /** Prefix of the property source names, e.g. {@code "dotenv .env"}. */
    public static final String NAME_PREFIX = "dotenv ";

    private final DotenvFileSource file;

    /**
     * Creates the property source of one file.
     * @param file the parsed file
     */
    public DotenvPropertySource(DotenvFileSource file) {
        super(NAME_PREFIX + file.name(), nonBlank(file.entries()));
        this.file = file;
    }

    /** The parsed file, for the sdk's own layer. */
    public DotenvFileSource file() {
        return this.file;
    }

    /** The file's absolute, normalised path. */
    public Path path() {
        return this.file.file().toAbsolutePath().normalize();
    }

    private static Map<String, Object> nonBlank(Map<String, String> entries) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : entries.entrySet()) {
            String value = entry.getValue();
            if (value != null && !value.isBlank()) {
                values.put(entry.getKey(), value);
            }
        }
        return values;
    }

}
