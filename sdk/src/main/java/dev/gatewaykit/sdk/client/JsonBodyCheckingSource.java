package dev.gatewaykit.sdk.client;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import dev.gatewaykit.sdk.errors.ResponseTooLargeException;
import dev.gatewaykit.sdk.errors.UnexpectedBodyException;
import okio.Buffer;
import okio.ForwardingSource;
import okio.Source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

/**
 * A body source that tokenises what passes through with Jackson's non-blocking parser (no copy of the body is
 * kept) and throws {@link UnexpectedBodyException} as soon as the bytes cannot be one JSON object: before the
 * offending bytes reach the caller's parser, which would quote them in its message. At the end it checks the object
 * was complete, and it bounds the number of values (their heap cost far exceeds their bytes). After the object, the
 * rest passes unchecked.
 */
final class JsonBodyCheckingSource extends ForwardingSource {

    private static final JsonFactory JSON = new JsonFactory();
    private static final int HEAD_BYTES = 512;
    private static final int SHOWN_CHARS = 160;

    private final int status;
    private final String contentType;
    private final long maxValues;
    private final UnaryOperator<String> mask;
    private final JsonParser parser;
    private final ByteArrayFeeder feeder;
    private final Buffer head = new Buffer();
    private final Buffer chunk = new Buffer();
    private final byte[] scratch = new byte[8192];
    private boolean started;
    private boolean complete;
    private long values;

    JsonBodyCheckingSource(Source delegate, int status, String contentType, long maxValues,
            UnaryOperator<String> mask) throws IOException {
        super(delegate);
        this.status = status;
        this.contentType = contentType;
        this.maxValues = maxValues;
        this.mask = mask;
        this.parser = JSON.createNonBlockingByteArrayParser();
        this.feeder = (ByteArrayFeeder) parser.getNonBlockingInputFeeder();
    }

    @Override
    public long read(Buffer sink, long byteCount) throws IOException {
        long read = super.read(sink, byteCount);
        if (complete) {
            return read;
        }
        if (read == -1) {
            throw failure(head.size() == 0 ? "empty body" : "ends before the JSON is complete");
        }
        long offset = sink.size() - read;
        if (head.size() < HEAD_BYTES) {
            sink.copyTo(head, offset, Math.min(read, HEAD_BYTES - head.size()));
        }
        sink.copyTo(chunk, offset, read);
        while (!complete && chunk.size() > 0) {
            int n = chunk.read(scratch, 0, (int) Math.min(scratch.length, chunk.size()));
            feed(n);
        }
        chunk.clear();
        return read;
    }

    private void feed(int n) throws IOException {
        try {
            feeder.feedInput(scratch, 0, n);
            for (JsonToken token = parser.nextToken(); token != null && token != JsonToken.NOT_AVAILABLE;
                 token = parser.nextToken()) {
                if (!started && token != JsonToken.START_OBJECT) {
                    throw failure("not a JSON object");
                }
                started = true;
                if (token != JsonToken.FIELD_NAME && token != JsonToken.END_OBJECT && token != JsonToken.END_ARRAY
                        && ++values > maxValues) {
                    throw new ResponseTooLargeException(ResponseTooLargeException.Scope.JSON_VALUES, maxValues);
                }
                if (parser.getParsingContext().inRoot()) {
                    complete = true;
                    return;
                }
            }
        } catch (UnexpectedBodyException | ResponseTooLargeException e) {
            throw e;
        } catch (IOException notJson) {
            // Jackson's message quotes the offending token; the shown (masked) first bytes tell enough.
            throw failure(head.size() > 0 && startsLikeMarkup() ? "HTML or XML, not JSON" : "not JSON");
        }
    }

    private boolean startsLikeMarkup() {
        String start = head.snapshot().utf8().stripLeading();
        return start.startsWith("<");
    }

    private UnexpectedBodyException failure(String reason) {
        String shown = head.size() == 0 ? "(empty)" : shown();
        return new UnexpectedBodyException(status, contentType, reason, shown);
    }

    private String shown() {
        // Printable ASCII first (the body may hold anything), then the mask, so the mask's own form is kept.
        StringBuilder ascii = new StringBuilder();
        new String(head.snapshot().toByteArray(), StandardCharsets.UTF_8).codePoints().forEach(c -> ascii.append(
                c < 0x20 || c == 0x7f ? ' ' : c > 0x7e ? '?' : (char) c));
        String text = mask.apply(ascii.toString());
        String cut = text.length() > SHOWN_CHARS ? text.substring(0, SHOWN_CHARS) + "..." : text;
        return "'" + cut.strip() + "'";
    }
}
