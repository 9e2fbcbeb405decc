package dev.gatewaykit.sdk.settings;

import dev.gatewaykit.sdk.settings.RouteSettings.ValueSource;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads settings from the layers: precedence (highest layer wins), blank means unset, parsing and the structural
 * check of the {@link Setting} table. A value that does not parse or pass its check is recorded as a problem (naming
 * the variable and the value as the setting displays it) and read as absent. Remembers where each value came from.
 */
final class SettingsLookup {

    private final List<SettingsSource> layers;
    private final Collection<SettingsProblem> problems;
    private final Map<String, ValueSource> valueSources = new LinkedHashMap<>();

    /** Looks values up in {@code layers}, adding each parse or check problem to {@code problems}. */
    SettingsLookup(SettingsSources layers, Collection<SettingsProblem> problems) {
        this.layers = layers.list();
        this.problems = problems;
    }

    /** Records problems a rule returned, after those found so far. */
    void report(Collection<SettingsProblem> found) {
        problems.addAll(found);
    }

    /** Records one problem a rule returned. */
    void report(SettingsProblem problem) {
        problems.add(problem);
    }

    /** How many layers there are; the position of the built-in defaults. */
    int layerCount() {
        return layers.size();
    }

    /** Where every value looked up so far came from, keyed by variable. */
    Map<String, ValueSource> valueSources() {
        return valueSources;
    }

    /** The highest layer's value; blank or whitespace-only counts as unset at every layer. */
    Optional<FoundValue> find(Setting setting) {
        for (int position = 0; position < layers.size(); position++) {
            SettingsSource source = layers.get(position);
            String value = SettingValues.normalise(source.get(setting).orElse(null));
            if (value != null) {
                FoundValue found = new FoundValue(value, setting, source.name(), position);
                valueSources.putIfAbsent(setting.variable(), found.source());
                return Optional.of(found);
            }
        }
        return Optional.empty();
    }

    /** The value as text, or null when unset. */
    String text(Setting setting) {
        Optional<FoundValue> found = find(setting);
        return found.isPresent() ? found.get().value() : null;
    }

    /** The highest layer with a non-empty map wins as a whole (layers do not merge entry by entry). */
    Map<String, String> map(Setting setting) {
        for (SettingsSource source : layers) {
            try {
                Map<String, String> map = source.getMap(setting);
                if (!map.isEmpty()) {
                    valueSources.putIfAbsent(setting.variable(), new ValueSource(setting.variable(), source.name()));
                    return checked(setting, source.get(setting).orElse(""), map).orElse(Map.of());
                }
            } catch (IllegalArgumentException e) {
                // The message names the entry by position or header name only; values (often keys) stay masked.
                problems.add(new SettingsProblem(setting.variable(), setting.display(source.get(setting).orElse("")),
                        e.getMessage() + ".", "write name=value,name2=value2."));
                return Map.of();
            }
        }
        return Map.of();
    }

    Optional<Duration> duration(Setting setting) {
        Optional<FoundValue> found = find(setting);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Duration parsed;
        try {
            parsed = SettingValues.parseDuration(found.get().value());
        } catch (IllegalArgumentException e) {
            problems.add(new SettingsProblem(setting.variable(), found.get().value(), "is not a duration.",
                    "use a unit: 30s, 500ms, 2m, 1h, or ISO-8601 such as PT30S."));
            return Optional.empty();
        }
        return checked(setting, found.get().value(), parsed);
    }

    Optional<Boolean> bool(Setting setting) {
        Optional<FoundValue> found = find(setting);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        String v = found.get().value().toLowerCase(Locale.ROOT);
        if (v.equals("true") || v.equals("false")) {
            return Optional.of(v.equals("true"));
        }
        problems.add(new SettingsProblem(setting.variable(), found.get().value(), "is not true or false.",
                "use true or false."));
        return Optional.empty();
    }

    Optional<Integer> integer(Setting setting) {
        Optional<FoundValue> found = find(setting);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        int parsed;
        try {
            parsed = Integer.parseInt(found.get().value());
        } catch (NumberFormatException e) {
            problems.add(new SettingsProblem(setting.variable(), found.get().value(), "is not a whole number.",
                    fixFor(setting)));
            return Optional.empty();
        }
        return checked(setting, found.get().value(), parsed);
    }

    /** The text value when the setting's structural check accepts it; otherwise its problems are recorded. */
    Optional<FoundValue> checkedText(Setting setting) {
        Optional<FoundValue> found = find(setting);
        if (found.isEmpty() || checked(setting, found.get().value(), found.get().value()).isEmpty()) {
            return Optional.empty();
        }
        return found;
    }

    /**
     * The value when the setting's structural check accepts it; otherwise each problem is recorded, naming the
     * variable and showing the layer's value as the setting displays it, and the value is dropped.
     */
    private <T> Optional<T> checked(Setting setting, String raw, T value) {
        List<String> found = setting.check().problems(value);
        for (String problem : found) {
            problems.add(new SettingsProblem(setting.variable(), setting.display(raw), problem + ".",
                    fixFor(setting)));
        }
        return found.isEmpty() ? Optional.of(value) : Optional.empty();
    }

    private static String fixFor(Setting setting) {
        Optional<String> fix = setting.check().fix();
        if (fix.isPresent()) {
            return fix.get();
        }
        return switch (setting.type()) {
            case DURATION -> "use a positive duration such as 30s, 500ms, 2m or PT30S.";
            case INTEGER -> "use a whole number.";
            case MAP -> "write name=value,name2=value2.";
            default -> "correct the value.";
        };
    }
}
