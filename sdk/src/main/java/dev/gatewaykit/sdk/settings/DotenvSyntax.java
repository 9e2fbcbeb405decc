package dev.gatewaykit.sdk.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code .env} grammar of dotenv-java 3.2, read here without its {@code internal} package: {@code KEY=value}
 * lines, {@code #} and {@code ////} comments, blank lines, single- or double-quoted values, double-quoted values
 * spanning lines, a trailing {@code # comment} after a value, and quotes inside a quoted value only when escaped.
 * Entries are returned in file order; a later line for the same name is simply a later entry.
 */
final class DotenvSyntax {

    /** dotenv-java's entry pattern: name, '=', an optional (quoted) value and an optional trailing comment. */
    private static final Pattern ENTRY =
            Pattern.compile("^\\s*([\\w.\\-]+)\\s*(=)\\s*(['][^']*[']|[\"][^\"]*[\"]|[^#]*)?\\s*(#.*)?$");
    private static final Pattern WHITE_SPACE = Pattern.compile("^\\s*$");
    private static final Pattern QUOTE = Pattern.compile("\"");

    /** One {@code KEY=value} entry, quotes removed from a double-quoted value. */
    record Entry(String key, String value) {
    }

    /** A line that is not an entry, or a value with unmatched quotes; carries no text, which may hold a key. */
    static final class MalformedException extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedException() {
            super("malformed entry", null, false, false);
        }
    }

    private DotenvSyntax() {
    }

    /**
     * The entries of {@code lines}. A double-quoted value that does not close on its line continues on the next
     * one; one still open at the end is dropped, as dotenv-java drops it.
     */
    static List<Entry> parse(List<String> lines) throws MalformedException {
        List<Entry> entries = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : lines) {
            if (current.length() == 0 && (WHITE_SPACE.matcher(line).matches() || line.startsWith("#")
                    || line.startsWith("////") || line.trim().isEmpty())) {
                continue;
            }
            current.append(line);
            Matcher entry = ENTRY.matcher(current);
            if (!entry.matches()) {
                throw new MalformedException();
            }
            String value = entry.group(3) == null ? "" : entry.group(3);
            if (value.startsWith("\"") && !value.endsWith("\"")) {
                current.append('\n');
                continue;
            }
            if (!quotesMatch(value)) {
                throw new MalformedException();
            }
            entries.add(new Entry(entry.group(1), stripQuotes(value)));
            current.setLength(0);
        }
        return entries;
    }

    /** Unquoted, or quoted at both ends with every inner double quote escaped. */
    private static boolean quotesMatch(String value) {
        String v = value.trim();
        boolean starts = v.startsWith("\"");
        boolean ends = v.endsWith("\"");
        if (!starts && !ends) {
            return true;
        }
        if (v.length() == 1 || !starts || !ends) {
            return false;
        }
        String inner = v.substring(1, v.length() - 1);
        Matcher quote = QUOTE.matcher(inner);
        while (quote.find()) {
            if (quote.start() == 0 || inner.charAt(quote.start() - 1) != '\\') {
                return false;
            }
        }
        return true;
    }

    private static String stripQuotes(String value) {
        String v = value.trim();
        return v.length() > 1 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }
}
