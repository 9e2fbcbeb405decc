package dev.gatewaykit.sdk.gateway;

import dev.gatewaykit.sdk.settings.GatewaySettings;
import dev.gatewaykit.sdk.settings.RouteSettings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Who and what a call is for (end user, tags, metadata, trace id, extra headers). Each gateway turns it into its
 * own headers: LiteLLM {@code x-litellm-end-user-id} / {@code x-litellm-tags}; Portkey {@code x-portkey-metadata}
 * (user as {@code _user}) / {@code x-portkey-trace-id}. Contexts merge global &lt; role &lt; request.
 */
public final class GatewayRequestContext {

    private static final GatewayRequestContext EMPTY = new Builder().build();

    private final String user;
    private final List<String> tags;
    private final Map<String, String> metadata;
    private final String traceId;
    private final Map<String, String> headers;

    private GatewayRequestContext(Builder b) {
        this.user = b.user;
        this.tags = List.copyOf(b.tags);
        this.metadata = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.metadata));
        this.traceId = b.traceId;
        this.headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
    }

    /** A context with nothing set. */
    public static GatewayRequestContext empty() {
        return EMPTY;
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The defaults configured for calls of {@code route}: LiteLLM end user and tags, and the Portkey metadata that
     * applies to the route ({@link RouteSettings#portkey()}), so it never reaches an origin it was not set for.
     */
    public static GatewayRequestContext defaults(GatewaySettings settings, RouteSettings route) {
        Builder b = builder().tags(settings.litellm().tags()).metadata(route.portkey().metadata());
        if (settings.litellm().endUserId().isPresent()) {
            b.user(settings.litellm().endUserId().get());
        }
        return b.build();
    }

    /** A builder holding this context's values. */
    public Builder toBuilder() {
        return builder().user(user).tags(tags).metadata(metadata).traceId(traceId).headers(headers);
    }

    /**
     * This context with {@code higher} on top: user and trace id of {@code higher} win when set; tags are
     * united (lower first); metadata and headers merge entry by entry, {@code higher} winning.
     */
    public GatewayRequestContext overriddenBy(GatewayRequestContext higher) {
        Builder b = toBuilder();
        if (higher.user != null) {
            b.user(higher.user);
        }
        if (higher.traceId != null) {
            b.traceId(higher.traceId);
        }
        LinkedHashSet<String> allTags = new LinkedHashSet<>(tags);
        allTags.addAll(higher.tags);
        b.tags(new ArrayList<>(allTags));
        higher.metadata.forEach(b::putMetadata);
        higher.headers.forEach(b::putHeader);
        return b.build();
    }

    /** The end user. */
    public Optional<String> user() {
        return Optional.ofNullable(user);
    }

    /** Tags for spend tracking. */
    public List<String> tags() {
        return tags;
    }

    /** Free-form metadata (Portkey). */
    public Map<String, String> metadata() {
        return metadata;
    }

    /** A trace id to correlate gateway logs with ours. */
    public Optional<String> traceId() {
        return Optional.ofNullable(traceId);
    }

    /** Extra headers for this call. */
    public Map<String, String> headers() {
        return headers;
    }

    /** Whether nothing is set. */
    public boolean isEmpty() {
        return user == null && tags.isEmpty() && metadata.isEmpty() && traceId == null && headers.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GatewayRequestContext c && Objects.equals(user, c.user) && tags.equals(c.tags)
                && metadata.equals(c.metadata) && Objects.equals(traceId, c.traceId) && headers.equals(c.headers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(user, tags, metadata, traceId, headers);
    }

    @Override
    public String toString() {
        return "GatewayRequestContext[user=" + user + ", tags=" + tags + ", metadata=" + metadata.keySet()
                + ", traceId=" + traceId + ", headers=" + headers.keySet() + "]";
    }

    /** Builds a {@link GatewayRequestContext}. */
    public static final class Builder {
        private String user;
        private final List<String> tags = new ArrayList<>();
        private final Map<String, String> metadata = new LinkedHashMap<>();
        private String traceId;
        private final Map<String, String> headers = new LinkedHashMap<>();

        private Builder() {
        }

        /** The end user (null clears). */
        public Builder user(String user) {
            this.user = user;
            return this;
        }

        /** Adds a tag. */
        public Builder addTag(String tag) {
            this.tags.add(Objects.requireNonNull(tag));
            return this;
        }

        /** Replaces the tags. */
        public Builder tags(List<String> tags) {
            this.tags.clear();
            this.tags.addAll(tags);
            return this;
        }

        /** Adds a metadata entry. */
        public Builder putMetadata(String name, String value) {
            this.metadata.put(name, value);
            return this;
        }

        /** Replaces the metadata. */
        public Builder metadata(Map<String, String> metadata) {
            this.metadata.clear();
            this.metadata.putAll(metadata);
            return this;
        }

        /** The trace id (null clears). */
        public Builder traceId(String traceId) {
            this.traceId = traceId;
            return this;
        }

        /** Adds a header. */
        public Builder putHeader(String name, String value) {
            this.headers.put(name, value);
            return this;
        }

        /** Replaces the headers. */
        public Builder headers(Map<String, String> headers) {
            this.headers.clear();
            this.headers.putAll(headers);
            return this;
        }

        /** The immutable context. */
        public GatewayRequestContext build() {
            return new GatewayRequestContext(this);
        }
    }
}
