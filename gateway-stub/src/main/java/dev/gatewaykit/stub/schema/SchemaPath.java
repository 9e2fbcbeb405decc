package dev.gatewaykit.stub.schema;

import java.util.ArrayList;
import java.util.List;

/** An immutable path into a schema, written as OpenAI writes it: {@code ('properties', 'tags', 'items')}. */
final class SchemaPath {

    static final SchemaPath ROOT = new SchemaPath(List.of());

    private final List<String> parts;

    private SchemaPath(List<String> parts) {
        this.parts = parts;
    }

    SchemaPath then(String... more) {
        List<String> next = new ArrayList<>(parts);
        next.addAll(List.of(more));
        return new SchemaPath(List.copyOf(next));
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append('\'').append(parts.get(i)).append('\'');
        }
        return sb.append(')').toString();
    }
}
