package dev.gatewaykit.ai.langchain4j;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A LangChain4j 1.x without the Responses models (they came late in 1.x): the application starts and gets every
 * other LangChain4j bean. A fresh JVM runs {@link OlderLangChain4jProbe} on the test class path with
 * langchain4j-open-ai replaced by a copy without {@code OpenAiResponses*} classes; a class-loader filter cannot
 * show this, since the classes that name them load from the application class loader.
 */
class OlderLangChain4jTests {

    @TempDir
    Path dir;

    @Test
    void withoutTheResponsesClassesTheOtherModelsStillStart() throws Exception {
        List<String> classPath = new ArrayList<>();
        boolean replaced = false;
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (entry.contains("langchain4j-open-ai-") && entry.endsWith(".jar")) {
                Path stripped = dir.resolve("langchain4j-open-ai-without-responses.jar");
                assertThat(copyWithout(Path.of(entry), stripped, "dev/langchain4j/model/openai/OpenAiResponses"))
                    .as("Responses classes removed").isGreaterThan(0);
                classPath.add(stripped.toString());
                replaced = true;
            } else {
                classPath.add(entry);
            }
        }
        assertThat(replaced).as("langchain4j-open-ai on the test class path").isTrue();

        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", String.join(java.io.File.pathSeparator, classPath), OlderLangChain4jProbe.class.getName())
            .directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf((name) -> name.startsWith("OPENAI_") || name.startsWith("PORTKEY_"));
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor()).as(out).isZero();
        String beans = out.lines().filter((line) -> line.startsWith(OlderLangChain4jProbe.BEANS)).findFirst()
            .orElseThrow(() -> new AssertionError(out)).substring(OlderLangChain4jProbe.BEANS.length());
        assertThat(List.of(beans.split(","))).contains("langchain4jOpenAiChatModel", "codexLangchain4jOpenAiChatModel",
                "langchain4jOpenAiStreamingChatModel", "langchain4jOpenAiEmbeddingModel")
            .doesNotContain("codexLangchain4jOpenAiResponsesChatModel",
                    "codexLangchain4jOpenAiResponsesStreamingChatModel");
    }

    /** Copies the jar {@code from} to {@code to} without the entries starting with {@code prefix}; how many left out. */
    private static int copyWithout(Path from, Path to, String prefix) throws IOException {
        int left = 0;
        try (ZipFile jar = new ZipFile(from.toFile()); OutputStream file = Files.newOutputStream(to);
                ZipOutputStream out = new ZipOutputStream(file)) {
            Enumeration<? extends ZipEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (entry.getName().startsWith(prefix)) {
                    left++;
                    continue;
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                try (InputStream in = jar.getInputStream(entry)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        return left;
    }
}
