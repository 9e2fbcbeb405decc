package dev.gatewaykit.stub.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * JSON trees read and written with Jackson's streaming API and its tree nodes. The stub never needs data binding,
 * and skipping {@code ObjectMapper} saves hundreds of classes at start-up (start → first 200 is a goal).
 */
public final class Json {

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(false);
    /** Deepest nesting accepted, well below what the stack allows. */
    private static final int MAX_DEPTH = 256;

    private Json() {
    }

    /** A new empty object node. */
    public static ObjectNode object() {
        return NODES.objectNode();
    }

    /** A new empty array node. */
    public static ArrayNode array() {
        return NODES.arrayNode();
    }

    /**
     * Parses one JSON value; trailing content is an error.
     *
     * @return the value, or {@code null} for empty input
     * @throws IOException with Jackson's description of the problem
     */
    public static JsonNode parse(byte[] bytes) throws IOException {
        return parse(bytes, Integer.MAX_VALUE);
    }

    /**
     * Parses one JSON value of strict UTF-8 with at most {@code maxValues} values in it.
     *
     * @throws TooManyValues past {@code maxValues} (before the tree grows further)
     * @throws IOException for invalid UTF-8, lone surrogates or invalid JSON
     */
    public static JsonNode parse(byte[] bytes, int maxValues) throws IOException {
        String problem = Utf8.problem(bytes);
        if (problem != null) {
            throw new IOException("the body is not valid UTF-8: " + problem);
        }
        try (JsonParser p = FACTORY.createParser(bytes)) {
            return parse(p, maxValues);
        }
    }

    /** Parses one JSON value from text; see {@link #parse(byte[])}. */
    public static JsonNode parse(String text) throws IOException {
        try (JsonParser p = FACTORY.createParser(text)) {
            return parse(p, Integer.MAX_VALUE);
        }
    }

    /** More values than allowed in one document. */
    public static final class TooManyValues extends IOException {
        private final int limit;

        TooManyValues(int limit) {
            super("more than " + limit + " JSON values");
            this.limit = limit;
        }

        /** The limit passed. */
        public int limit() {
            return limit;
        }
    }

    private static JsonNode parse(JsonParser p, int maxValues) throws IOException {
        JsonToken first = p.nextToken();
        if (first == null) {
            return null;
        }
        JsonNode root = value(p, first, 0, new int[] {maxValues, maxValues}); // remaining, limit
        JsonToken trailing = p.nextToken();
        if (trailing != null) {
            throw new IOException("Trailing token (" + trailing + ") after the JSON value");
        }
        return root;
    }

    private static JsonNode value(JsonParser p, JsonToken t, int depth, int[] budget) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new IOException("JSON nested deeper than " + MAX_DEPTH + " levels");
        }
        if (--budget[0] < 0) {
            throw new TooManyValues(budget[1]);
        }
        switch (t) {
            case START_OBJECT: {
                ObjectNode o = NODES.objectNode();
                JsonToken next;
                while ((next = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String name = text(p.currentName());
                    o.set(name, value(p, p.nextToken(), depth + 1, budget));
                }
                if (next != JsonToken.END_OBJECT) {
                    throw new IOException("Unexpected end of input inside an object");
                }
                return o;
            }
            case START_ARRAY: {
                ArrayNode a = NODES.arrayNode();
                JsonToken next;
                while ((next = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (next == null) {
                        throw new IOException("Unexpected end of input inside an array");
                    }
                    a.add(value(p, next, depth + 1, budget));
                }
                return a;
            }
            case VALUE_STRING:
                return NODES.textNode(text(p.getText()));
            case VALUE_NUMBER_INT:
                return switch (p.getNumberType()) {
                    case INT -> NODES.numberNode(p.getIntValue());
                    case LONG -> NODES.numberNode(p.getLongValue());
                    default -> NODES.numberNode(p.getBigIntegerValue());
                };
            case VALUE_NUMBER_FLOAT:
                return NODES.numberNode(p.getDoubleValue());
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw new IOException("Unexpected token " + t);
        }
    }

    private static String text(String s) throws IOException {
        if (Utf8.hasLoneSurrogate(s)) {
            throw new IOException("a string holds a lone UTF-16 surrogate (an unpaired \\ud800-\\udfff escape)");
        }
        return s;
    }

    /** Serialises a tree to UTF-8 bytes. */
    public static byte[] bytes(JsonNode node) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            write(g, node);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise a JSON tree", e);
        }
        return out.toByteArray();
    }

    /** Serialises a tree to a string. */
    public static String string(JsonNode node) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            write(g, node);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise a JSON tree", e);
        }
        return out.toString();
    }

    private static void write(JsonGenerator g, JsonNode node) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                g.writeStartObject();
                var fields = node.fields();
                while (fields.hasNext()) {
                    var field = fields.next();
                    g.writeFieldName(field.getKey());
                    write(g, field.getValue());
                }
                g.writeEndObject();
            }
            case ARRAY -> {
                g.writeStartArray();
                for (JsonNode item : node) {
                    write(g, item);
                }
                g.writeEndArray();
            }
            case STRING -> g.writeString(node.textValue());
            case BOOLEAN -> g.writeBoolean(node.booleanValue());
            case NUMBER -> {
                switch (node.numberType()) {
                    case INT -> g.writeNumber(node.intValue());
                    case LONG -> g.writeNumber(node.longValue());
                    case FLOAT -> g.writeNumber(node.floatValue());
                    case BIG_INTEGER -> g.writeNumber(node.bigIntegerValue());
                    case BIG_DECIMAL -> g.writeNumber(node.decimalValue());
                    default -> g.writeNumber(node.doubleValue());
                }
            }
            default -> g.writeNull();
        }
    }
}
