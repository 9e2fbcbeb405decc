/**
 * Actuator integration: masking of the gateway's secrets in the env and configprops endpoints.
 */
package dev.gatewaykit.spring.autoconfigure.actuate;
