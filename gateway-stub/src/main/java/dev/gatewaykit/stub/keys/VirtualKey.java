package dev.gatewaykit.stub.keys;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A LiteLLM-style virtual key: which models it may call, how much it may spend and until when. */
public final class VirtualKey {

    private final String key;
    private final String alias;
    private final List<String> models;
    private final Double maxBudget;
    private final Instant expires;

    private VirtualKey(Builder b) {
        this.key = Objects.requireNonNull(b.key, "key");
        if (key.isBlank()) {
            throw new IllegalArgumentException("virtual key must not be blank");
        }
        this.alias = b.alias;
        this.models = List.copyOf(b.models);
        if (b.maxBudget != null && !(b.maxBudget >= 0)) {
            throw new IllegalArgumentException("maxBudget must be >= 0 for key " + KeyMask.mask(key) + ", got " + b.maxBudget);
        }
        this.maxBudget = b.maxBudget;
        this.expires = b.expires;
    }

    /** Starts a key with the given secret. */
    public static Builder builder(String key) {
        return new Builder().key(key);
    }

    /** A builder holding this key's values. */
    public Builder toBuilder() {
        Builder b = new Builder().key(key).alias(alias).maxBudget(maxBudget).expires(expires);
        b.models.addAll(models);
        return b;
    }

    /** The secret itself (never logged: use {@link KeyMask}). */
    public String key() {
        return key;
    }

    /** Human name of the key ({@code key_alias}). */
    public Optional<String> alias() {
        return Optional.ofNullable(alias);
    }

    /** Models the key may call; empty = every model. */
    public List<String> models() {
        return models;
    }

    /** Budget in USD; absent = unlimited. */
    public Optional<Double> maxBudget() {
        return Optional.ofNullable(maxBudget);
    }

    /** Expiry instant; absent = never. */
    public Optional<Instant> expires() {
        return Optional.ofNullable(expires);
    }

    /** Whether the key may call {@code model} (an empty list allows all; {@code prefix/*} entries match by prefix). */
    public boolean allows(String model) {
        if (models.isEmpty() || model == null) {
            return true;
        }
        for (String allowed : models) {
            if (allowed.equals(model) || allowed.equals("*") || allowed.equals("all-proxy-models")
                    || (allowed.endsWith("*") && model.startsWith(allowed.substring(0, allowed.length() - 1)))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "VirtualKey[" + KeyMask.mask(key) + ", models=" + models + ", maxBudget=" + maxBudget
                + ", expires=" + expires + "]";
    }

    /** Builder of {@link VirtualKey}. */
    public static final class Builder {
        private String key;
        private String alias;
        private final List<String> models = new ArrayList<>();
        private Double maxBudget;
        private Instant expires;

        private Builder() {
        }

        /** The secret. */
        public Builder key(String key) {
            this.key = key;
            return this;
        }

        /** Human name. */
        public Builder alias(String alias) {
            this.alias = alias;
            return this;
        }

        /** Adds allowed models. */
        public Builder models(String... models) {
            return models(List.of(models));
        }

        /** Adds allowed models. */
        public Builder models(List<String> models) {
            this.models.addAll(models);
            return this;
        }

        /** Budget in USD ({@code null} = unlimited). */
        public Builder maxBudget(Double maxBudget) {
            this.maxBudget = maxBudget;
            return this;
        }

        /** Expiry ({@code null} = never). */
        public Builder expires(Instant expires) {
            this.expires = expires;
            return this;
        }

        /** The immutable key. */
        public VirtualKey build() {
            return new VirtualKey(this);
        }
    }
}
