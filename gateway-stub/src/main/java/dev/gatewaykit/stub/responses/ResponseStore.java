package dev.gatewaykit.stub.responses;

import dev.gatewaykit.stub.conversation.Message;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stored Responses, oldest evicted first beyond the capacity. Each entry holds only its own turn; a conversation is
 * rebuilt by following {@code previous_response_id} links, so memory grows with turns, not with their square.
 */
public final class ResponseStore {

    private final int capacity;
    private final Map<String, StoredResponse> byId;

    /** A store of at most {@code capacity} responses. */
    public ResponseStore(int capacity) {
        this.capacity = capacity;
        this.byId = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, StoredResponse> eldest) {
                return size() > ResponseStore.this.capacity;
            }
        };
    }

    /** Keeps a response. */
    public synchronized void put(StoredResponse response) {
        if (capacity > 0) {
            byId.put(response.id(), response);
        }
    }

    /** The response with this id, if still stored. */
    public synchronized Optional<StoredResponse> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Removes a response; whether it was there. */
    public synchronized boolean delete(String id) {
        return byId.remove(id) != null;
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

    /** Forgets every response. */
    public synchronized void clear() {
        byId.clear();
    }
}
