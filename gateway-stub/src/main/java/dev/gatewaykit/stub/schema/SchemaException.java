package dev.gatewaykit.stub.schema;

/** A JSON schema that no value can satisfy, or that the stub cannot read; the message says where and why. */
public final class SchemaException extends IllegalArgumentException {

    private final String context;

    /** An error at {@code context} (OpenAI's tuple form, e.g. {@code ('properties', 'tags')}). */
    public SchemaException(String context, String reason) {
        super("In context=" + context + ", " + reason);
        this.context = context;
    }

    /** Where in the schema, in OpenAI's tuple form. */
    public String context() {
        return context;
    }
}
