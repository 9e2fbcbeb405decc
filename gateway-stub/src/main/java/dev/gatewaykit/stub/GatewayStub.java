package dev.gatewaykit.stub;

import com.sun.net.httpserver.HttpServer;
import dev.gatewaykit.stub.admin.AdminEndpoints;
import dev.gatewaykit.stub.admin.FaultCheck;
import dev.gatewaykit.stub.agent.AgentLimits;
import dev.gatewaykit.stub.agent.AgentState;
import dev.gatewaykit.stub.record.Passthrough;
import dev.gatewaykit.stub.record.Recorder;
import dev.gatewaykit.stub.record.Redactor;
import dev.gatewaykit.stub.record.ReplayMatcher;
import dev.gatewaykit.stub.record.Replayer;
import dev.gatewaykit.stub.endpoints.ModelCatalog;
import dev.gatewaykit.stub.gateway.GatewayBehaviour;
import dev.gatewaykit.stub.gateway.LiteLlmBehaviour;
import dev.gatewaykit.stub.gateway.OpenAiBehaviour;
import dev.gatewaykit.stub.gateway.PortkeyBehaviour;
import dev.gatewaykit.stub.gateway.PortkeyOssBehaviour;
import dev.gatewaykit.stub.http.BodyBudget;
import dev.gatewaykit.stub.journal.Journal;
import dev.gatewaykit.stub.journal.JournalEntry;
import dev.gatewaykit.stub.journal.StubStats;
import dev.gatewaykit.stub.keys.KeyMask;
import dev.gatewaykit.stub.keys.KeyRegistry;
import dev.gatewaykit.stub.keys.PriceList;
import dev.gatewaykit.stub.keys.VirtualKey;
import dev.gatewaykit.stub.scripting.Fault;
import dev.gatewaykit.stub.scripting.RuleBook;
import dev.gatewaykit.stub.scripting.Script;
import dev.gatewaykit.stub.server.ExchangeExecutor;
import dev.gatewaykit.stub.server.GatewayHandler;
import dev.gatewaykit.stub.server.StubContext;
import dev.gatewaykit.stub.verify.RecordedCall;
import dev.gatewaykit.stub.verify.SchemaReport;
import dev.gatewaykit.stub.verify.Verification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A running fake of LiteLLM, Portkey or the OpenAI API on a local port, for end-to-end tests. Thread-safe.
 *
 * <pre>{@code
 * try (GatewayStub stub = GatewayStub.builder().mode(StubMode.LITELLM).port(0).start()) {
 *     OpenAIClient client = OpenAIOkHttpClient.builder().baseUrl(stub.baseUrl()).apiKey("sk-test").build();
 * }
 * }</pre>
 */
public final class GatewayStub implements AutoCloseable {

    static {
        // The JDK server reads these once, when its ServerConfig class loads: they only apply when no HttpServer
        // ran in this JVM before, and a value the user set wins. Deadlines and the connection cap are enforced by
        // ExchangeExecutor regardless; these are the JDK's own backstops.
        jdkDefault("sun.net.httpserver.nodelay", "true"); // else every response stalls ~40 ms (Nagle)
        jdkDefault("sun.net.httpserver.maxReqTime", "60"); // seconds for head + body, then the JDK closes
        jdkDefault("sun.net.httpserver.maxReqHeaderSize", "65536"); // bytes of headers (JDK default 380 KiB)
        jdkDefault("jdk.httpserver.maxConnections", "1024"); // open sockets, idle ones included
    }

    private static void jdkDefault(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }

    private final HttpServer server;
    private final ExchangeExecutor workers;
    private final StubContext ctx;
    private final String origin;
    private final String host;
    private final int port;

    private GatewayStub(Builder b) {
        KeyRegistry keys = new KeyRegistry(b.virtualKeys, b.limits.maxKeys());
        PriceList prices = new PriceList(b.prices);
        GatewayBehaviour behaviour = switch (b.mode) {
            case OPENAI -> new OpenAiBehaviour(b.masterKey, keys, prices);
            case LITELLM -> new LiteLlmBehaviour(b.masterKey, keys, prices, b.liteLlmVersion);
            case PORTKEY -> new PortkeyBehaviour(b.masterKey);
            case PORTKEY_OSS -> new PortkeyOssBehaviour();
        };
        String masterKey = b.masterKey;
        Journal journal = new Journal(b.limits.journalCapacity(), b.limits.journalBytes(), b.limits.journalBodyChars(),
                secret -> secret.equals(masterKey) || keys.find(secret).isPresent());
        this.ctx = new StubContext(behaviour, new ModelCatalog(b.models), keys,
                new RuleBook<>("scripts", b.limits.maxScripts(), b.scripts, Script::times),
                new RuleBook<>("faults", b.limits.maxFaults(), b.faults, Fault::times),
                journal, new StubStats(), b.limits,
                new BodyBudget(b.limits.inFlightBodyBytes(), b.limits.bodyTimeoutMillis() / 2),
                new AgentState(b.agentLimits, () -> secrets(keys, masterKey), passthrough(b, keys)));
        this.workers = new ExchangeExecutor(b.limits);
        try {
            this.server = HttpServer.create(new InetSocketAddress(b.host, b.port), 1024);
        } catch (BindException e) {
            workers.close();
            throw new UncheckedIOException("cannot listen on " + b.host + ":" + b.port + ": "
                    + (b.port == 0 ? e.getMessage() : "address already in use or not available"), e);
        } catch (IOException e) {
            workers.close();
            throw new UncheckedIOException("cannot listen on " + b.host + ":" + b.port + ": " + e.getMessage(), e);
        }
        this.host = b.host;
        this.port = server.getAddress().getPort();
        String hostInUrl = b.host.contains(":") ? "[" + b.host + "]" : b.host;
        this.origin = "http://" + hostInUrl + ":" + port;
        server.setExecutor(workers);
        server.createContext("/", new GatewayHandler(ctx, new AdminEndpoints(ctx, this::baseUrl)));
        server.start();
    }

    private static Passthrough passthrough(Builder b, KeyRegistry keys) {
        Redactor redactor = new Redactor(secrets(keys, b.masterKey));
        if (b.recordDir != null) {
            return new Recorder(b.recordDir, b.upstream, redactor);
        }
        return b.replayDir == null ? null : new Replayer(b.replayDir, b.replayMatcher, redactor);
    }

    private static Collection<String> secrets(KeyRegistry keys, String masterKey) {
        List<String> all = keys.secrets();
        if (masterKey != null) {
            all.add(masterKey);
        }
        return all;
    }

    /** A builder with defaults: LiteLLM mode, 127.0.0.1, a free port, open mode (no keys), default models. */
    public static Builder builder() {
        return new Builder();
    }

    /** The OpenAI base URL, {@code http://host:port/v1}. */
    public String baseUrl() {
        return origin + "/v1";
    }

    /** Scheme, host and port, {@code http://host:port}. */
    public String origin() {
        return origin;
    }

    /** Bound host. */
    public String host() {
        return host;
    }

    /** Bound port (the chosen one when built with port 0). */
    public int port() {
        return port;
    }

    /** Impersonated gateway. */
    public StubMode mode() {
        return ctx.mode();
    }

    /** Back to the configured state: empties journal and counters, restores scripts, faults and keys (spend 0). */
    public void reset() {
        ctx.reset();
    }

    /** Journal entries still held, oldest first, secrets masked. */
    public List<JournalEntry> journal() {
        return ctx.journal().entries(-1);
    }

    /** Requests dropped from the journal ring. */
    public long journalDropped() {
        return ctx.journal().dropped();
    }

    /** Scripted replies that broke the schema their request asked for, oldest first (bounded). */
    public List<SchemaReport> schemaReports() {
        return ctx.agent().reports().all();
    }

    /** Model calls as tests verify them: conversations sent and replies given, oldest first (bounded, masked). */
    public List<RecordedCall> calls() {
        return ctx.agent().calls().calls();
    }

    /** Checks over the calls, tool calls, tool outputs and requests this stub saw (live: reads at check time). */
    public Verification verify() {
        return new Verification(this::calls, this::journal, this::schemaReports);
    }

    /** Request counters. */
    public StubStats.Snapshot stats() {
        return ctx.stats().snapshot();
    }

    /**
     * Adds a scripted reply.
     *
     * @throws IllegalStateException when the script limit is reached
     */
    public GatewayStub script(Script script) {
        ctx.scripts().add(script);
        return this;
    }

    /**
     * Adds a fault.
     *
     * @throws IllegalStateException when the fault limit is reached
     * @throws IllegalArgumentException when its status is not within 200..599 or a header is malformed or framing
     */
    public GatewayStub fault(Fault fault) {
        ctx.faults().add(FaultCheck.requireValid(fault));
        return this;
    }

    /** Removes all scripts (configured ones return on {@link #reset()}). */
    public void clearScripts() {
        ctx.scripts().clear();
    }

    /** Removes all faults (configured ones return on {@link #reset()}). */
    public void clearFaults() {
        ctx.faults().clear();
    }

    /**
     * Adds a virtual key at run time (gone after {@link #reset()}).
     *
     * @throws IllegalStateException when the key exists or the key limit is reached
     */
    public GatewayStub virtualKey(VirtualKey key) {
        ctx.keys().add(key);
        return this;
    }

    /** USD spent by a virtual key, if it exists. */
    public Optional<Double> spend(String key) {
        return ctx.keys().find(key).map(KeyRegistry.Entry::spend);
    }

    /** Stops listening and releases the threads; in-flight exchanges are cut. */
    @Override
    public void close() {
        server.stop(0);
        workers.close();
    }

    @Override
    public String toString() {
        return "GatewayStub[" + mode().id() + " at " + baseUrl() + "]";
    }

    /** Builder of {@link GatewayStub}; {@link #start()} binds and starts serving. */
    public static final class Builder {
        private StubMode mode = StubMode.LITELLM;
        private String host = "127.0.0.1";
        private int port = 0;
        private List<String> models = new ArrayList<>(ModelCatalog.DEFAULT_MODELS);
        private final List<VirtualKey> virtualKeys = new ArrayList<>();
        private String masterKey;
        private final Map<String, ModelPrice> prices = new LinkedHashMap<>();
        private StubLimits limits = StubLimits.DEFAULTS;
        private AgentLimits agentLimits = AgentLimits.DEFAULTS;
        private Path recordDir;
        private String upstream;
        private Path replayDir;
        private ReplayMatcher replayMatcher = ReplayMatcher.DEFAULT;
        private LiteLlmVersion liteLlmVersion = LiteLlmVersion.V1_75;
        private final List<Script> scripts = new ArrayList<>();
        private final List<Fault> faults = new ArrayList<>();

        private Builder() {
        }

        /** Gateway to impersonate (default LiteLLM). */
        public Builder mode(StubMode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /** Interface to bind (default 127.0.0.1). */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** Port to bind; 0 (default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be within 0..65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /** Replaces the served models (ids, or LiteLLM wildcard routes such as {@code openai/*}). */
        public Builder models(List<String> models) {
            if (models.isEmpty()) {
                throw new IllegalArgumentException("models must not be empty");
            }
            this.models = new ArrayList<>(models);
            return this;
        }

        /** Replaces the served models. */
        public Builder models(String... models) {
            return models(List.of(models));
        }

        /** Adds served models to the current list. */
        public Builder addModels(String... models) {
            this.models.addAll(List.of(models));
            return this;
        }

        /** Adds a virtual key; once any key or a master key exists, calls need a valid key. */
        public Builder virtualKey(VirtualKey key) {
            this.virtualKeys.add(Objects.requireNonNull(key, "key"));
            return this;
        }

        /** Adds virtual keys. */
        public Builder virtualKeys(List<VirtualKey> keys) {
            keys.forEach(this::virtualKey);
            return this;
        }

        /**
         * LiteLLM master key (all models, key administration); in OpenAI mode an accepted key; in Portkey mode
         * the expected {@code x-portkey-api-key}. {@code null} = none.
         */
        public Builder masterKey(String masterKey) {
            this.masterKey = masterKey == null || masterKey.isBlank() ? null : masterKey;
            return this;
        }

        /** Price of a model in USD per million prompt and completion tokens. */
        public Builder price(String model, double inputPerMillion, double outputPerMillion) {
            this.prices.put(Objects.requireNonNull(model, "model"), new ModelPrice(inputPerMillion, outputPerMillion));
            return this;
        }

        /** Bounds on memory and threads. */
        public Builder limits(StubLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * Record mode: model calls are forwarded to {@code upstreamBaseUrl} (a real LiteLLM, Portkey or OpenAI base
         * URL) and each exchange is written to {@code dir} as a fixture, keys redacted.
         */
        public Builder record(Path dir, String upstreamBaseUrl) {
            this.recordDir = Objects.requireNonNull(dir, "dir");
            this.upstream = Objects.requireNonNull(upstreamBaseUrl, "upstreamBaseUrl");
            this.replayDir = null;
            return this;
        }

        /** Replay mode: model calls are answered from the fixtures in {@code dir} (loaded at start), never forwarded. */
        public Builder replay(Path dir) {
            this.replayDir = Objects.requireNonNull(dir, "dir");
            this.recordDir = null;
            return this;
        }

        /** Which request parts replay compares (default: method, path, model and the whole body). */
        public Builder replayMatcher(ReplayMatcher matcher) {
            this.replayMatcher = Objects.requireNonNull(matcher, "matcher");
            return this;
        }

        /** Bounds on stored Responses, recorded calls and schema reports. */
        public Builder agentLimits(AgentLimits limits) {
            this.agentLimits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /** Largest request body in bytes (shortcut for {@link #limits}). */
        public Builder maxBodyBytes(int bytes) {
            this.limits = limits.withMaxBodyBytes(bytes);
            return this;
        }

        /** Journal ring size (shortcut for {@link #limits}). */
        public Builder journalCapacity(int capacity) {
            this.limits = limits.withJournalCapacity(capacity);
            return this;
        }

        /** The LiteLLM release line to answer as (statuses, wording, headers); default {@link LiteLlmVersion#V1_75}. */
        public Builder liteLlmVersion(LiteLlmVersion version) {
            this.liteLlmVersion = Objects.requireNonNull(version, "version");
            return this;
        }

        /** The release line by its older name: {@code OLD} = 1.60, {@code NEW} = 1.75. */
        public Builder liteLlmStatuses(LiteLlmStatuses statuses) {
            return liteLlmVersion(Objects.requireNonNull(statuses, "statuses").version());
        }

        /** A script present from start and after every reset. */
        public Builder script(Script script) {
            this.scripts.add(Objects.requireNonNull(script, "script"));
            return this;
        }

        /** A fault present from start and after every reset. */
        public Builder fault(Fault fault) {
            this.faults.add(FaultCheck.requireValid(Objects.requireNonNull(fault, "fault")));
            return this;
        }

        /** The current mode (for callers layering configuration). */
        public StubMode mode() {
            return mode;
        }

        /**
         * Binds and starts serving.
         *
         * @throws UncheckedIOException when the address cannot be bound (e.g. port in use)
         * @throws IllegalArgumentException when limits are exceeded by the configuration
         */
        public GatewayStub start() {
            return new GatewayStub(this);
        }

        @Override
        public String toString() {
            return "GatewayStub.Builder[mode=" + mode.id() + ", host=" + host + ", port=" + port + ", masterKey="
                    + KeyMask.mask(masterKey) + ", keys=" + virtualKeys.size() + "]";
        }
    }
}
