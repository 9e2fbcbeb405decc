/**
 * Auto-configuration of the role-scoped OpenAI clients: properties, connection details, settings, clients and the
 * startup failure analysis.
 */
package dev.gatewaykit.spring.autoconfigure;
