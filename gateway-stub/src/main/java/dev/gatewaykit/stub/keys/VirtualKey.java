package dev.gatewaykit.stub.keys;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A LiteLLM-style virtual key: which models it may call, how much it may spend, until when, how fast
 * ({@code tpm_limit}, {@code rpm_limit}, per model {@code model_tpm_limit}/{@code model_rpm_limit}) and whether it
 * is blocked.
 */
public final class VirtualKey {

    private final String key;
    private final String alias;
    private final List<String> models;
    private final Double maxBudget;
    private final Instant expires;
    private final Long tpmLimit;
    private final Long rpmLimit;
    private final Map<String, Long> modelTpmLimit;
    private final Map<String, Long> modelRpmLimit;
    private final boolean blocked;

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
        this.tpmLimit = nonNegative("tpmLimit", b.tpmLimit);
        this.rpmLimit = nonNegative("rpmLimit", b.rpmLimit);
        b.modelTpmLimit.forEach((m, v) -> nonNegative("modelTpmLimit." + m, v));
        b.modelRpmLimit.forEach((m, v) -> nonNegative("modelRpmLimit." + m, v));
        this.modelTpmLimit = Map.copyOf(b.modelTpmLimit);
        this.modelRpmLimit = Map.copyOf(b.modelRpmLimit);
        this.blocked = b.blocked;
    }

    private Long nonNegative(String name, Long value) {
        if (value != null && value < 0) {
            throw new IllegalArgumentException(name + " must be >= 0 for key " + KeyMask.mask(key) + ", got " + value);
        }
        return value;
    }

    /** Starts a key with the given secret. */
    public static Builder builder(String key) {
        return new Builder().key(key);
    }

    /** A builder holding this key's values. */
    public Builder toBuilder() {
        Builder b = new Builder().key(key).alias(alias).maxBudget(maxBudget).expires(expires).tpmLimit(tpmLimit)
                .rpmLimit(rpmLimit).blocked(blocked);
        b.models.addAll(models);
        b.modelTpmLimit.putAll(modelTpmLimit);
        b.modelRpmLimit.putAll(modelRpmLimit);
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

    /** Tokens per minute ({@code tpm_limit}); absent = unlimited. */
    public Optional<Long> tpmLimit() {
        return Optional.ofNullable(tpmLimit);
    }

    /** Requests per minute ({@code rpm_limit}); absent = unlimited. */
    public Optional<Long> rpmLimit() {
        return Optional.ofNullable(rpmLimit);
    }

    /** Tokens per minute per model ({@code model_tpm_limit}). */
    public Map<String, Long> modelTpmLimit() {
        return modelTpmLimit;
    }

    /** Requests per minute per model ({@code model_rpm_limit}). */
    public Map<String, Long> modelRpmLimit() {
        return modelRpmLimit;
    }

    /** Whether the key is blocked ({@code /key/block}). */
    public boolean blocked() {
        return blocked;
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
                + ", expires=" + expires + ", tpmLimit=" + tpmLimit + ", rpmLimit=" + rpmLimit + ", blocked=" + blocked
                + "]";
    }

    /** Builder of {@link VirtualKey}. */
    public static final class Builder {
        private String key;
        private String alias;
        private final List<String> models = new ArrayList<>();
        private Double maxBudget;
        private Instant expires;
        private Long tpmLimit;
        private Long rpmLimit;
        private final Map<String, Long> modelTpmLimit = new LinkedHashMap<>();
        private final Map<String, Long> modelRpmLimit = new LinkedHashMap<>();
        private boolean blocked;

        private Builder() {
        }

        /** Tokens per minute ({@code null} = unlimited; must be >= 0). */
        public Builder tpmLimit(Long tpmLimit) {
            this.tpmLimit = tpmLimit;
            return this;
        }

        /** Requests per minute ({@code null} = unlimited; must be >= 0). */
        public Builder rpmLimit(Long rpmLimit) {
            this.rpmLimit = rpmLimit;
            return this;
        }

        /** Tokens per minute for one model (must be >= 0). */
        public Builder modelTpmLimit(String model, long limit) {
            this.modelTpmLimit.put(Objects.requireNonNull(model, "model"), limit);
            return this;
        }

        /** Requests per minute for one model (must be >= 0). */
        public Builder modelRpmLimit(String model, long limit) {
            this.modelRpmLimit.put(Objects.requireNonNull(model, "model"), limit);
            return this;
        }

        /** Replaces the allowed models. */
        public Builder replaceModels(List<String> models) {
            this.models.clear();
            this.models.addAll(models);
            return this;
        }

        /** Blocked keys are refused with 401 until unblocked. */
        public Builder blocked(boolean blocked) {
            this.blocked = blocked;
            return this;
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
