package dev.gatewaykit.sdk.client;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.errors.GatewayError;
import dev.gatewaykit.sdk.errors.GatewayErrorTranslator;
import dev.gatewaykit.sdk.gateway.Gateway;
import dev.gatewaykit.sdk.settings.GatewaySettings;
import dev.gatewaykit.sdk.settings.RouteSettings;
import okhttp3.OkHttpClient;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One openai-java {@link OpenAIClient} per role, each with its own base URL, key and headers, all on one shared
 * connection pool and dispatcher. Created once, closed once.
 */
public final class GatewayClients implements AutoCloseable {

    private final GatewaySettings settings;
    private final SharedHttpClient http;
    private final boolean ownsHttp;
    private final Map<Role, OkHttpClient> routeHttp = new EnumMap<>(Role.class);
    private final Map<Role, OpenAIClient> clients = new EnumMap<>(Role.class);
    private final GatewayRequestContext defaults;
    private final AtomicBoolean closed = new AtomicBoolean();

    private GatewayClients(GatewaySettings settings, SharedHttpClient http, boolean ownsHttp) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.http = Objects.requireNonNull(http, "http");
        this.ownsHttp = ownsHttp;
        this.defaults = GatewayRequestContext.defaults(settings);
        for (RouteSettings route : settings.routes().values()) {
            OkHttpClient okHttp = RouteHttpClients.forRoute(http.okHttpClient(), settings, route);
            routeHttp.put(route.role(), okHttp);
            clients.put(route.role(), build(route, okHttp));
        }
    }

    /** Clients on a new shared pool, which {@link #close()} releases. */
    public static GatewayClients create(GatewaySettings settings) {
        return new GatewayClients(settings, SharedHttpClient.create(settings), true);
    }

    /** Clients on an existing shared pool, which {@link #close()} leaves open (its owner closes it). */
    public static GatewayClients create(GatewaySettings settings, SharedHttpClient http) {
        return new GatewayClients(settings, http, false);
    }

    private OpenAIClient build(RouteSettings route, OkHttpClient okHttp) {
        OpenAIOkHttpClient.Builder builder = OpenAIOkHttpClient.builder()
                .okHttpClient(okHttp)
                .baseUrl(route.baseUrl())
                // openai-java requires a credential; keyless routes get a placeholder that
                // KeylessAuthorizationInterceptor strips before anything is sent.
                .apiKey(route.apiKey().map(k -> k.reveal()).orElse(KeylessAuthorizationInterceptor.PLACEHOLDER_KEY))
                .maxRetries(settings.maxRetries());
        settings.organization().ifPresent(builder::organization);
        settings.project().ifPresent(builder::project);
        return builder.build();
    }

    /** The EMBEDDINGS client (internal route; float encoding unless the caller chooses). */
    public OpenAIClient embeddings() {
        return client(Role.EMBEDDINGS);
    }

    /** The LLM client (public route, Chat Completions). */
    public OpenAIClient llm() {
        return client(Role.LLM);
    }

    /** The CODEX client (public route, Responses API). */
    public OpenAIClient codex() {
        return client(Role.CODEX);
    }

    /** The client of a role. */
    public OpenAIClient client(Role role) {
        if (closed.get()) {
            throw new IllegalStateException("GatewayClients is closed");
        }
        return clients.get(role);
    }

    /**
     * A view of a role's client whose calls carry {@code context} merged over the configured defaults (global &lt;
     * role &lt; request): e.g. {@code x-litellm-end-user-id} / {@code x-litellm-tags} on LiteLLM,
     * {@code x-portkey-metadata} / {@code x-portkey-trace-id} on Portkey. Cheap to create per request. Do not
     * close the view: openai-java's derived clients share, and on close would shut, the role's client.
     */
    public OpenAIClient client(Role role, GatewayRequestContext context) {
        OpenAIClient base = client(role);
        if (context.isEmpty()) {
            return base;
        }
        Map<String, String> headers = new LinkedHashMap<>(
                Gateway.of(settings.route(role).gateway()).attributionHeaders(defaults.overriddenBy(context)));
        headers.putAll(context.headers());
        return base.withOptions(options -> headers.forEach(options::replaceHeaders));
    }

    /** The OkHttp client of a role: derived from the shared one, so its pool and dispatcher are the shared ones. */
    public OkHttpClient okHttpClient(Role role) {
        return routeHttp.get(role);
    }

    /** Explains a failure of a call made with the client of {@code role}. */
    public GatewayError explain(Role role, Throwable failure) {
        return GatewayErrorTranslator.translate(failure, settings.route(role), settings);
    }

    /** The settings the clients were built from. */
    public GatewaySettings settings() {
        return settings;
    }

    /** The shared HTTP client. */
    public SharedHttpClient http() {
        return http;
    }

    /** The clients, by role. */
    public Map<Role, OpenAIClient> clients() {
        return Collections.unmodifiableMap(clients);
    }

    /** Closes the role clients and, if owned, the shared pool; later calls do nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        // Borrowed transports: closing an openai-java client here only marks it closed; the pool is released below.
        clients.values().forEach(OpenAIClient::close);
        if (ownsHttp) {
            http.close();
        }
    }
}
