package dev.gatewaykit.stub.verify;

import dev.gatewaykit.stub.conversation.Message;
import dev.gatewaykit.stub.journal.SecretMasker;
import dev.gatewaykit.stub.keys.KeyMask;
import dev.gatewaykit.stub.tools.ToolCall;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

/**
 * Bounded record of model calls for verification: at most {@code capacity} calls, each text cut at
 * {@code textChars}, each call's messages kept newest first up to four times that; keys masked when recorded.
 */
public final class CallLog {

    private final int capacity;
    private final int textChars;
    private final Supplier<Collection<String>> secrets;
    private final Deque<RecordedCall> calls = new ArrayDeque<>();
    private long seq;
    private long dropped;

    /** A log keeping {@code capacity} calls, {@code textChars} characters per text. */
    public CallLog(int capacity, int textChars, Supplier<Collection<String>> secrets) {
        this.capacity = capacity;
        this.textChars = textChars;
        this.secrets = secrets;
    }

    /** Records one answered call. */
    public void record(String path, String model, String key, List<Message> messages, List<String> toolNames,
                       String replyText, List<ToolCall> toolCalls) {
        Collection<String> known = secrets.get();
        // Newest messages first, until the call's text budget is used: memory stays bounded however long the chat.
        long budget = 4L * textChars;
        List<Message> kept = new ArrayList<>();
        for (int i = messages.size() - 1; i >= 0 && budget > 0; i--) {
            Message m = messages.get(i);
            List<ToolCall> calls = m.toolCalls().stream().map(c -> mask(c, known)).toList();
            Message copy = new Message(m.role(), text(m.text(), known), calls, m.toolCallId(), m.toolName());
            budget -= copy.text().length() + calls.stream().mapToLong(c -> c.arguments().length()).sum();
            kept.add(0, copy);
        }
        List<ToolCall> reply = toolCalls.stream().map(c -> mask(c, known)).toList();
        synchronized (this) {
            seq++;
            if (capacity == 0) {
                dropped++;
                return;
            }
            if (calls.size() >= capacity) {
                calls.removeFirst();
                dropped++;
            }
            calls.addLast(new RecordedCall(seq, Instant.now(), path, model, KeyMask.mask(key), List.copyOf(kept),
                    List.copyOf(toolNames), text(replyText, known), reply));
        }
    }

    private ToolCall mask(ToolCall c, Collection<String> known) {
        return new ToolCall(c.id(), c.name(), text(c.arguments(), known));
    }

    private String text(String text, Collection<String> known) {
        if (text == null) {
            return "";
        }
        String cut = text.length() > textChars ? text.substring(0, textChars) + "...[truncated]" : text;
        return SecretMasker.mask(cut, known::contains);
    }

    /** Calls still held, oldest first. */
    public synchronized List<RecordedCall> calls() {
        return List.copyOf(calls);
    }

    /** Calls no longer held. */
    public synchronized long dropped() {
        return dropped;
    }

    /** Forgets every call. */
    public synchronized void clear() {
        calls.clear();
        seq = 0;
        dropped = 0;
    }
}
