/**
 * The LangChain4j bridge: LangChain4j's OpenAI chat, streaming chat and embedding models built from the resolved
 * route settings and sent through the route's OkHttp client (shared pool, gateway interceptors, failover, metrics).
 */
package dev.gatewaykit.ai.langchain4j;
