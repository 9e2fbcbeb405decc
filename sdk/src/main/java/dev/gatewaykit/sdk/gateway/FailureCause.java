package dev.gatewaykit.sdk.gateway;

/**
 * Why a gateway refused or failed a call, in the gateway's own terms (its error types, codes and statuses). The
 * error translator turns a cause into the kind a user acts on; a gateway that cannot tell leaves the kind to the
 * HTTP status.
 */
public enum FailureCause {
    /** The key was refused; the gateway does not say why (wrong, unknown, expired or blocked). */
    KEY_REJECTED,
    /** The gateway does not know the key (LiteLLM {@code token_not_found_in_db}). */
    KEY_UNKNOWN,
    /** The key has expired (LiteLLM {@code expired_key}). */
    KEY_EXPIRED,
    /** The key is not in the form the gateway expects (LiteLLM virtual keys start with {@code sk-}). */
    KEY_MALFORMED,
    /** The key is valid but may not do this (an admin route, a team permission). */
    PERMISSION_DENIED,
    /** The key is valid but may not use the requested model. */
    MODEL_NOT_ALLOWED,
    /** The key's, team's or user's budget is spent. */
    BUDGET_EXCEEDED,
    /** A request or token rate limit (rpm, tpm, parallel requests) was hit. */
    RATE_LIMITED,
    /** The gateway itself refused the request as configured (missing or invalid gateway headers). */
    REQUEST_REFUSED,
    /** The gateway has no credentials for the provider behind it. */
    PROVIDER_NOT_CONFIGURED
}
