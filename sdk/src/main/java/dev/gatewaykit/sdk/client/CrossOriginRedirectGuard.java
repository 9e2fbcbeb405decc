package dev.gatewaykit.sdk.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaykit.sdk.errors.SdkErrorTypes;
import dev.gatewaykit.sdk.settings.Secrets;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;

import java.io.IOException;
import java.util.List;

/**
 * Refuses redirects to another origin (scheme, host, port). A network interceptor: it sees each redirect before
 * OkHttp follows it, and removes {@code Location} so nothing is sent to the other origin at all, not even a
 * connection. The answer becomes an OpenAI-shaped error of type {@value SdkErrorTypes#REDIRECT_REFUSED} with
 * {@code X-Should-Retry: false}, so openai-java neither follows nor retries it.
 * <p>
 * Refusing rather than stripping key headers: a key can sit in any header ({@code Authorization},
 * {@code x-portkey-api-key}, {@code api-key}, a configured custom header), so no list of names is complete; and
 * the prompt in the body must not reach an origin nobody configured either. OpenAI-compatible APIs never redirect
 * API calls, so a redirect to elsewhere means a wrong base URL, which the error names.
 */
public final class CrossOriginRedirectGuard implements Interceptor {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MediaType APPLICATION_JSON = MediaType.get("application/json");

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        String location = response.header("Location");
        if (!response.isRedirect() || location == null) {
            return response;
        }
        HttpUrl from = chain.request().url();
        HttpUrl to = from.resolve(location);
        if (to == null || sameOrigin(from, to)) {
            return response;
        }
        String target = Secrets.maskIn(origin(to), List.of());
        String message = "refused to follow HTTP " + response.code() + " from " + origin(from) + " to " + target
                + ", another origin: keys and request bodies are sent only to the origin they were configured for";
        response.close();
        return response.newBuilder()
                .removeHeader("Location")
                .removeHeader("Content-Length")
                .removeHeader("Content-Encoding")
                .removeHeader("Transfer-Encoding")
                .header("Content-Type", APPLICATION_JSON.toString())
                .header("X-Should-Retry", "false")
                .header(SdkErrorTypes.REDIRECT_TARGET_HEADER, target)
                .body(ResponseBody.create(errorJson(message), APPLICATION_JSON))
                .build();
    }

    private static boolean sameOrigin(HttpUrl a, HttpUrl b) {
        return a.scheme().equals(b.scheme()) && a.host().equals(b.host()) && a.port() == b.port();
    }

    /** {@code scheme://host[:port]} (default port omitted), never user info, path or query. */
    private static String origin(HttpUrl url) {
        String host = url.host().contains(":") ? "[" + url.host() + "]" : url.host();
        return url.scheme() + "://" + host + (url.port() == HttpUrl.defaultPort(url.scheme()) ? "" : ":" + url.port());
    }

    private static String errorJson(String message) throws IOException {
        ObjectNode error = JSON.createObjectNode();
        error.put("message", message);
        error.put("type", SdkErrorTypes.REDIRECT_REFUSED);
        error.putNull("param");
        error.put("code", SdkErrorTypes.REDIRECT_REFUSED);
        ObjectNode root = JSON.createObjectNode();
        root.set("error", error);
        return JSON.writeValueAsString(root);
    }
}
