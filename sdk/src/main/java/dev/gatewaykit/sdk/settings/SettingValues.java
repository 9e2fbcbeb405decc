package dev.gatewaykit.sdk.settings;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parsers for the string forms of setting values (maps, lists, durations). */
final class SettingValues {

    private SettingValues() {
    }

    /** Compiled on first use, not when the settings classes load: most startups parse no duration or size. */
    private static final class Patterns {
        static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
        static final Pattern SIZE = Pattern.compile("(\\d{1,15})\\s*(b|kb|mb|gb)?");
    }

    /** Blank means unset, at every layer; anything else is trimmed. */
    static String normalise(String raw) {
        if (raw == null) {
            return null;
        }
        String trimmed = raw.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    /**
     * Parses {@code name=value,name2=value2}. Entries without {@code =} or with a blank name are rejected with
     * {@link IllegalArgumentException} so the resolver can report them; blank entries are skipped.
     */
    static Map<String, String> parseMap(String raw) {
        Map<String, String> map = new LinkedHashMap<>();
        if (raw == null) {
            return map;
        }
        String[] entries = raw.split(",");
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i];
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq <= 0 || entry.substring(0, eq).isBlank()) {
                // Named by position only: an entry without a name may well be a pasted key.
                throw new IllegalArgumentException("entry " + (i + 1) + " is not name=value");
            }
            map.put(entry.substring(0, eq).strip(), entry.substring(eq + 1).strip());
        }
        return Collections.unmodifiableMap(map);
    }

    /** {@code name=value,name2=value2}: a map in its string form, as {@link #parseMap(String)} reads it. */
    static String formatMap(Map<String, String> map) {
        StringBuilder joined = new StringBuilder();
        for (Map.Entry<String, String> e : map.entrySet()) {
            if (joined.length() > 0) {
                joined.append(',');
            }
            joined.append(e.getKey()).append('=').append(e.getValue());
        }
        return joined.toString();
    }

    /**
     * Shows a {@code name=value,...} setting without its values, which are often keys ({@code x-api-key=****});
     * an entry that is not {@code name=value} is masked as a whole.
     */
    static String displayMap(String raw) {
        if (raw == null) {
            return null;
        }
        List<String> shown = new ArrayList<>();
        for (String entry : raw.split(",", -1)) {
            int eq = entry.indexOf('=');
            if (entry.isBlank()) {
                shown.add(entry.strip());
            } else if (eq > 0 && !entry.substring(0, eq).isBlank()) {
                shown.add(entry.substring(0, eq).strip() + "=****");
            } else {
                shown.add(Secrets.mask(entry.strip()));
            }
        }
        return String.join(",", shown);
    }

    /** Parses {@code a,b,c}, dropping blanks. */
    static List<String> parseList(String raw) {
        List<String> list = new ArrayList<>();
        if (raw != null) {
            for (String item : raw.split(",")) {
                if (!item.isBlank()) {
                    list.add(item.strip());
                }
            }
        }
        return List.copyOf(list);
    }

    /**
     * Parses {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h}, {@code 1d} or ISO-8601 ({@code PT30S}). A bare
     * number is rejected: its unit would be a guess (Spring reads milliseconds, people often mean seconds).
     */
    static Duration parseDuration(String raw) {
        String value = raw.strip().toLowerCase(Locale.ROOT);
        Matcher m = Patterns.SIMPLE_DURATION.matcher(value);
        if (m.matches()) {
            long amount = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }
        try {
            return Duration.parse(raw.strip().toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a duration", e);
        }
    }

    /** Writes a duration the way users write it: {@code 30s}, {@code 1500ms}, {@code 10m}. */
    static String formatDuration(Duration d) {
        if (d.toMillis() % 1000 != 0) {
            return d.toMillis() + "ms";
        }
        long s = d.getSeconds();
        if (s != 0 && s % 3600 == 0) {
            return s / 3600 + "h";
        }
        if (s != 0 && s % 60 == 0) {
            return s / 60 + "m";
        }
        return s + "s";
    }

    /**
     * Parses a byte size: {@code 1048576}, {@code 512KB}, {@code 64MB}, {@code 1GB} (binary units, case ignored).
     * Anything else is rejected with {@link IllegalArgumentException}.
     */
    static long parseSize(String raw) {
        Matcher m = Patterns.SIZE.matcher(raw.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("not a size");
        }
        long amount = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2);
        int shift = switch (unit) {
            case "kb" -> 10;
            case "mb" -> 20;
            case "gb" -> 30;
            default -> 0;
        };
        if (amount > (Long.MAX_VALUE >> shift)) {
            throw new IllegalArgumentException("too large");
        }
        return amount << shift;
    }
}
