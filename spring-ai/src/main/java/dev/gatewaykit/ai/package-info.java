/**
 * Spring AI and LangChain4j models on the gateway routes: each framework's OpenAI models built on the starter's
 * resolved routes (and, for Spring AI, on its role clients), so keys, headers, failover and metrics stay the
 * gateway's.
 */
package dev.gatewaykit.ai;
