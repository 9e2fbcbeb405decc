package dev.gatewaykit.sdk.settings;

import io.github.cdimascio.dotenv.Dotenv;
import io.github.cdimascio.dotenv.DotenvEntry;
import io.github.cdimascio.dotenv.DotenvException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The sdk's {@code .env} grammar reads every file as dotenv-java 3.2 does (through its public {@code Dotenv} API):
 * the same entries, and malformed exactly where dotenv-java finds the file malformed.
 */
class DotenvSyntaxTest {

    @TempDir
    Path tmp;

    static Stream<Arguments> files() {
        return Stream.of(
                // name, file text, expected entries (null: malformed)
                arguments("plain entries", "A=1\nB = two\n", Map.of("A", "1", "B", "two")),
                arguments("empty value", "A=\nB=  \n", Map.of("A", "", "B", "")),
                arguments("comments and blank lines", "# c\n\n   \n//// also a comment\nA=1\n", Map.of("A", "1")),
                arguments("trailing comment", "A=value # note\nB=x#y\n", Map.of("A", "value", "B", "x")),
                arguments("double quotes removed", "A=\"a b # c\"\n", Map.of("A", "a b # c")),
                arguments("single quotes kept", "A='a b'\n", Map.of("A", "'a b'")),
                arguments("escaped inner quote", "A=\"say \\\"hi\\\"\"\n", Map.of("A", "say \\\"hi\\\"")),
                arguments("multi-line value", "A=\"line one\nline two\"\nB=2\n", Map.of("A", "line one\nline two",
                        "B", "2")),
                arguments("dotted and dashed names", "openai.base-url=http://h:4000\n",
                        Map.of("openai.base-url", "http://h:4000")),
                arguments("value with equals", "A=k=v,k2=v2\n", Map.of("A", "k=v,k2=v2")),
                arguments("unclosed quote swallows the rest", "A=\"open\nB=2\n", Map.of()),
                arguments("not an entry", "just text\n", null),
                arguments("unescaped inner quote", "A=\"a\"b\"\n", null),
                arguments("quote only at the end", "A=abc\"\n", null),
                arguments("indented comment", "  # indented\n", null),
                arguments("export prefix", "export A=1\n", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void readsLikeDotenvJava(String name, String text, Map<String, String> expected) throws IOException {
        Path file = tmp.resolve(".env");
        Files.writeString(file, text);
        List<String> lines = Files.readAllLines(file);

        if (expected == null) {
            assertThatThrownBy(() -> dotenvJava(tmp)).isInstanceOf(DotenvException.class);
            assertThatThrownBy(() -> DotenvSyntax.parse(lines)).isInstanceOf(DotenvSyntax.MalformedException.class)
                    .hasMessageNotContaining(text.strip());
        } else {
            assertThat(dotenvJava(tmp)).isEqualTo(expected);
            assertThat(ours(lines)).isEqualTo(expected);
        }
    }

    private static Map<String, String> ours(List<String> lines) {
        try {
            Map<String, String> map = new LinkedHashMap<>();
            DotenvSyntax.parse(lines).forEach(entry -> map.put(entry.key(), entry.value()));
            return map;
        } catch (DotenvSyntax.MalformedException e) {
            throw new AssertionError("malformed", e);
        }
    }

    private static Map<String, String> dotenvJava(Path dir) {
        return Dotenv.configure().directory(dir.toString()).filename(".env").load()
                .entries(Dotenv.Filter.DECLARED_IN_ENV_FILE).stream()
                .collect(Collectors.toMap(DotenvEntry::getKey, DotenvEntry::getValue));
    }
}
