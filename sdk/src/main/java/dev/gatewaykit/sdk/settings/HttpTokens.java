package dev.gatewaykit.sdk.settings;

/** Shared patterns for HTTP syntax used in constraints. */
final class HttpTokens {

    /** RFC 9110 token: the characters allowed in a header name. */
    static final String HEADER_NAME = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";

    private HttpTokens() {
    }
}
