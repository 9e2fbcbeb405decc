package dev.gatewaykit.sdk.failover;

/** Where a role's calls go, as decided by its {@link FailoverCircuit}. */
public enum FailoverState {
    /** Calls go to the proxy (the route's own base URL). */
    CLOSED,
    /** The proxy kept failing: calls go to the failover origin until the cool-down has passed. */
    OPEN,
    /** The cool-down has passed and the proxy's health is being probed; calls still go to the failover origin. */
    HALF_OPEN
}
