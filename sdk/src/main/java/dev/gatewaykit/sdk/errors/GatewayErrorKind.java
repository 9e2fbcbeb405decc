package dev.gatewaykit.sdk.errors;

/** What went wrong with a gateway call, in the terms a user acts on. */
public enum GatewayErrorKind {
    /** The key was rejected: wrong, expired or blocked. */
    AUTHENTICATION,
    /** The key is valid but may not do this: an admin route, a team permission (not a model: see below). */
    PERMISSION_DENIED,
    /** The key is valid but may not use the requested model. */
    MODEL_NOT_ALLOWED,
    /** The key's, team's or user's budget is spent. */
    BUDGET_EXCEEDED,
    /** Too many requests. */
    RATE_LIMITED,
    /** No HTTP answer: connection refused, unknown host, connect timeout. */
    UNREACHABLE,
    /** The request itself is wrong (bad parameter, unknown path or model). */
    BAD_REQUEST,
    /** The gateway or the provider behind it failed (5xx, timeouts, unknown errors). */
    UPSTREAM,
    /** The route cannot be called as configured (e.g. it has no key); nothing was sent. */
    NOT_CONFIGURED,
    /**
     * The gateway redirected the call to another origin, which the client refuses to follow: keys and prompts go
     * only to the origin they were configured for.
     */
    REDIRECT_REFUSED
}
