/**
 * Small facts about HTTP traffic that several concerns need (is a body JSON, did a call fail to connect), kept
 * once at the bottom of the sdk so failover, errors, metrics and the client read them the same way.
 */
package dev.gatewaykit.sdk.http;
