/**
 * Direct-provider failover: a per-role circuit breaker that sends calls to the failover origin, with its own key
 * only, while the proxy keeps failing, and back once the proxy's health probe answers again.
 */
package dev.gatewaykit.sdk.failover;
