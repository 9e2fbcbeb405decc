/**
 * Actuator integration: masking of the gateway's secrets in the env and configprops endpoints, and the
 * {@code gateway} endpoint showing the settings each route resolved to and where each value came from.
 */
package dev.gatewaykit.spring.autoconfigure.actuate;
