package dev.gatewaykit.sdk.failover;

import dev.gatewaykit.sdk.Role;

import java.time.Instant;
import java.util.Optional;

/**
 * A snapshot of one role's failover circuit, for health details and diagnostics. Origins are
 * {@code scheme://host[:port]} only, so no credentials or paths appear.
 *
 * @param role                the role
 * @param state               where calls go now
 * @param since               when the circuit entered {@code state}
 * @param consecutiveFailures proxy failures in a row since the last success (reset when the circuit closes)
 * @param activeOrigin        the origin calls go to now: the proxy's when closed, the failover origin otherwise
 * @param proxyOrigin         the route's own origin
 * @param failoverOrigin      the failover origin
 * @param lastReason          why the circuit last switched, if it ever did
 */
public record FailoverStatus(Role role, FailoverState state, Instant since, int consecutiveFailures,
                             String activeOrigin, String proxyOrigin, String failoverOrigin,
                             Optional<String> lastReason) {
}
