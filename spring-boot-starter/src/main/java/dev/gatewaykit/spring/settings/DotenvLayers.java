package dev.gatewaykit.spring.settings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.gatewaykit.sdk.settings.DotenvFileSource;
import dev.gatewaykit.sdk.settings.SettingsSource;
import dev.gatewaykit.sdk.settings.SettingsSources;

import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;

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
            List<DotenvPropertySource> added = added(environment);
            List<DotenvPropertySource> files = files(dotenvDirectory);
            // The files already in the environment, unless the directory was configured later (a test's dynamic
            // property): then the configured directory's files are read, as the sdk would.
            for (DotenvPropertySource source : samePaths(added, files) ? added : files) {
                layers.add(source.file());
            }
        }
        return SettingsSources.of(layers);
    }

    /**
     * The {@code .env} and {@code .env.default} files of a directory, read now, as property sources.
     * @param dotenvDirectory directory of the files, or null/blank for the working directory
     * @return the two property sources, {@code .env} first
     */
    static List<DotenvPropertySource> files(String dotenvDirectory) {
        Path directory = (dotenvDirectory == null || dotenvDirectory.isBlank()) ? Path.of("")
                : Path.of(dotenvDirectory.trim());
        return List.of(new DotenvPropertySource(new DotenvFileSource(directory.resolve(".env"))),
                new DotenvPropertySource(new DotenvFileSource(directory.resolve(".env.default"))));
    }

    // Loops, not streams or lambdas: this runs at every start (see the sdk settings package note on cold start).
    private static boolean samePaths(List<DotenvPropertySource> added, List<DotenvPropertySource> files) {
        if (added.size() != files.size()) {
            return false;
        }
        for (int i = 0; i < files.size(); i++) {
            if (!added.get(i).path().equals(files.get(i).path())) {
                return false;
            }
        }
        return true;
    }

    private static List<DotenvPropertySource> added(Environment environment) {
        List<DotenvPropertySource> added = new ArrayList<>();
        if (environment instanceof ConfigurableEnvironment configurable) {
            for (PropertySource<?> source : configurable.getPropertySources()) {
                if (source instanceof DotenvPropertySource dotenv) {
                    added.add(dotenv);
                }
            }
        }
        return added;
    }

}
