/**
 * Actuator health of the gateway routes, one indicator per role.
 */
package dev.gatewaykit.spring.health;
