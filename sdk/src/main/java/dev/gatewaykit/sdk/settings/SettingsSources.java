package dev.gatewaykit.sdk.settings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The configuration layers in precedence order, highest first. */
public final class SettingsSources {

    private final List<SettingsSource> sources;

    private SettingsSources(List<SettingsSource> sources) {
        this.sources = List.copyOf(sources);
    }

    /** Process environment > JVM system properties > {@code ./.env} > {@code ./.env.default} (working directory). */
    public static SettingsSources defaults() {
        return defaults(Path.of(""));
    }

    /** Process environment > JVM system properties > {@code dir/.env} > {@code dir/.env.default}. */
    public static SettingsSources defaults(Path dir) {
        return of(new EnvironmentSource(), new SystemPropertiesSource(),
                new DotenvFileSource(".env", dir.resolve(".env")),
                new DotenvFileSource(".env.default", dir.resolve(".env.default")));
    }

    /** The given layers, highest precedence first. */
    public static SettingsSources of(SettingsSource... highestFirst) {
        return new SettingsSources(List.of(highestFirst));
    }

    /** The given layers, highest precedence first. */
    public static SettingsSources of(List<SettingsSource> highestFirst) {
        return new SettingsSources(highestFirst);
    }

    /** A copy with {@code source} placed above every existing layer. */
    public SettingsSources withHighest(SettingsSource source) {
        List<SettingsSource> list = new ArrayList<>();
        list.add(source);
        list.addAll(sources);
        return new SettingsSources(list);
    }

    /** The layers, highest first. */
    public List<SettingsSource> list() {
        return sources;
    }

    @Override
    public String toString() {
        return sources.stream().map(SettingsSource::name).collect(Collectors.joining(" > ", "SettingsSources[", "]"));
    }
}
