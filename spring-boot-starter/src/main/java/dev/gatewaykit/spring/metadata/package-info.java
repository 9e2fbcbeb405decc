/**
 * Build step, not shipped in the jar: adds every setting of the sdk's {@link dev.gatewaykit.sdk.settings.Setting}
 * table (name, type, default, description, value hints) to the configuration metadata the Spring Boot
 * configuration processor wrote for the starter's own properties, so IDEs list the route properties that the sdk
 * reads from the Spring environment.
 */
package dev.gatewaykit.spring.metadata;
