package dev.gatewaykit.stub.scripting;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Bounded, ordered list of scripts or faults; the first matching rule with uses left wins and count-limited
 * rules disappear when used up. Reset restores the configured rules.
 *
 * @param <T> {@link Script} or {@link Fault}
 */
public final class RuleBook<T> {

    private final String what;
    private final int max;
    private final List<T> configured;
    private final Function<T, OptionalInt> times;
    private final CopyOnWriteArrayList<Slot<T>> slots = new CopyOnWriteArrayList<>();

    /** A book named {@code what} (for messages) holding at most {@code max} rules. */
    public RuleBook(String what, int max, List<T> configured, Function<T, OptionalInt> times) {
        if (configured.size() > max) {
            throw new IllegalArgumentException(configured.size() + " " + what + " configured, limit is " + max);
        }
        this.what = what;
        this.max = max;
        this.configured = List.copyOf(configured);
        this.times = times;
        reset();
    }

    /**
     * Appends a rule.
     *
     * @throws IllegalStateException when the book is full
     */
    public synchronized void add(T rule) {
        if (slots.size() >= max) {
            throw new IllegalStateException("too many " + what + " (limit " + max + "); clear them first");
        }
        slots.add(new Slot<>(rule, times.apply(rule).orElse(-1)));
    }

    /**
     * Appends all rules or none.
     *
     * @throws IllegalStateException when they do not all fit; then nothing was added
     */
    public synchronized void addAll(List<T> rules) {
        if (slots.size() + rules.size() > max) {
            throw new IllegalStateException("too many " + what + ": " + rules.size() + " do not fit beside the "
                    + slots.size() + " held (limit " + max + "); none were added");
        }
        rules.forEach(this::add);
    }

    /** Uses the first matching rule, counting one use. */
    public Optional<T> take(Predicate<T> matches) {
        if (slots.isEmpty()) {
            return Optional.empty();
        }
        for (Slot<T> slot : slots) {
            if (!matches.test(slot.rule)) {
                continue;
            }
            if (slot.remaining.get() < 0) {
                return Optional.of(slot.rule);
            }
            int left = slot.remaining.getAndUpdate(n -> n > 0 ? n - 1 : n);
            if (left > 0) {
                if (left == 1) {
                    slots.remove(slot);
                }
                return Optional.of(slot.rule);
            }
        }
        return Optional.empty();
    }

    /** Current rules in order. */
    public List<T> rules() {
        return slots.stream().map(s -> s.rule).toList();
    }

    /** Removes every rule. */
    public synchronized void clear() {
        slots.clear();
    }

    /** Back to the configured rules. */
    public synchronized void reset() {
        slots.clear();
        for (T rule : configured) {
            slots.add(new Slot<>(rule, times.apply(rule).orElse(-1)));
        }
    }

    private static final class Slot<T> {
        final T rule;
        final AtomicInteger remaining;

        Slot(T rule, int remaining) {
            this.rule = rule;
            this.remaining = new AtomicInteger(remaining);
        }
    }
}
