/**
 * Spring Boot integration of the OpenAI gateway kit: the {@link dev.gatewaykit.spring.GatewayClient} qualifier
 * for role-scoped {@code OpenAIClient} beans.
 */
package dev.gatewaykit.spring;
