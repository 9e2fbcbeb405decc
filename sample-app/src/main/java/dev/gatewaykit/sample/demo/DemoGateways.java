package dev.gatewaykit.sample.demo;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.GatewayKind;
import dev.gatewaykit.sdk.settings.Secrets;
import dev.gatewaykit.spring.autoconfigure.OpenAIGatewayConnectionDetails;
import dev.gatewaykit.stub.GatewayStub;
import dev.gatewaykit.stub.StubMode;
import dev.gatewaykit.stub.keys.VirtualKey;

/**
 * The two proxies of the demo, as in-process LiteLLM stubs: an internal one for EMBEDDINGS and a public one for
 * LLM and CODEX, each with its own virtual key that allows only that route's models, as a real deployment would.
 */
public final class DemoGateways implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Proxy internal;

    private final Proxy external;

    private DemoGateways(Proxy internal, Proxy external) {
        this.internal = internal;
        this.external = external;
    }

    /**
     * Starts both proxies on free loopback ports.
     * @param embeddingsModel the model the internal key allows
     * @param llmModel the chat model the public key allows
     * @param codexModel the code model the public key allows
     * @return the running proxies
     */
    public static DemoGateways start(String embeddingsModel, String llmModel, String codexModel) {
        Proxy internal = Proxy.start("internal", List.of(embeddingsModel));
        try {
            return new DemoGateways(internal, Proxy.start("public", List.of(llmModel, codexModel)));
        }
        catch (RuntimeException ex) {
            internal.close();
            throw ex;
        }
    }

    /** The internal proxy (EMBEDDINGS). */
    public Proxy internal() {
        return this.internal;
    }

    /** The public proxy (LLM, CODEX). */
    public Proxy external() {
        return this.external;
    }

    /** The proxy a role is routed to. */
    public Proxy proxy(Role role) {
        return (role == Role.EMBEDDINGS) ? this.internal : this.external;
    }

    /** Where each role connects: the settings layer that points the app at the stubs. */
    public OpenAIGatewayConnectionDetails connectionDetails() {
        return new OpenAIGatewayConnectionDetails() {

            @Override
            public Optional<String> baseUrl(Role role) {
                return Optional.of(proxy(role).stub().baseUrl());
            }

            @Override
            public Optional<String> apiKey(Role role) {
                return Optional.of(proxy(role).key());
            }

            @Override
            public String layerName() {
                return "demo stubs";
            }

            @Override
            public Optional<GatewayKind> gateway() {
                return Optional.of(GatewayKind.LITELLM);
            }

        };
    }

    @Override
    public void close() {
        try {
            this.external.close();
        }
        finally {
            this.internal.close();
        }
    }

    /**
     * One stub with its virtual key.
     * @param name "internal" or "public"
     * @param stub the running stub
     * @param key its only virtual key
     * @param models the models the key allows
     */
    public record Proxy(String name, GatewayStub stub, String key, List<String> models) implements AutoCloseable {

        static Proxy start(String name, List<String> models) {
            // Generated per run and obviously fake: nothing to leak, nothing to mistake for a real key.
            byte[] random = new byte[8];
            RANDOM.nextBytes(random);
            String key = "sk-demo-" + name + "-" + HexFormat.of().formatHex(random);
            GatewayStub stub = GatewayStub.builder()
                .mode(StubMode.LITELLM)
                .port(0)
                .virtualKey(VirtualKey.builder(key).alias("demo-" + name).models(models).build())
                .start();
            return new Proxy(name, stub, key, List.copyOf(models));
        }

        /** The key as it may be shown: {@code sk-...abcd}. */
        public String maskedKey() {
            return Secrets.mask(this.key);
        }

        @Override
        public void close() {
            this.stub.close();
        }

        @Override
        public String toString() {
            return "Proxy[" + this.name + " " + this.stub.baseUrl() + " key " + maskedKey() + " models " + this.models
                    + "]";
        }

    }

}
