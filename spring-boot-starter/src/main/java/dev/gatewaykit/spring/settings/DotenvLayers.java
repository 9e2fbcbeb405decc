package dev.gatewaykit.spring.settings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.gatewaykit.sdk.settings.DotenvFileSource;
import dev.gatewaykit.sdk.settings.SettingsSource;
import dev.gatewaykit.sdk.settings.SettingsSources;

import org.springframework.core.env.Environment;

/**
 * The settings layers of a Spring application, highest first: every Spring property source, then {@code .env},
 * then {@code .env.default} (the same files and order the sdk uses outside Spring).
 */
public final class DotenvLayers {

    private DotenvLayers() {
    }

    /**
     * The layers for an application.
     * @param environment the Spring environment
     * @param dotenvEnabled whether to read the {@code .env} files at all
     * @param dotenvDirectory directory of the {@code .env} files, or null/blank for the working directory
     * @return the layers, highest first
     */
    public static SettingsSources create(Environment environment, boolean dotenvEnabled, String dotenvDirectory) {
        List<SettingsSource> layers = new ArrayList<>();
        layers.add(new SpringEnvironmentSettingsSource(environment));
        if (dotenvEnabled) {
            Path directory = (dotenvDirectory == null || dotenvDirectory.isBlank()) ? Path.of("")
                    : Path.of(dotenvDirectory.trim());
            layers.add(new DotenvFileSource(directory.resolve(".env")));
            layers.add(new DotenvFileSource(directory.resolve(".env.default")));
        }
        return SettingsSources.of(layers);
    }

}
