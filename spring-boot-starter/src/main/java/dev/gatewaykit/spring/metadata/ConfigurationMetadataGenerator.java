package dev.gatewaykit.spring.metadata;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaykit.sdk.settings.Setting;

/**
 * Merges the sdk's settings into {@code META-INF/spring-configuration-metadata.json}, run by the build at
 * {@code process-classes}, after the configuration processor wrote the file for the starter's own
 * {@code @ConfigurationProperties}. Entries it generated before are replaced, so running it twice changes nothing.
 */
public final class ConfigurationMetadataGenerator {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ConfigurationMetadataGenerator() {
    }

    /**
     * Adds the settings to a metadata file, creating it when the processor wrote none.
     * @param args the path of {@code spring-configuration-metadata.json}
     * @throws IOException when the file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: ConfigurationMetadataGenerator <spring-configuration-metadata.json>");
        }
        Path file = Path.of(args[0]);
        ObjectNode metadata = Files.exists(file) ? (ObjectNode) JSON.readTree(file.toFile()) : JSON.createObjectNode();
        merge(metadata, Setting.all());
        Files.createDirectories(file.toAbsolutePath().getParent());
        JSON.writeValue(file.toFile(), metadata);
    }

    /**
     * Adds a property and its value hints per setting, replacing any entry of the same name.
     * @param metadata the metadata document; its {@code groups}, {@code properties} and {@code hints} are kept
     * @param settings the settings to describe
     */
    static void merge(ObjectNode metadata, List<Setting> settings) {
        Set<String> names = new HashSet<>();
        settings.forEach((setting) -> names.add(setting.property()));
        ArrayNode properties = withoutNames(metadata, "properties", names);
        ArrayNode hints = withoutNames(metadata, "hints", names);
        for (Setting setting : settings) {
            properties.add(SettingProperty.of(setting));
            SettingHints.of(setting).ifPresent(hints::add);
        }
        if (!metadata.has("groups")) {
            metadata.putArray("groups");
        }
    }

    private static ArrayNode withoutNames(ObjectNode metadata, String field, Set<String> names) {
        ArrayNode kept = JSON.createArrayNode();
        JsonNode existing = metadata.path(field);
        for (JsonNode entry : existing) {
            if (!names.contains(entry.path("name").asText())) {
                kept.add(entry);
            }
        }
        metadata.set(field, kept);
        return kept;
    }

}
