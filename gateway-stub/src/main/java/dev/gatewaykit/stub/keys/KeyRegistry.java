package dev.gatewaykit.stub.keys;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;

/** Thread-safe set of live virtual keys with their spend; bounded by the key limit. */
public final class KeyRegistry {

    /** A live key and what it has spent so far. */
    public static final class Entry {
        private volatile VirtualKey key;
        private final DoubleAdder spend = new DoubleAdder();
        private final RateWindow rates = new RateWindow();

        Entry(VirtualKey key) {
            this.key = key;
        }

        /** The key's current settings ({@code /key/update}, {@code /key/block} replace them). */
        public VirtualKey key() {
            return key;
        }

        /** Replaces the key's settings; the secret stays the same. */
        public synchronized VirtualKey update(java.util.function.UnaryOperator<VirtualKey.Builder> change) {
            VirtualKey next = change.apply(key.toBuilder()).key(key.key()).build();
            this.key = next;
            return next;
        }

        /** The key's requests and tokens in the current rate-limit window. */
        public RateWindow rates() {
            return rates;
        }

        /** USD spent so far. */
        public double spend() {
            return spend.sum();
        }

        /** Adds the cost of one call. */
        public void charge(double usd) {
            spend.add(usd);
        }
    }

    private final List<VirtualKey> configured;
    private final int maxKeys;
    private final ConcurrentHashMap<String, Entry> live = new ConcurrentHashMap<>();
    // Once a key has existed, deleting the last one must not turn key checking off again: a deleted key stays
    // rejected until reset().
    private volatile boolean keyed;

    /** Registry starting with the configured keys. */
    public KeyRegistry(List<VirtualKey> configured, int maxKeys) {
        if (configured.size() > maxKeys) {
            throw new IllegalArgumentException(configured.size() + " virtual keys configured, limit maxKeys is " + maxKeys);
        }
        this.configured = List.copyOf(configured);
        this.maxKeys = maxKeys;
        reset();
    }

    /** Back to the configured keys with zero spend. */
    public synchronized void reset() {
        live.clear();
        keyed = !configured.isEmpty();
        for (VirtualKey key : configured) {
            live.put(key.key(), new Entry(key));
        }
    }

    /** Whether no virtual key has existed since the last reset (then, without a master key, any key is accepted). */
    public boolean isEmpty() {
        return !keyed;
    }

    /** The live entry for a secret. */
    public Optional<Entry> find(String key) {
        return key == null ? Optional.empty() : Optional.ofNullable(live.get(key));
    }

    /** Finds a live key by its alias. */
    public Optional<Entry> findByAlias(String alias) {
        return live.values().stream().filter(e -> e.key().alias().map(alias::equals).orElse(false)).findFirst();
    }

    /**
     * Adds a key.
     *
     * @throws IllegalStateException when the key limit is reached or the key already exists
     */
    public synchronized Entry add(VirtualKey key) {
        if (live.containsKey(key.key())) {
            throw new IllegalStateException("key " + KeyMask.mask(key.key()) + " already exists");
        }
        if (live.size() >= maxKeys) {
            throw new IllegalStateException("key limit reached (maxKeys " + maxKeys + "); delete keys or reset the stub");
        }
        Entry entry = new Entry(key);
        live.put(key.key(), entry);
        keyed = true;
        return entry;
    }

    /** Removes a key; returns whether it existed. */
    public boolean delete(String key) {
        return key != null && live.remove(key) != null;
    }

    /** All secrets currently known, for masking. */
    public List<String> secrets() {
        return new ArrayList<>(live.keySet());
    }
}
