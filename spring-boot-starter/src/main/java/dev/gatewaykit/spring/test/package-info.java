/**
 * Test support: {@link dev.gatewaykit.spring.test.AutoConfigureGatewayStub} runs the gateway stub for a Spring
 * test context and points every role at it.
 */
package dev.gatewaykit.spring.test;
