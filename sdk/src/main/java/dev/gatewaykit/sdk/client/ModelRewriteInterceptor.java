package dev.gatewaykit.sdk.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaykit.sdk.settings.ModelMap;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;
import java.util.Set;

/**
 * Rewrites the body's {@code model} of chat completions, responses and embeddings calls with the route's
 * {@link ModelMap} ({@code OPENAI_<ROLE>_MODEL_MAP}), so code names plain OpenAI models and each route sends its
 * gateway's name ({@code openai/...} for LiteLLM, {@code @slug/...} for Portkey). Other calls and bodies without a
 * string {@code model} pass unchanged.
 */
final class ModelRewriteInterceptor implements Interceptor {

    private static final Set<String> ENDPOINTS = Set.of("/chat/completions", "/responses", "/embeddings",
            "/completions");

    private final ModelMap map;

    ModelRewriteInterceptor(ModelMap map) {
        this.map = map;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (ENDPOINTS.stream().noneMatch(request.url().encodedPath()::endsWith)) {
            return chain.proceed(request);
        }
        ObjectNode object = JsonRequestBodies.objectOf(request).orElse(null);
        if (object == null || !object.path("model").isTextual()) {
            return chain.proceed(request);
        }
        var mapped = map.rewrite(object.get("model").asText());
        if (mapped.isEmpty()) {
            return chain.proceed(request);
        }
        object.put("model", mapped.get());
        return chain.proceed(JsonRequestBodies.withBody(request, object));
    }

}
