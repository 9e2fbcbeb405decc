/** Auto-configuration of gateway call observations (Micrometer Observation API, tracing). */
package dev.gatewaykit.spring.autoconfigure.observation;
