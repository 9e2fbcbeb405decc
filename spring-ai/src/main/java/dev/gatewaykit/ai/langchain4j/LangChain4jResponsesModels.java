package dev.gatewaykit.ai.langchain4j;

import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.client.GatewayClients;
import dev.gatewaykit.sdk.settings.RouteSettings;
import dev.langchain4j.model.openai.OpenAiResponsesChatModel;
import dev.langchain4j.model.openai.OpenAiResponsesStreamingChatModel;

/**
 * LangChain4j's chat models on the Responses API ({@code /responses}) from a role's resolved {@link RouteSettings},
 * like {@link LangChain4jModels} and on the same route clients. A class of its own because these model classes are
 * newer than LangChain4j 1.x itself: only this class names them, so a LangChain4j without them can still build the
 * other models.
 * <p>
 * LangChain4j's Responses builders take no retry count and no project: {@code OPENAI_MAX_RETRIES} and
 * {@code OPENAI_PROJECT} do not apply to these models; the route's headers, timeouts and failover do.
 */
public final class LangChain4jResponsesModels {

    private final GatewayClients clients;

    /** Models on the routes and HTTP clients of {@code clients}. */
    public LangChain4jResponsesModels(GatewayClients clients) {
        this.clients = clients;
    }

    /** A chat model on the Responses API on the route of {@code role}, for the CODEX role's agent loops. */
    public OpenAiResponsesChatModel chatModel(Role role) {
        RouteSettings route = clients.settings().route(role);
        OpenAiResponsesChatModel.Builder builder = OpenAiResponsesChatModel.builder()
            .httpClientBuilder(new RouteHttpClientBuilder(clients.okHttpClient(role)))
            .baseUrl(route.baseUrl()).apiKey(LangChain4jModels.key(route))
            .modelName(route.model().orElse(LangChain4jModels.DEFAULT_CHAT_MODEL));
        clients.settings().organization().ifPresent(builder::organizationId);
        return builder.build();
    }

    /** A streaming chat model on the Responses API on the route of {@code role}. */
    public OpenAiResponsesStreamingChatModel streamingChatModel(Role role) {
        RouteSettings route = clients.settings().route(role);
        OpenAiResponsesStreamingChatModel.Builder builder = OpenAiResponsesStreamingChatModel.builder()
            .httpClientBuilder(new RouteHttpClientBuilder(clients.okHttpClient(role)))
            .baseUrl(route.baseUrl()).apiKey(LangChain4jModels.key(route))
            .modelName(route.model().orElse(LangChain4jModels.DEFAULT_CHAT_MODEL));
        clients.settings().organization().ifPresent(builder::organizationId);
        return builder.build();
    }
}
