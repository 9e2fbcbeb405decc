package dev.gatewaykit.sdk.credentials;

import com.openai.client.OpenAIClient;
import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.client.GatewayClients;
import dev.gatewaykit.sdk.client.RouteInterceptors;
import dev.gatewaykit.sdk.client.SharedHttpClient;
import dev.gatewaykit.sdk.settings.GatewaySettings;
import dev.gatewaykit.sdk.settings.GatewaySettingsException;
import dev.gatewaykit.sdk.settings.SettingsProblem;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Clients per (credential, role) on the one shared pool: each {@link Credential} gets its own three
 * {@link OpenAIClient}s, built once and cached, carrying only that credential's key to that credential's URL.
 * Closing releases the credential clients but never the shared pool (its owner closes it). Thread-safe.
 *
 * <pre>{@code
 * CredentialClients credentials = CredentialClients.create(gatewayClients, List.of(
 *         Credential.of("team-a", "http://litellm-a:4000/v1", teamAKey)));
 * OpenAIClient llm = credentials.client("team-a", Role.LLM);
 * }</pre>
 */
public final class CredentialClients implements AutoCloseable {

    private final GatewaySettings global;
    private final SharedHttpClient http;
    private final List<RouteInterceptors> interceptors;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    /** A credential's resolved settings and, once asked for, its clients. */
    private static final class Entry {
        final Credential credential;
        final GatewaySettings settings;
        GatewayClients clients;

        Entry(Credential credential, GatewaySettings settings) {
            this.credential = credential;
            this.settings = settings;
        }
    }

    private CredentialClients(Builder b) {
        this.global = b.global;
        this.http = b.http;
        this.interceptors = List.copyOf(b.interceptors);
        List<SettingsProblem> problems = new ArrayList<>();
        for (Credential credential : b.credentials.values()) {
            CredentialSettings.Resolution resolution = CredentialSettings.resolve(credential, global);
            problems.addAll(resolution.problems());
            if (resolution.problems().isEmpty()) {
                entries.put(credential.name(), new Entry(credential, resolution.settings()));
            }
        }
        if (!problems.isEmpty()) {
            throw new GatewaySettingsException(problems);
        }
    }

    /**
     * Credential clients beside {@code global}: on its shared pool, with its transport settings (timeouts, retries,
     * organization/project). Throws {@link GatewaySettingsException} listing every problem of every credential.
     */
    public static CredentialClients create(GatewayClients global, Collection<Credential> credentials) {
        return builder(global.settings(), global.http()).credentials(credentials).build();
    }

    /** A builder for credential clients inheriting {@code global}'s transport settings, on {@code http}. */
    public static Builder builder(GatewaySettings global, SharedHttpClient http) {
        return new Builder(global, http);
    }

    /** The client of one role of a credential; the same instance on every call. */
    public OpenAIClient client(String credential, Role role) {
        return clients(credential).client(role);
    }

    /** All role clients of a credential (do not close them yourself: {@link #close()} does). */
    public GatewayClients clients(String credential) {
        synchronized (entries) {
            checkOpen();
            Entry entry = entries.get(credential);
            if (entry == null) {
                throw new IllegalArgumentException("no credential named '" + credential + "'; known: "
                        + entries.keySet());
            }
            if (entry.clients == null) {
                GatewayClients.Builder builder = GatewayClients.builder(entry.settings).http(http);
                for (RouteInterceptors routeInterceptors : interceptors) {
                    builder.addRouteInterceptors(routeInterceptors);
                }
                entry.clients = builder.build();
            }
            return entry.clients;
        }
    }

    /**
     * Adds {@code credential} (validated like the others) and returns its clients; asking again with an equal
     * credential returns the same clients. A different credential under a known name is refused: {@link #remove}
     * the old one first, so no call is silently re-keyed.
     */
    public GatewayClients forCredential(Credential credential) {
        Objects.requireNonNull(credential, "credential");
        synchronized (entries) {
            checkOpen();
            Entry existing = entries.get(credential.name());
            if (existing != null) {
                if (!existing.credential.equals(credential)) {
                    throw new IllegalStateException("credential '" + credential.name()
                            + "' is already registered with other values (" + existing.credential
                            + "); remove it first");
                }
                return clients(credential.name());
            }
            CredentialSettings.Resolution resolution = CredentialSettings.resolve(credential, global);
            if (!resolution.problems().isEmpty()) {
                throw new GatewaySettingsException(resolution.problems());
            }
            entries.put(credential.name(), new Entry(credential, resolution.settings()));
            return clients(credential.name());
        }
    }

    /** Removes a credential and closes its clients; the shared pool stays open. Returns whether it was known. */
    public boolean remove(String credential) {
        Entry entry;
        synchronized (entries) {
            entry = entries.remove(credential);
        }
        if (entry != null && entry.clients != null) {
            entry.clients.close();
        }
        return entry != null;
    }

    /** The credentials, by name, in the order given. */
    public Map<String, Credential> credentials() {
        synchronized (entries) {
            Map<String, Credential> view = new LinkedHashMap<>();
            for (Map.Entry<String, Entry> entry : entries.entrySet()) {
                view.put(entry.getKey(), entry.getValue().credential);
            }
            return Collections.unmodifiableMap(view);
        }
    }

    /** The resolved settings of a credential (its routing table, sources, warnings). */
    public Optional<GatewaySettings> settings(String credential) {
        synchronized (entries) {
            Entry entry = entries.get(credential);
            return entry == null ? Optional.empty() : Optional.of(entry.settings);
        }
    }

    /** The names of the credentials. */
    public Set<String> names() {
        return credentials().keySet();
    }

    /** Closes every credential's clients; the shared pool stays open. Later calls do nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        List<GatewayClients> open = new ArrayList<>();
        synchronized (entries) {
            for (Entry entry : entries.values()) {
                if (entry.clients != null) {
                    open.add(entry.clients);
                }
            }
        }
        for (GatewayClients clients : open) {
            clients.close();
        }
    }

    private void checkOpen() {
        if (closed.get()) {
            throw new IllegalStateException("CredentialClients is closed");
        }
    }

    /** Builds {@link CredentialClients}. */
    public static final class Builder {
        private final GatewaySettings global;
        private final SharedHttpClient http;
        private final Map<String, Credential> credentials = new LinkedHashMap<>();
        private final List<RouteInterceptors> interceptors = new ArrayList<>();

        private Builder(GatewaySettings global, SharedHttpClient http) {
            this.global = Objects.requireNonNull(global, "global");
            this.http = Objects.requireNonNull(http, "http");
        }

        /** Adds a credential; a later one with the same name replaces an earlier one. */
        public Builder credential(Credential credential) {
            credentials.put(credential.name(), credential);
            return this;
        }

        /** Adds credentials. */
        public Builder credentials(Collection<Credential> credentials) {
            for (Credential credential : credentials) {
                credential(credential);
            }
            return this;
        }

        /**
         * Adds credentials keyed by name, as bound from {@code openai.credentials.<name>.*}; the map key wins over
         * the credential's own name.
         */
        public Builder credentials(Map<String, Credential> credentials) {
            for (Map.Entry<String, Credential> entry : credentials.entrySet()) {
                String name = entry.getKey();
                Credential credential = entry.getValue();
                credential(credential.name().equals(name) ? credential : credential.toBuilder().name(name).build());
            }
            return this;
        }

        /** Adds interceptors to every credential route (e.g. metrics), as {@link GatewayClients.Builder} does. */
        public Builder addRouteInterceptors(RouteInterceptors routeInterceptors) {
            interceptors.add(Objects.requireNonNull(routeInterceptors, "routeInterceptors"));
            return this;
        }

        /** Validates every credential and builds; throws {@link GatewaySettingsException} listing all problems. */
        public CredentialClients build() {
            return new CredentialClients(this);
        }
    }
}
