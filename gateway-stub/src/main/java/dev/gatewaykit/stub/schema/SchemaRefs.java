package dev.gatewaykit.stub.schema;

import com.fasterxml.jackson.databind.JsonNode;

/** Resolves local {@code $ref}s ({@code #}, {@code #/$defs/X}, {@code #/definitions/X}, any JSON pointer). */
final class SchemaRefs {

    private SchemaRefs() {
    }

    /** {@code schema} itself, or what its {@code $ref} points at within {@code root}. */
    static JsonNode resolve(JsonNode root, JsonNode schema, SchemaPath path) {
        JsonNode ref = schema.get("$ref");
        if (ref == null) {
            return schema;
        }
        if (!ref.isTextual() || !ref.asText().startsWith("#")) {
            throw new SchemaException(path.toString(), "only local references starting with '#' are supported, got "
                    + ref);
        }
        String pointer = ref.asText().substring(1);
        JsonNode target = pointer.isEmpty() ? root : root.at(pointer);
        if (target == null || target.isMissingNode()) {
            throw new SchemaException(path.toString(), "reference " + ref.asText() + " points at nothing");
        }
        return target;
    }
}
