package dev.gatewaykit.spring.settings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.gatewaykit.sdk.settings.Setting;
import dev.gatewaykit.sdk.settings.SettingsSource;

import org.springframework.boot.context.properties.bind.BindResult;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PlaceholdersResolver;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;

/**
 * The Spring {@link Environment} as one settings layer named {@value #NAME}: every Spring property source, in
 * Spring's own order, for both names of each setting, except the {@code .env} files, which are layers of their own.
 * <p>
 * A setting is looked up under its property name ({@code openai.base-url}, with relaxed binding, so
 * {@code OPENAI_BASE_URL} in the environment matches too) and under its variable name as written
 * ({@code PORTKEY_API_KEY}, which relaxed binding cannot reach because it lies outside {@code openai.}). Both are
 * tried in each property source before moving to the next, so Spring's precedence decides between them. A blank
 * value in a higher property source gives way to a non-blank one in a lower source; when only blank values exist,
 * the blank value is returned as is and the sdk treats it as unset.
 */
public final class SpringEnvironmentSettingsSource implements SettingsSource {

    /** The layer name shown in routing tables and error messages. */
    public static final String NAME = "spring";

    private static final Bindable<Map<String, String>> STRING_MAP = Bindable.mapOf(String.class, String.class);

    private static final Bindable<List<String>> STRING_LIST = Bindable.listOf(String.class);

    private final Environment environment;

    private final PlaceholdersResolver placeholders;

    /** Creates a source reading the given environment at every lookup (values are never cached). */
    public SpringEnvironmentSettingsSource(Environment environment) {
        this.environment = environment;
        this.placeholders = new PropertySourcesPlaceholdersResolver(environment);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<String> get(Setting setting) {
        String blank = null;
        for (ConfigurationPropertySource source : sources()) {
            String value = (setting.type() == Setting.Type.LIST) ? list(source, setting) : scalar(source, setting);
            if (value == null) {
                continue;
            }
            if (!value.isBlank()) {
                return Optional.of(value);
            }
            if (blank == null) {
                blank = value;
            }
        }
        return Optional.ofNullable(blank);
    }

    @Override
    public Map<String, String> getMap(Setting setting) {
        Map<String, String> merged = new LinkedHashMap<>();
        for (ConfigurationPropertySource source : sources()) {
            String scalar = scalar(source, setting);
            if (scalar != null && !scalar.isBlank()) {
                if (merged.isEmpty()) {
                    // The first non-blank string form: get() finds this same value, and the sdk parses it.
                    return SettingsSource.super.getMap(setting);
                }
                continue;
            }
            BindResult<Map<String, String>> bound = binder(source).bind(name(setting), STRING_MAP);
            if (bound.isBound()) {
                for (Map.Entry<String, String> entry : bound.get().entrySet()) {
                    merged.putIfAbsent(entry.getKey(), entry.getValue());
                }
            }
        }
        return merged;
    }

    /**
     * Spring's property sources without the {@code .env} files ({@link DotenvPropertySource}): those are layers of
     * their own, below this one, so their values keep the {@code .env} attribution.
     */
    private List<ConfigurationPropertySource> sources() {
        List<ConfigurationPropertySource> sources = new java.util.ArrayList<>();
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(this.environment)) {
            if (!(source.getUnderlyingSource() instanceof DotenvPropertySource)) {
                sources.add(source);
            }
        }
        return sources;
    }

    /** The value set directly under the property name or the variable name in this source, or null. */
    private String scalar(ConfigurationPropertySource source, Setting setting) {
        ConfigurationProperty property = source.getConfigurationProperty(name(setting));
        Object value = (property != null) ? property.getValue() : variable(source, setting.variable());
        return (value != null) ? String.valueOf(this.placeholders.resolvePlaceholders(value)) : null;
    }

    /** A list given as {@code a,b} or as indexed entries ({@code tags[0]}), joined with commas; or null. */
    private String list(ConfigurationPropertySource source, Setting setting) {
        List<String> items = binder(source).bind(name(setting), STRING_LIST).orElse(null);
        if (items != null) {
            return String.join(",", items);
        }
        return scalar(source, setting);
    }

    private static Object variable(ConfigurationPropertySource source, String variable) {
        return (source.getUnderlyingSource() instanceof PropertySource<?> propertySource)
                ? propertySource.getProperty(variable) : null;
    }

    private Binder binder(ConfigurationPropertySource source) {
        return new Binder(List.of(source), this.placeholders);
    }

    private static ConfigurationPropertyName name(Setting setting) {
        return ConfigurationPropertyName.of(setting.property());
    }

    @Override
    public String toString() {
        return "SettingsSource[" + NAME + "]";
    }

}
