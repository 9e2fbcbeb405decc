package dev.gatewaykit.sdk.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;

/**
 * Makes {@code POST …/embeddings} ask for {@code "encoding_format":"float"}: base64 breaks LiteLLM routes to Ollama
 * or vLLM backends. Done on the wire because openai-java's {@code EmbeddingCreateParams} builder fills in
 * {@code base64} itself, so a caller's params never arrive without it and an explicit base64 cannot be told from the
 * default. Rewriting is invisible to openai-java callers, which decode float and base64 replies alike. A caller
 * that really wants base64 on this route adds the header {@value #KEEP_ENCODING_HEADER}{@code : true} to the
 * request (e.g. {@code putAdditionalHeader}); the header is removed before sending.
 */
public final class FloatEncodingInterceptor implements Interceptor {

    /** Request header that keeps the caller's encoding; never sent upstream. */
    public static final String KEEP_ENCODING_HEADER = "X-Gatewaykit-Keep-Encoding";

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (request.header(KEEP_ENCODING_HEADER) != null) {
            return chain.proceed(request.newBuilder().removeHeader(KEEP_ENCODING_HEADER).build());
        }
        if (!request.url().encodedPath().endsWith("/embeddings")) {
            return chain.proceed(request);
        }
        ObjectNode object = JsonRequestBodies.objectOf(request).orElse(null);
        if (object == null || "float".equals(object.path("encoding_format").asText())) {
            return chain.proceed(request);
        }
        object.put("encoding_format", "float");
        return chain.proceed(JsonRequestBodies.withBody(request, object));
    }

}
