package dev.gatewaykit.sdk.testing;

import dev.gatewaykit.sdk.settings.DotenvFileSource;
import dev.gatewaykit.sdk.settings.EnvironmentSource;
import dev.gatewaykit.sdk.settings.SettingsSources;
import dev.gatewaykit.sdk.settings.SystemPropertiesSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * The four standard layers built from test data (never the real environment, properties or working directory):
 * env map &gt; system properties &gt; .env text &gt; .env.default text.
 */
public final class TestLayers {

    private final Map<String, String> env = new LinkedHashMap<>();
    private final Properties system = new Properties();
    private String dotenv;
    private String dotenvDefault;

    private TestLayers() {
    }

    public static TestLayers layers() {
        return new TestLayers();
    }

    /** An obviously fake key, random per run. */
    public static String fakeKey() {
        return "sk-test-" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }

    public TestLayers env(String variable, String value) {
        env.put(variable, value);
        return this;
    }

    public TestLayers system(String property, String value) {
        system.setProperty(property, value);
        return this;
    }

    public TestLayers dotenv(String text) {
        this.dotenv = text;
        return this;
    }

    public TestLayers dotenvDefault(String text) {
        this.dotenvDefault = text;
        return this;
    }

    /** Writes the files into a fresh directory under {@code root} and returns the sources. */
    public SettingsSources sources(Path root) {
        try {
            Path dir = Files.createTempDirectory(root, "layers");
            if (dotenv != null) {
                Files.writeString(dir.resolve(".env"), dotenv);
            }
            if (dotenvDefault != null) {
                Files.writeString(dir.resolve(".env.default"), dotenvDefault);
            }
            return SettingsSources.of(new EnvironmentSource(env), new SystemPropertiesSource(system),
                    new DotenvFileSource(".env", dir.resolve(".env")),
                    new DotenvFileSource(".env.default", dir.resolve(".env.default")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "env=" + env.keySet() + " system=" + system.stringPropertyNames()
                + (dotenv == null ? "" : " .env") + (dotenvDefault == null ? "" : " .env.default");
    }
}
