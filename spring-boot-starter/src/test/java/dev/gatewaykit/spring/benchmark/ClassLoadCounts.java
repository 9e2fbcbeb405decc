package dev.gatewaykit.spring.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Classes loaded by a JVM, counted per package prefix, from the file {@code -Xlog:class+load} wrote. The first
 * matching prefix of {@link #PREFIXES} counts a class; anything else counts as {@code other}.
 */
final class ClassLoadCounts {

    static final List<String> PREFIXES = List.of("dev.gatewaykit.", "com.openai.", "okhttp3.", "okio.", "kotlin.",
            "com.fasterxml.jackson.", "tools.jackson.", "org.hibernate.validator.", "jakarta.validation.",
            "io.micrometer.", "org.springframework.boot.", "org.springframework.", "org.apache.", "jakarta.",
            "ch.qos.logback.", "org.slf4j.", "java.", "javax.", "jdk.", "sun.", "com.sun.");

    private ClassLoadCounts() {
    }

    /** Counts per prefix, in the order of {@link #PREFIXES}, then {@code other} and {@code total}. */
    static Map<String, Integer> read(Path log) throws IOException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        PREFIXES.forEach((prefix) -> counts.put(prefix, 0));
        counts.put("other", 0);
        int total = 0;
        for (String line : Files.readAllLines(log)) {
            int end = line.indexOf(" source: ");
            int start = line.lastIndexOf("] ", end);
            if (end < 0 || start < 0) {
                continue;
            }
            String name = line.substring(start + 2, end);
            counts.merge(PREFIXES.stream().filter(name::startsWith).findFirst().orElse("other"), 1, Integer::sum);
            total++;
        }
        counts.put("total", total);
        return counts;
    }

}
