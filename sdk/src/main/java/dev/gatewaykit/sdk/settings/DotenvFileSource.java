package dev.gatewaykit.sdk.settings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code .env}-style file read with dotenv-java's grammar ({@link DotenvSyntax}: comments, double quotes,
 * multi-line quoted values, empty values). A missing file is an empty layer. The layer is named after the file
 * ({@code .env}, {@code .env.default}).
 *
 * <p>The grammar is applied here rather than through dotenv-java's {@code Dotenv.load()}, which reads only files,
 * also merges the real process environment and falls back to a same-named file on the classpath (breaking layer
 * attribution), and whose parser is not public API. Two gaps of that grammar are closed, minimally:
 * {@code export KEY=value} (the shell form many teams use so the same file can be {@code source}d) would be a
 * malformed line, so the prefix is removed before parsing; and single quotes around a value are kept by it, so
 * {@code KEY='x'} is read as {@code x} here, as in a shell.
 *
 * <p>Malformed lines are not dropped silently (a lenient parser would, and an unclosed quote would swallow every
 * following line): each becomes a {@link SettingsProblem} naming the file and line, without the line's text, which
 * may hold a key. Indented {@code #} comments, which the grammar rejects, are read as comments, as in a shell.
 */
public final class DotenvFileSource implements SettingsSource {

    // Appended to what is parsed: an entry whose quote never closes is dropped without a word, but then this line is
    // swallowed too, and its absence tells.
    private static final String END_MARK = "GATEWAYKIT_DOTENV_END_OF_FILE";

    /** Why a file (or a prefix of it) does not parse. */
    private enum Failure { MALFORMED, UNCLOSED_QUOTE }

    /** Compiled when a file is read, not when the class loads: a missing file (the usual case) needs none. */
    private static final class Patterns {
        static final Pattern EXPORT_PREFIX = Pattern.compile("^(\\s*)export\\s+(?=[\\w.\\-]+\\s*=)");
        static final Pattern ENTRY_NAME = Pattern.compile("^\\s*([\\w.\\-]+)\\s*=");
    }

    private record Parsed(Map<String, String> values, Failure failure) {
    }

    private final String name;
    private final Path file;
    private final Map<String, String> values;
    private final List<SettingsProblem> problems = new ArrayList<>();
    private final Map<String, List<Integer>> duplicates = new LinkedHashMap<>();

    /** Reads {@code file}; the layer is named after the file name. */
    public DotenvFileSource(Path file) {
        this(file.getFileName().toString(), file);
    }

    /** Reads {@code file} under the given layer name. */
    public DotenvFileSource(String name, Path file) {
        this.name = name;
        this.file = file;
        this.values = read();
    }

    private Map<String, String> read() {
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        List<String> lines = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file)) {
                lines.add(Patterns.EXPORT_PREFIX.matcher(line).replaceFirst("$1"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        findDuplicates(lines);
        Parsed parsed;
        // Each round finds the first entry that breaks the file, reports it and blanks it, so every bad line is
        // reported and the good ones after it are still read.
        while ((parsed = parse(lines)).failure() != null) {
            int bad = firstBadLine(lines);
            if (!lines.get(bad).strip().startsWith("#")) {
                problems.add(problem(lines.get(bad), bad + 1, parsed.failure()));
            }
            lines.set(bad, "");
        }
        return parsed.values();
    }

    /** Names set on more than one line (a CI step appending to a copy of .env.default): the last line wins. */
    private void findDuplicates(List<String> lines) {
        Map<String, List<Integer>> seen = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher entry = Patterns.ENTRY_NAME.matcher(lines.get(i));
            if (entry.find()) {
                List<Integer> at = seen.get(entry.group(1));
                if (at == null) {
                    at = new ArrayList<>();
                    seen.put(entry.group(1), at);
                }
                at.add(i + 1);
            }
        }
        for (Map.Entry<String, List<Integer>> name : seen.entrySet()) {
            if (name.getValue().size() > 1) {
                duplicates.put(name.getKey(), List.copyOf(name.getValue()));
            }
        }
    }

    private static Parsed parse(List<String> lines) {
        List<String> marked = new ArrayList<>(lines);
        marked.add(END_MARK + "=1");
        List<DotenvSyntax.Entry> entries;
        try {
            entries = DotenvSyntax.parse(marked);
        } catch (DotenvSyntax.MalformedException malformed) {
            return new Parsed(Map.of(), Failure.MALFORMED);
        }
        if (entries.isEmpty() || !entries.get(entries.size() - 1).key().equals(END_MARK)) {
            return new Parsed(Map.of(), Failure.UNCLOSED_QUOTE);
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (DotenvSyntax.Entry entry : entries.subList(0, entries.size() - 1)) {
            map.put(entry.key(), stripSingleQuotes(entry.value()));
        }
        return new Parsed(Map.copyOf(map), null);
    }

    /**
     * The index of the line where the breaking entry starts: the first content line after the longest prefix that
     * parses completely (.env files are short, so parsing prefixes costs nothing worth avoiding).
     */
    private static int firstBadLine(List<String> lines) {
        int good = lines.size() - 1;
        while (good > 0 && parse(lines.subList(0, good)).failure() != null) {
            good--;
        }
        for (int i = good; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.isBlank() && !line.startsWith("#") && !line.startsWith("////")) {
                return i;
            }
        }
        return lines.size() - 1;
    }

    private SettingsProblem problem(String line, int number, Failure failure) {
        Matcher entry = Patterns.ENTRY_NAME.matcher(line);
        boolean named = entry.find();
        String variable = named ? entry.group(1) : name;
        String where = "line " + number + " of " + file.toAbsolutePath().normalize();
        return failure == Failure.UNCLOSED_QUOTE
                ? new SettingsProblem(variable, "", where + " opens a quote that is never closed, so the value and"
                        + " every line after it would be lost.", "close the quote on line " + number
                        + " (KEY=\"value\"), or remove the quote.")
                : new SettingsProblem(variable, "", where + (named ? " has unmatched quotes."
                        : " is not KEY=value."), "write line " + number + " as KEY=value (quote a value"
                        + " holding spaces or # as KEY=\"value\"), or comment it out with #.");
    }

    private static String stripSingleQuotes(String value) {
        String v = value.strip();
        return v.length() >= 2 && v.startsWith("'") && v.endsWith("'") ? v.substring(1, v.length() - 1) : value;
    }

    @Override
    public String name() {
        return name;
    }

    /** The file this layer reads (it may not exist). */
    public Path file() {
        return file;
    }

    @Override
    public Optional<String> get(Setting setting) {
        return Optional.ofNullable(values.get(setting.variable()));
    }

    /** Every entry read from the file, by name, as written (blank values included); for adapters such as Spring's. */
    public Map<String, String> entries() {
        return values;
    }

    /** The malformed lines of the file, by file and line number (never their text, which may hold a key). */
    @Override
    public List<SettingsProblem> problems() {
        return List.copyOf(problems);
    }

    /**
     * Every name set on more than one line, with its line numbers in file order. The last line wins, as in a shell
     * that {@code source}s the file; the doctor lists these so an appended line that overrides is never a surprise.
     */
    public Map<String, List<Integer>> duplicates() {
        return java.util.Collections.unmodifiableMap(duplicates);
    }

    @Override
    public String toString() {
        return "DotenvFileSource[" + file + (values.isEmpty() ? ", empty" : "")
                + (problems.isEmpty() ? "" : ", " + problems.size() + " malformed line(s)") + "]";
    }
}
