package dev.gatewaykit.sdk.settings;

/**
 * The URLs routes share: {@code OPENAI_BASE_URL} (or the default) and {@code OPENAI_INTERNAL_BASE_URL}.
 *
 * @param base     where the base URL came from (a "default" value at the lowest position when unset)
 * @param internal where the internal URL came from, or null when unset
 */
record SharedUrls(FoundValue base, FoundValue internal) {

    /** The base URL, normalised. */
    String baseUrl() {
        return RouteSettings.normaliseUrl(base.value());
    }

    /** The internal URL, normalised; the base URL when unset. */
    String internalUrl() {
        return internal == null ? baseUrl() : RouteSettings.normaliseUrl(internal.value());
    }
}
