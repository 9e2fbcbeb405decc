package dev.gatewaykit.ai.langchain4j;

import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.client.GatewayClients;
import dev.gatewaykit.sdk.client.KeylessAuthorizationInterceptor;
import dev.gatewaykit.sdk.settings.ApiKey;
import dev.gatewaykit.sdk.settings.GatewaySettings;
import dev.gatewaykit.sdk.settings.RouteSettings;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiChatModelName;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import dev.langchain4j.model.openai.OpenAiEmbeddingModelName;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;

/**
 * LangChain4j's OpenAI models from a role's resolved {@link RouteSettings}: its base URL, key and model, sent
 * through the role's OkHttp client, whose interceptors add the route's headers and whose timeouts apply. Nothing
 * is resolved here: the settings are the ones {@link GatewayClients} was built from.
 */
public final class LangChain4jModels {

    /** The chat model when the role configures none (LangChain4j has no default of its own). */
    public static final String DEFAULT_CHAT_MODEL = OpenAiChatModelName.GPT_4_O_MINI.toString();

    /** The embedding model when the role configures none. */
    public static final String DEFAULT_EMBEDDING_MODEL = OpenAiEmbeddingModelName.TEXT_EMBEDDING_3_SMALL.toString();

    private final GatewayClients clients;

    /** Models on the routes and HTTP clients of {@code clients}. */
    public LangChain4jModels(GatewayClients clients) {
        this.clients = clients;
    }

    /** A chat model on the route of {@code role}. */
    public OpenAiChatModel chatModel(Role role) {
        RouteSettings route = route(role);
        OpenAiChatModel.OpenAiChatModelBuilder builder = OpenAiChatModel.builder()
            .httpClientBuilder(new RouteHttpClientBuilder(clients.okHttpClient(role)))
            .baseUrl(route.baseUrl()).apiKey(key(route)).modelName(route.model().orElse(DEFAULT_CHAT_MODEL))
            .maxRetries(settings().maxRetries());
        settings().organization().ifPresent(builder::organizationId);
        settings().project().ifPresent(builder::projectId);
        return builder.build();
    }

    /** A streaming chat model on the route of {@code role}. */
    public OpenAiStreamingChatModel streamingChatModel(Role role) {
        RouteSettings route = route(role);
        OpenAiStreamingChatModel.OpenAiStreamingChatModelBuilder builder = OpenAiStreamingChatModel.builder()
            .httpClientBuilder(new RouteHttpClientBuilder(clients.okHttpClient(role)))
            .baseUrl(route.baseUrl()).apiKey(key(route)).modelName(route.model().orElse(DEFAULT_CHAT_MODEL));
        settings().organization().ifPresent(builder::organizationId);
        settings().project().ifPresent(builder::projectId);
        return builder.build();
    }

    /** An embedding model on the EMBEDDINGS route (float encoding, as on every embeddings call of the gateway). */
    public OpenAiEmbeddingModel embeddingModel() {
        RouteSettings route = route(Role.EMBEDDINGS);
        OpenAiEmbeddingModel.OpenAiEmbeddingModelBuilder builder = OpenAiEmbeddingModel.builder()
            .httpClientBuilder(new RouteHttpClientBuilder(clients.okHttpClient(Role.EMBEDDINGS)))
            .baseUrl(route.baseUrl()).apiKey(key(route))
            .modelName(route.model().orElse(DEFAULT_EMBEDDING_MODEL)).maxRetries(settings().maxRetries());
        settings().organization().ifPresent(builder::organizationId);
        settings().project().ifPresent(builder::projectId);
        return builder.build();
    }

    private GatewaySettings settings() {
        return clients.settings();
    }

    private RouteSettings route(Role role) {
        return settings().route(role);
    }

    // LangChain4j always sends a bearer key; on a keyless route it sends the placeholder that the route's
    // KeylessAuthorizationInterceptor removes before the request leaves.
    static String key(RouteSettings route) {
        return route.apiKey().map(ApiKey::reveal).orElse(KeylessAuthorizationInterceptor.PLACEHOLDER_KEY);
    }
}
