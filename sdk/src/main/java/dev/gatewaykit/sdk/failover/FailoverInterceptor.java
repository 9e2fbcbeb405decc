package dev.gatewaykit.sdk.failover;

import dev.gatewaykit.sdk.http.ConnectFailures;
import dev.gatewaykit.sdk.http.JsonMediaType;
import dev.gatewaykit.sdk.settings.ApiKey;
import dev.gatewaykit.sdk.settings.FailoverSettings;
import dev.gatewaykit.sdk.settings.RouteSettings;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Sends a role's calls to the failover origin while its {@link FailoverCircuit} is open, and counts the proxy's
 * connect failures and 5xx answers while it is closed. A call whose failure opens the circuit is sent again to the
 * failover origin, so its caller does not see that failure; other failures pass through unchanged (openai-java's
 * retries then run this chain again).
 * <p>
 * A failover request keeps its path and query but loses every proxy credential and gateway header
 * ({@code Authorization}, {@code api-key}, {@code x-api-key}, {@code x-litellm-*}, {@code x-portkey-*} and the
 * route's configured headers) and carries {@code Authorization: Bearer <failover key>} instead; JSON bodies get
 * the provider's model name. It must run after every interceptor that adds headers, so it sees and removes them.
 * <p>
 * The failover request is sent as a call of its own on the shared pool, not by rewriting the route's call:
 * openai-java's network interceptor strips {@code Authorization} from any request whose origin differs from its
 * call's original URL (its redirect protection), which would leave the failover request without its key.
 */
public final class FailoverInterceptor implements Interceptor {

    private static final Set<String> CREDENTIAL_HEADERS = Set.of("authorization", "api-key", "x-api-key",
            "x-litellm-api-key");
    private static final String[] GATEWAY_PREFIXES = {"x-litellm-", "x-portkey-"};

    private final FailoverCircuit circuit;
    private final OkHttpClient failoverHttp;
    private final HttpUrl proxyBase;
    private final String proxyPath;
    private final HttpUrl failoverBase;
    private final String failoverPath;
    private final ApiKey failoverKey;
    private final Set<String> routeHeaders = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

    /**
     * Fails {@code route} over as {@code circuit} decides, sending failover calls with {@code shared} (the shared
     * client: same pool and dispatcher, none of the route's interceptors). The failover settings must carry a key.
     */
    public FailoverInterceptor(RouteSettings route, FailoverCircuit circuit, OkHttpClient shared) {
        FailoverSettings failover = circuit.settings();
        this.circuit = circuit;
        OkHttpClient.Builder http = shared.newBuilder();
        if (route.timeout().isPresent()) {
            http.callTimeout(route.timeout().get());
        }
        this.failoverHttp = http.build();
        this.proxyBase = HttpUrl.get(route.baseUrl());
        this.proxyPath = withoutTrailingSlash(proxyBase.encodedPath());
        this.failoverBase = HttpUrl.get(failover.baseUrl());
        this.failoverPath = withoutTrailingSlash(failoverBase.encodedPath());
        if (failover.apiKey().isEmpty()) {
            throw new IllegalArgumentException("failover for " + route.role() + " has no key");
        }
        this.failoverKey = failover.apiKey().get();
        // Headers configured for the proxy's origin may carry its credentials: they stay with that origin.
        this.routeHeaders.addAll(route.headers().keySet());
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        String suffix = suffix(request.url());
        if (suffix == null) {
            return chain.proceed(request);
        }
        if (circuit.nextTarget() == FailoverCircuit.Target.FAILOVER) {
            return sendToFailover(chain, request, suffix);
        }
        Response response;
        try {
            response = chain.proceed(request);
        } catch (IOException e) {
            if (ConnectFailures.isConnectFailure(e) && circuit.recordFailure("cannot connect: " + describe(e))
                    && canResend(request)) {
                return sendToFailover(chain, request, suffix);
            }
            throw e;
        }
        if (response.code() >= 500) {
            if (circuit.recordFailure("HTTP " + response.code() + " from the proxy") && canResend(request)) {
                response.close();
                return sendToFailover(chain, request, suffix);
            }
            return response;
        }
        circuit.recordSuccess();
        return response;
    }

    private Response sendToFailover(Chain chain, Request request, String suffix) throws IOException {
        if (chain.call().isCanceled()) {
            throw new IOException("Canceled");
        }
        return failoverHttp.newCall(toFailover(request, suffix)).execute();
    }

    /** The path after the proxy's base path, or null when the request is not for the proxy's base URL. */
    private String suffix(HttpUrl url) {
        if (!url.scheme().equals(proxyBase.scheme()) || !url.host().equals(proxyBase.host())
                || url.port() != proxyBase.port()) {
            return null;
        }
        String path = url.encodedPath();
        if (proxyPath.isEmpty()) {
            return path;
        }
        if (path.equals(proxyPath) || path.startsWith(proxyPath + "/")) {
            return path.substring(proxyPath.length());
        }
        return null;
    }

    private Request toFailover(Request request, String suffix) throws IOException {
        String path = failoverPath + suffix;
        HttpUrl url = failoverBase.newBuilder()
                .encodedPath(path.isEmpty() ? "/" : path)
                .encodedQuery(request.url().encodedQuery())
                .build();
        Request.Builder builder = request.newBuilder().url(url);
        for (String name : request.headers().names()) {
            if (isProxyHeader(name)) {
                builder.removeHeader(name);
            }
        }
        builder.header("Authorization", "Bearer " + failoverKey.reveal());
        RequestBody body = request.body();
        if (body != null && !body.isOneShot() && JsonMediaType.isJson(body.contentType())) {
            Buffer buffer = new Buffer();
            body.writeTo(buffer);
            byte[] original = buffer.readByteArray();
            byte[] mapped = FailoverModelNames.mapBody(original);
            if (mapped != original) {
                builder.method(request.method(), RequestBody.create(mapped, body.contentType()));
            }
        }
        return builder.build();
    }

    private boolean isProxyHeader(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (CREDENTIAL_HEADERS.contains(lower) || routeHeaders.contains(name)) {
            return true;
        }
        for (String prefix : GATEWAY_PREFIXES) {
            if (lower.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static boolean canResend(Request request) {
        return request.body() == null || !request.body().isOneShot();
    }


    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
    }

    private static String withoutTrailingSlash(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
