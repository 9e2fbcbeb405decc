package dev.gatewaykit.stub.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * OpenAI's schemas (openai/openai-openapi at a pinned commit, see {@code openai-spec/README.md}) as JSON Schema
 * 2020-12, the dialect of OpenAPI 3.1. The spec still marks some fields with OpenAPI 3.0's {@code nullable: true},
 * which 2020-12 ignores; it is read here as OpenAPI means it (null allowed), in memory, the file unchanged.
 */
final class OpenAiSpec {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();
    private static final ObjectNode DOCUMENT = load();

    private OpenAiSpec() {
    }

    private static ObjectNode load() {
        try (var in = OpenAiSpec.class.getResourceAsStream("/openai-spec/openai-schemas.json")) {
            ObjectNode doc = (ObjectNode) JSON.readTree(in);
            doc.remove("openapi");
            nullable(doc);
            return doc;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rewrites OpenAPI 3.0 {@code nullable: true} into 2020-12 terms, everywhere in {@code node}. */
    private static void nullable(JsonNode node) {
        if (node instanceof ObjectNode o) {
            o.elements().forEachRemaining(OpenAiSpec::nullable);
            if (o.path("nullable").asBoolean(false)) {
                o.remove("nullable");
                if (o.has("$ref")) {
                    ObjectNode ref = JSON.createObjectNode().put("$ref", o.remove("$ref").asText());
                    ArrayNode any = o.putArray("anyOf");
                    any.add(ref);
                    any.addObject().put("type", "null");
                } else if (o.path("type").isTextual()) {
                    String type = o.get("type").asText();
                    o.putArray("type").add(type).add("null");
                    if (o.has("enum")) {
                        ((ArrayNode) o.get("enum")).addNull();
                    }
                } else if (o.has("anyOf") || o.has("oneOf") || o.has("allOf")) {
                    ObjectNode copy = o.deepCopy();
                    o.removeAll();
                    ArrayNode any = o.putArray("anyOf");
                    any.add(copy);
                    any.addObject().put("type", "null");
                }
            }
        } else if (node instanceof ArrayNode a) {
            a.elements().forEachRemaining(OpenAiSpec::nullable);
        }
    }

    private static volatile Map<String, String> eventSchemas;

    /**
     * The schema of one streamed Responses event, found the way {@code ResponseStreamEvent}'s {@code anyOf} would
     * pick it: the member whose {@code type} enum holds {@code type}.
     */
    static String eventSchema(String type) {
        if (eventSchemas == null) {
            Map<String, String> map = new ConcurrentHashMap<>();
            JsonNode schemas = DOCUMENT.path("components").path("schemas");
            for (JsonNode member : schemas.path("ResponseStreamEvent").path("anyOf")) {
                String name = member.path("$ref").asText().replace("#/components/schemas/", "");
                for (JsonNode t : schemas.path(name).path("properties").path("type").path("enum")) {
                    map.put(t.asText(), name);
                }
            }
            eventSchemas = map;
        }
        String name = eventSchemas.get(type);
        if (name == null) {
            throw new AssertionError("no ResponseStreamEvent member has type '" + type + "'");
        }
        return name;
    }

    /** Problems of {@code json} against {@code components.schemas.<name>}; empty when valid. */
    static List<String> problems(String name, String json) {
        Schema schema = SCHEMAS.computeIfAbsent(name, n -> {
            ObjectNode root = DOCUMENT.deepCopy();
            root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
            root.put("$ref", "#/components/schemas/" + n);
            Schema s = REGISTRY.getSchema(root.toString(), InputFormat.JSON);
            s.initializeValidators();
            return s;
        });
        List<Error> errors = schema.validate(json, InputFormat.JSON);
        return errors.stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
    }
}
