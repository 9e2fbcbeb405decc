package dev.gatewaykit.sdk.metrics;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;

import java.io.IOException;
import java.util.Set;

/**
 * Reads one JSON document as its bytes go by (Jackson's non-blocking parser), keeping nothing but what metrics
 * need: the numbers of a {@code usage} object at the top level (Chat, Embeddings, Responses, chat stream chunks) or
 * under a top-level {@code response} (Responses stream events such as {@code response.completed}), the top-level
 * {@code type}, and whether a top-level {@code error} object appeared. Nothing is buffered, so a large embeddings
 * reply costs a pass of the tokenizer and no memory. Malformed input just stops the scan.
 */
final class UsageScanner {

    private static final JsonFactory JSON = new JsonFactory();
    /** Responses stream events after which no more output comes. */
    private static final Set<String> TERMINAL_EVENTS =
            Set.of("response.completed", "response.incomplete", "response.failed", "error");
    /** Responses stream events that report a failure in-band. */
    private static final Set<String> ERROR_EVENTS = Set.of("response.failed", "error");

    private final TokenUsage usage;
    private final JsonParser parser;
    private final ByteArrayFeeder feeder;
    private boolean rootClosed;
    private boolean failed;
    private boolean errorObject;
    private String type;

    UsageScanner(TokenUsage usage) {
        this.usage = usage;
        try {
            this.parser = JSON.createNonBlockingByteArrayParser();
        } catch (IOException e) {
            throw new IllegalStateException("Jackson cannot create a non-blocking parser", e);
        }
        this.feeder = (ByteArrayFeeder) parser.getNonBlockingInputFeeder();
    }

    /** Feeds bytes; they are fully consumed before this returns, so the caller may reuse the array. */
    void feed(byte[] bytes, int offset, int length) {
        if (length <= 0 || finished()) {
            return;
        }
        try {
            feeder.feedInput(bytes, offset, offset + length);
            drain();
        } catch (IOException malformed) {
            failed = true;
        }
    }

    /** Marks the end of the document. */
    void end() {
        if (finished()) {
            return;
        }
        try {
            feeder.endOfInput();
            drain();
        } catch (IOException malformed) {
            failed = true;
        }
    }

    /** Whether the document's root value has closed (the rest of the input does not matter). */
    boolean complete() {
        return rootClosed;
    }

    /** Whether the input was not JSON after all. */
    boolean failed() {
        return failed;
    }

    /** Whether the document reported a failure: a top-level {@code error} object or an error event type. */
    boolean reportsError() {
        return errorObject || (type != null && ERROR_EVENTS.contains(type));
    }

    /** Whether the document is a Responses event that ends a stream. */
    boolean terminalEvent() {
        return type != null && TERMINAL_EVENTS.contains(type);
    }

    private boolean finished() {
        return rootClosed || failed;
    }

    private void drain() throws IOException {
        JsonToken token;
        while (!rootClosed && (token = parser.nextToken()) != null && token != JsonToken.NOT_AVAILABLE) {
            on(token);
        }
    }

    private void on(JsonToken token) throws IOException {
        JsonStreamContext context = parser.getParsingContext();
        switch (token) {
            case START_OBJECT -> {
                if (isTopLevelField(context.getParent(), "error")) {
                    errorObject = true;
                }
            }
            case END_OBJECT, END_ARRAY -> rootClosed = context.inRoot();
            case VALUE_STRING -> {
                if (context.inObject() && context.getParent().inRoot() && "type".equals(context.getCurrentName())) {
                    type = parser.getText();
                }
            }
            case VALUE_NUMBER_INT -> {
                if (context.inObject() && isUsageObject(context.getParent())) {
                    usage.accept(context.getCurrentName(), parser.getLongValue());
                }
            }
            default -> {
                // field names and other values: nothing to keep
            }
        }
    }

    /** Whether {@code owner} (the context holding an object) holds it under {@code usage} at a known place. */
    private static boolean isUsageObject(JsonStreamContext owner) {
        if (owner == null || !owner.inObject() || !"usage".equals(owner.getCurrentName())) {
            return false;
        }
        JsonStreamContext outer = owner.getParent();
        return outer.inRoot() || isTopLevelField(outer, "response");
    }

    private static boolean isTopLevelField(JsonStreamContext owner, String name) {
        return owner != null && owner.inObject() && name.equals(owner.getCurrentName()) && owner.getParent().inRoot();
    }
}
