/**
 * Auto-configuration of the gateway call metrics (Micrometer, optional).
 */
package dev.gatewaykit.spring.autoconfigure.metrics;
