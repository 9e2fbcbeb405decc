package dev.gatewaykit.sdk.metrics;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A server-sent-events reply: splits the byte stream into events and hands each event's {@code data} to its own
 * {@link UsageScanner}, so the usage chunk of a chat stream ({@code stream_options.include_usage}) or the
 * {@code response.completed} event of a Responses stream is read as it passes. Event data is streamed into the
 * scanner, never collected, so even a large {@code response.completed} costs no buffer. The stream is whole after
 * {@code data: [DONE]} (Chat) or a terminal Responses event; carriage returns are treated as whitespace.
 */
final class SseObserver implements BodyObserver {

    private static final byte[] DONE = "[DONE]".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DATA = "data".getBytes(StandardCharsets.US_ASCII);

    private enum State { LINE_START, FIELD, VALUE_START, DATA, SKIP_LINE }

    private final TokenUsage usage;
    private State state = State.LINE_START;
    private final byte[] field = new byte[DATA.length];
    private int fieldLength;
    private boolean fieldTooLong;
    private UsageScanner event;
    private final byte[] dataStart = new byte[DONE.length];
    private int dataStartLength;
    private boolean done;
    private boolean error;

    SseObserver(TokenUsage usage) {
        this.usage = usage;
    }

    @Override
    public void onBytes(byte[] bytes, int offset, int length) {
        int i = offset;
        int end = offset + length;
        while (i < end) {
            switch (state) {
                case LINE_START -> {
                    byte b = bytes[i];
                    if (b == '\n') {
                        dispatch();
                        i++;
                    } else if (b == '\r') {
                        i++;
                    } else {
                        fieldLength = 0;
                        fieldTooLong = false;
                        state = State.FIELD;
                    }
                }
                case FIELD -> {
                    byte b = bytes[i++];
                    if (b == ':') {
                        state = State.VALUE_START;
                    } else if (b == '\n') {
                        state = State.LINE_START; // a field without a value carries nothing we read
                    } else if (b != '\r') {
                        if (fieldLength < field.length) {
                            field[fieldLength++] = b;
                        } else {
                            fieldTooLong = true;
                        }
                    }
                }
                case VALUE_START -> {
                    if (bytes[i] == ' ') {
                        i++; // one leading space belongs to the syntax, not the value
                    }
                    if (isDataField()) {
                        startData();
                        state = State.DATA;
                    } else {
                        state = State.SKIP_LINE;
                    }
                }
                case DATA -> {
                    int lineEnd = indexOf(bytes, i, end, (byte) '\n');
                    int segmentEnd = lineEnd < 0 ? end : lineEnd;
                    rememberDataStart(bytes, i, segmentEnd);
                    event.feed(bytes, i, segmentEnd - i);
                    i = lineEnd < 0 ? end : lineEnd + 1;
                    if (lineEnd >= 0) {
                        state = State.LINE_START;
                    }
                }
                case SKIP_LINE -> {
                    int lineEnd = indexOf(bytes, i, end, (byte) '\n');
                    i = lineEnd < 0 ? end : lineEnd + 1;
                    if (lineEnd >= 0) {
                        state = State.LINE_START;
                    }
                }
            }
        }
    }

    @Override
    public void onEnd() {
        dispatch(); // a last event without its blank line still counts
    }

    @Override
    public boolean complete() {
        return done;
    }

    @Override
    public boolean reportsError() {
        return error;
    }

    private boolean isDataField() {
        return !fieldTooLong && fieldLength == DATA.length && Arrays.equals(field, 0, fieldLength, DATA, 0, DATA.length);
    }

    private void startData() {
        if (event == null) {
            event = new UsageScanner(usage);
            dataStartLength = 0;
        } else {
            // Several data lines of one event join with a newline (whitespace to JSON).
            event.feed(new byte[] {'\n'}, 0, 1);
        }
    }

    private void rememberDataStart(byte[] bytes, int from, int to) {
        for (int i = from; i < to && dataStartLength < dataStart.length; i++) {
            dataStart[dataStartLength++] = bytes[i];
        }
    }

    /** A blank line ends an event. */
    private void dispatch() {
        if (event == null) {
            return;
        }
        event.end();
        if (dataStartLength == DONE.length && Arrays.equals(dataStart, DONE)) {
            done = true;
        }
        if (event.terminalEvent()) {
            done = true;
        }
        if (event.reportsError()) {
            error = true;
        }
        event = null;
        dataStartLength = 0;
    }

    private static int indexOf(byte[] bytes, int from, int to, byte wanted) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }
}
