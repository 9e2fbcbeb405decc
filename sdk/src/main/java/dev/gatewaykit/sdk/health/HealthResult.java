package dev.gatewaykit.sdk.health;

import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.errors.GatewayError;

import java.time.Duration;
import java.util.Optional;

/**
 * The outcome of one health probe.
 *
 * @param role    the route probed
 * @param up      whether the probe answered 2xx
 * @param url     the URL probed
 * @param latency time until the answer (or the failure)
 * @param detail  a short note, e.g. the status line or the body of a liveliness answer
 * @param error   the explained failure when down
 */
public record HealthResult(Role role, boolean up, String url, Duration latency, Optional<String> detail,
                           Optional<GatewayError> error) {
}
