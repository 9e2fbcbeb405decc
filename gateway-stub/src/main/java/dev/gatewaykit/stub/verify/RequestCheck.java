package dev.gatewaykit.stub.verify;

import dev.gatewaykit.stub.journal.JournalEntry;
import dev.gatewaykit.stub.keys.KeyMask;
import dev.gatewaykit.stub.scripting.RequestMatch;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/** Counts journaled requests by route, model and key; keys are compared in their masked form. */
public final class RequestCheck {

    private final Supplier<List<JournalEntry>> journal;
    private final String path;
    private final String model;
    private final String maskedKey;

    RequestCheck(Supplier<List<JournalEntry>> journal, String path, String model, String maskedKey) {
        this.journal = journal;
        this.path = path;
        this.model = model;
        this.maskedKey = maskedKey;
    }

    /** Only requests to this endpoint path (with or without {@code /v1}). */
    public RequestCheck path(String path) {
        return new RequestCheck(journal, RequestMatch.normalise(path), model, maskedKey);
    }

    /** Only requests for this model. */
    public RequestCheck model(String model) {
        return new RequestCheck(journal, path, Objects.requireNonNull(model, "model"), maskedKey);
    }

    /** Only requests presenting this key (the key itself; it is masked before comparing). */
    public RequestCheck key(String key) {
        return new RequestCheck(journal, path, model, KeyMask.mask(Objects.requireNonNull(key, "key")));
    }

    /** The matching journal entries (only those still in the bounded journal). */
    public List<JournalEntry> entries() {
        return journal.get().stream()
                .filter(e -> path == null || path.equals(RequestMatch.normalise(e.path())))
                .filter(e -> model == null || model.equals(e.model()))
                .filter(e -> maskedKey == null || maskedKey.equals(e.key()))
                .toList();
    }

    /** Number of matching requests. */
    public int count() {
        return entries().size();
    }

    /** Asserts exactly {@code expected} matching requests. */
    public RequestCheck times(int expected) {
        int n = count();
        if (n != expected) {
            throw new AssertionError("expected " + expected + " request(s)" + describe() + ", found " + n
                    + "; journal: " + journal.get().stream().map(e -> e.method() + " " + e.path() + " " + e.model()
                    + " -> " + e.status()).toList());
        }
        return this;
    }

    private String describe() {
        return (path == null ? "" : " to " + path) + (model == null ? "" : " for model " + model)
                + (maskedKey == null ? "" : " with key " + maskedKey);
    }
}
