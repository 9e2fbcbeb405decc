/**
 * The Spring AI bridge: {@code OpenAiChatModel} and {@code OpenAiEmbeddingModel} beans on the role clients, ordered
 * before Spring AI's own OpenAI auto-configuration so that one backs off.
 */
package dev.gatewaykit.ai.springai;
