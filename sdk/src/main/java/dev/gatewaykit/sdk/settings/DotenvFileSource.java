package dev.gatewaykit.sdk.settings;

import io.github.cdimascio.dotenv.DotenvEntry;
import io.github.cdimascio.dotenv.DotenvException;
import io.github.cdimascio.dotenv.internal.DotenvParser;
import io.github.cdimascio.dotenv.internal.DotenvReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A {@code .env}-style file parsed with dotenv-java (comments, double quotes, multi-line quoted values, empty
 * values). A missing file is an empty layer. The layer is named after the file ({@code .env}, {@code .env.default}).
 *
 * <p>Two gaps of dotenv-java 3.2 are closed here, minimally: it treats {@code export KEY=value} (the shell form many
 * teams use so the same file can be {@code source}d) as a malformed line and drops it, so the prefix is removed
 * before parsing; and it keeps single quotes around a value, so {@code KEY='x'} yields {@code x}, as in a shell.
 * Its parser is fed directly rather than through {@code Dotenv.load()}, because {@code load()} also merges the real
 * process environment and falls back to a same-named file on the classpath, which would break layer attribution.
 */
public final class DotenvFileSource implements SettingsSource {

    private static final Pattern EXPORT_PREFIX = Pattern.compile("^(\\s*)export\\s+(?=[\\w.\\-]+\\s*=)");

    private final String name;
    private final Path file;
    private final Map<String, String> values;

    /** Reads {@code file}; the layer is named after the file name. */
    public DotenvFileSource(Path file) {
        this(file.getFileName().toString(), file);
    }

    /** Reads {@code file} under the given layer name. */
    public DotenvFileSource(String name, Path file) {
        this.name = name;
        this.file = file;
        this.values = read(file);
    }

    private static Map<String, String> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        DotenvReader reader = new DotenvReader(String.valueOf(file.toAbsolutePath().getParent()),
                file.getFileName().toString()) {
            @Override
            public List<String> read() throws IOException {
                return Files.readAllLines(file).stream()
                        .map(line -> EXPORT_PREFIX.matcher(line).replaceFirst("$1"))
                        .collect(Collectors.toList());
            }
        };
        try {
            Map<String, String> map = new LinkedHashMap<>();
            for (DotenvEntry entry : new DotenvParser(reader, false, false).parse()) {
                map.put(entry.getKey(), stripSingleQuotes(entry.getValue()));
            }
            return Map.copyOf(map);
        } catch (DotenvException e) {
            if (e.getCause() instanceof IOException io) {
                throw new UncheckedIOException("cannot read " + file, io);
            }
            throw e;
        }
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

    @Override
    public String toString() {
        return "DotenvFileSource[" + file + (values.isEmpty() ? ", empty" : "") + "]";
    }
}
