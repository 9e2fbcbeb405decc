/**
 * Auto-configuration of the gateway health contributor.
 */
package dev.gatewaykit.spring.autoconfigure.health;
