package dev.gatewaykit.sdk.client;

import dev.gatewaykit.sdk.gateway.GatewayRequestContext;
import com.openai.client.OpenAIClient;
import com.openai.client.OpenAIClientAsync;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.DefaultSleeper;
import com.openai.core.Sleeper;
import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.errors.GatewayError;
import dev.gatewaykit.sdk.errors.GatewayErrorTranslator;
import dev.gatewaykit.sdk.failover.FailoverCircuit;
import dev.gatewaykit.sdk.failover.FailoverInterceptor;
import dev.gatewaykit.sdk.failover.FailoverStatus;
import dev.gatewaykit.sdk.gateway.Gateway;
import dev.gatewaykit.sdk.settings.GatewaySettings;
import dev.gatewaykit.sdk.settings.RouteSettings;
import dev.gatewaykit.sdk.settings.Setting;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * One openai-java {@link OpenAIClient} per role, each with its own base URL, key and headers, all on one shared
 * connection pool and dispatcher. Created once, closed once; each role's openai-java client is built on the first
 * call for that role.
 */
public final class GatewayClients implements AutoCloseable {

    private final GatewaySettings settings;
    private final SharedHttpClient http;
    private final boolean ownsHttp;
    private final Map<Role, OkHttpClient> routeHttp = new EnumMap<>(Role.class);
    // Built on first use of each role: an openai-java client is cheap, but building the first one loads its
    // JSON mapping and service classes, a cost an application using one role should pay once, not three times.
    private final Map<Role, OpenAIClient> clients = new EnumMap<>(Role.class);
    private final Map<Role, FailoverCircuit> failover = new EnumMap<>(Role.class);
    private final AtomicBoolean closed = new AtomicBoolean();

    private final Supplier<Sleeper> sleepers;

    private GatewayClients(GatewaySettings settings, SharedHttpClient http, boolean ownsHttp,
            List<RouteInterceptors> extraInterceptors, Clock failoverClock, Supplier<Sleeper> sleepers) {
        this.sleepers = sleepers;
        this.settings = Objects.requireNonNull(settings, "settings");
        this.http = Objects.requireNonNull(http, "http");
        this.ownsHttp = ownsHttp;
        for (RouteSettings route : settings.routes().values()) {
            Optional<Interceptor> failoverInterceptor = Optional.empty();
            if (route.failover().isPresent()) {
                FailoverCircuit circuit = FailoverCircuit.create(route, http.okHttpClient(), failoverClock);
                failover.put(route.role(), circuit);
                failoverInterceptor = Optional.of(new FailoverInterceptor(route, circuit, http.okHttpClient()));
            }
            OkHttpClient okHttp = RouteHttpClients.forRoute(http.okHttpClient(), settings, route, extraInterceptors,
                    failoverInterceptor);
            routeHttp.put(route.role(), okHttp);
        }
    }

    /** Clients on a new shared pool, which {@link #close()} releases. */
    public static GatewayClients create(GatewaySettings settings) {
        return builder(settings).build();
    }

    /** Clients on an existing shared pool, which {@link #close()} leaves open (its owner closes it). */
    public static GatewayClients create(GatewaySettings settings, SharedHttpClient http) {
        return builder(settings).http(http).build();
    }

    /** A builder for clients with optional extras (an existing shared pool, added route interceptors). */
    public static Builder builder(GatewaySettings settings) {
        return new Builder(settings);
    }

    /** Builds {@link GatewayClients}; without {@link #http(SharedHttpClient)} the clients own a new shared pool. */
    public static final class Builder {

        private final GatewaySettings settings;
        private SharedHttpClient http;
        private final List<RouteInterceptors> interceptors = new ArrayList<>();
        private Clock failoverClock = Clock.systemUTC();
        private Supplier<Sleeper> sleepers = new DefaultSleepers();

        private Builder(GatewaySettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
        }

        /** Use an existing shared pool, which the built clients do not close (its owner does). */
        public Builder http(SharedHttpClient http) {
            this.http = Objects.requireNonNull(http, "http");
            return this;
        }

        /** Adds interceptors to every route's HTTP client, after the gateway's own (e.g. metrics). */
        public Builder addRouteInterceptors(RouteInterceptors routeInterceptors) {
            interceptors.add(Objects.requireNonNull(routeInterceptors, "routeInterceptors"));
            return this;
        }

        /** The clock failover circuits read for their cool-downs (default: the system clock). */
        public Builder failoverClock(Clock clock) {
            this.failoverClock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** What waits between retries, one per role client (tests record the waits instead of sleeping). */
        Builder sleeper(Supplier<Sleeper> sleepers) {
            this.sleepers = Objects.requireNonNull(sleepers, "sleepers");
            return this;
        }

        /** The clients. */
        public GatewayClients build() {
            boolean owns = http == null;
            return new GatewayClients(settings, owns ? SharedHttpClient.create(settings) : http, owns,
                    List.copyOf(interceptors), failoverClock, sleepers);
        }
    }

    /** openai-java's own sleeper, a new one per role client. */
    private static final class DefaultSleepers implements Supplier<Sleeper> {
        @Override
        public Sleeper get() {
            return new DefaultSleeper();
        }
    }

    private OpenAIClient build(RouteSettings route, OkHttpClient okHttp) {
        OpenAIOkHttpClient.Builder builder = OpenAIOkHttpClient.builder()
                .okHttpClient(okHttp)
                .baseUrl(route.baseUrl())
                // openai-java requires a credential; keyless routes get a placeholder that
                // KeylessAuthorizationInterceptor strips before anything is sent.
                .apiKey(route.apiKey().isPresent() ? route.apiKey().get().reveal()
                        : KeylessAuthorizationInterceptor.PLACEHOLDER_KEY)
                .maxRetries(settings.maxRetries())
                .sleeper(new ServerDelaySleeper(sleepers.get()));
        if (settings.organization().isPresent()) {
            builder.organization(settings.organization().get());
        }
        if (settings.project().isPresent()) {
            builder.project(settings.project().get());
        }
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

    /**
     * The model configured for a role ({@code OPENAI_<ROLE>_MODEL} / {@code openai.<role>.model}), to pass to
     * {@code .model(...)} so the configured name reaches the wire.
     *
     * @throws IllegalStateException naming the variable when no model is configured for the role
     */
    public String model(Role role) {
        return settings.route(role).model().orElseThrow(() -> new IllegalStateException("no model configured for "
                + role + ": set " + Setting.roleModel(role).variable() + " (" + Setting.roleModel(role).property()
                + "), or use model(" + role + ", \"<default model>\")."));
    }

    /** The model configured for a role, or {@code fallback} when none is configured. */
    public String model(Role role, String fallback) {
        return settings.route(role).model().orElse(fallback);
    }

    /** The client of a role, built on the first call for that role. */
    public OpenAIClient client(Role role) {
        synchronized (clients) {
            if (closed.get()) {
                throw new IllegalStateException("GatewayClients is closed");
            }
            OpenAIClient client = clients.get(role);
            OkHttpClient okHttp = routeHttp.get(role);
            if (client == null && okHttp != null) {
                client = build(settings.route(role), okHttp);
                clients.put(role, client);
            }
            return client;
        }
    }

    /** The asynchronous EMBEDDINGS client: same route, pool, interceptors and failover as {@link #embeddings()}. */
    public OpenAIClientAsync embeddingsAsync() {
        return async(Role.EMBEDDINGS);
    }

    /** The asynchronous LLM client: same route, pool, interceptors and failover as {@link #llm()}. */
    public OpenAIClientAsync llmAsync() {
        return async(Role.LLM);
    }

    /** The asynchronous CODEX client: same route, pool, interceptors and failover as {@link #codex()}. */
    public OpenAIClientAsync codexAsync() {
        return async(Role.CODEX);
    }

    /**
     * The asynchronous client of a role. It is openai-java's {@code async()} view of the role's client: the same
     * client options, so the same route OkHttp client (shared pool and dispatcher, gateway interceptors, metrics,
     * failover) and the same key; its futures complete on the shared dispatcher's threads. Closed with the role's
     * client by {@link #close()}: do not close it yourself.
     */
    public OpenAIClientAsync async(Role role) {
        return client(role).async();
    }

    /** The asynchronous clients, by role. */
    public Map<Role, OpenAIClientAsync> asyncClients() {
        Map<Role, OpenAIClientAsync> async = new EnumMap<>(Role.class);
        for (Map.Entry<Role, OpenAIClient> client : clients().entrySet()) {
            async.put(client.getKey(), client.getValue().async());
        }
        return Collections.unmodifiableMap(async);
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
        RouteSettings route = settings.route(role);
        Map<String, String> headers = new LinkedHashMap<>(Gateway.of(route.gateway())
                .attributionHeaders(GatewayRequestContext.defaults(settings, route).overriddenBy(context)));
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

    /**
     * The failover circuit state of a role: empty when failover is off for it. For health details: state, since
     * when, consecutive proxy failures and the origin calls go to now.
     */
    public Optional<FailoverStatus> failoverStatus(Role role) {
        return Optional.ofNullable(failover.get(role)).map(FailoverCircuit::status);
    }

    /** The failover state of every role that has failover on. */
    public Map<Role, FailoverStatus> failoverStatuses() {
        Map<Role, FailoverStatus> statuses = new EnumMap<>(Role.class);
        for (Map.Entry<Role, FailoverCircuit> circuit : failover.entrySet()) {
            statuses.put(circuit.getKey(), circuit.getValue().status());
        }
        return Collections.unmodifiableMap(statuses);
    }

    /** The settings the clients were built from. */
    public GatewaySettings settings() {
        return settings;
    }

    /** The shared HTTP client. */
    public SharedHttpClient http() {
        return http;
    }

    /** The clients, by role (builds those not built yet). */
    public Map<Role, OpenAIClient> clients() {
        synchronized (clients) {
            if (!closed.get()) {
                for (Role role : routeHttp.keySet()) {
                    client(role);
                }
            }
            return Collections.unmodifiableMap(new EnumMap<>(clients));
        }
    }

    /** Closes the role clients and, if owned, the shared pool; later calls do nothing. */
    @Override
    public void close() {
        synchronized (clients) {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
            // Borrowed transports: closing an openai-java client here only marks it closed; the pool is released
            // below. Roles never used have no client to close.
            for (OpenAIClient client : clients.values()) {
                client.close();
            }
        }
        if (ownsHttp) {
            http.close();
        }
    }
}
