package dev.gatewaykit.stub.responses;

import dev.gatewaykit.stub.conversation.Message;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stored Responses, oldest evicted first beyond the count or size bound. Each entry holds only its own turn; a conversation is
 * rebuilt by following {@code previous_response_id} links, so memory grows with turns, not with their square.
 */
public final class ResponseStore {

    private final int capacity;
    private final long maxBytes;
    private final Map<String, StoredResponse> byId = new LinkedHashMap<>();
    private long bytes;

    /** A store of at most {@code capacity} responses taking about {@code maxBytes} together. */
    public ResponseStore(int capacity, long maxBytes) {
        this.capacity = capacity;
        this.maxBytes = maxBytes;
    }

    /** Keeps a response (one larger than the whole size bound is not kept), evicting the oldest beyond the bounds. */
    public synchronized void put(StoredResponse response) {
        if (capacity == 0 || response.bytes() > maxBytes) {
            return;
        }
        StoredResponse replaced = byId.put(response.id(), response);
        bytes += response.bytes() - (replaced == null ? 0 : replaced.bytes());
        var oldest = byId.values().iterator();
        while ((byId.size() > capacity || bytes > maxBytes) && oldest.hasNext()) {
            bytes -= oldest.next().bytes();
            oldest.remove();
        }
    }

    /** The response with this id, if still stored. */
    public synchronized Optional<StoredResponse> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Removes a response; whether it was there. */
    public synchronized boolean delete(String id) {
        StoredResponse removed = byId.remove(id);
        if (removed != null) {
            bytes -= removed.bytes();
        }
        return removed != null;
    }

    /**
     * The messages of the chain ending at {@code id}, oldest first; empty when {@code id} is not stored. A chain
     * whose older links were evicted or deleted starts at the oldest link still stored.
     */
    public synchronized Optional<List<Message>> history(String id) {
        StoredResponse r = byId.get(id);
        if (r == null) {
            return Optional.empty();
        }
        List<List<Message>> turns = new ArrayList<>();
        int guard = 0;
        while (r != null && guard++ <= capacity) {
            turns.add(r.turn());
            r = r.previousId() == null ? null : byId.get(r.previousId());
        }
        Collections.reverse(turns);
        List<Message> out = new ArrayList<>();
        turns.forEach(out::addAll);
        return Optional.of(out);
    }

    /** Responses held. */
    public synchronized int size() {
        return byId.size();
    }

    /** Approximate bytes held. */
    public synchronized long bytes() {
        return bytes;
    }

    /** Forgets every response. */
    public synchronized void clear() {
        byId.clear();
        bytes = 0;
    }
}
