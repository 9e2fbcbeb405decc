package dev.gatewaykit.spring.test;

import java.security.SecureRandom;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.GatewayKind;
import dev.gatewaykit.sdk.PortkeyProduct;
import dev.gatewaykit.spring.autoconfigure.OpenAIGatewayConnectionDetails;

/**
 * Connection details pointing every role at one gateway stub, each role with its own obviously fake key
 * ({@code sk-stub-<role>-<random>}), so a journal entry's key tells which role sent the request. The stub is also
 * the common base URL, so the gateway's own settings ({@code PORTKEY_*}, {@code OPENAI_LITELLM_*}) reach it; a
 * Portkey stub gets a fake {@code PORTKEY_API_KEY} in place of a configured one.
 */
public final class GatewayStubConnectionDetails implements OpenAIGatewayConnectionDetails {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String baseUrl;

    private final GatewayKind gateway;

    private final PortkeyProduct portkeyProduct;

    private final Map<Role, String> keys = new EnumMap<>(Role.class);

    private final String portkeyApiKey;

    /**
     * Creates details for a stub.
     * @param baseUrl the stub's base URL
     * @param gateway the gateway the stub impersonates
     */
    public GatewayStubConnectionDetails(String baseUrl, GatewayKind gateway) {
        this(baseUrl, gateway, null);
    }

    /**
     * Creates details for a stub impersonating one of Portkey's products.
     * @param baseUrl the stub's base URL
     * @param gateway the gateway the stub impersonates
     * @param portkeyProduct the Portkey product it impersonates, {@code null} when it is not Portkey
     */
    public GatewayStubConnectionDetails(String baseUrl, GatewayKind gateway, PortkeyProduct portkeyProduct) {
        this.baseUrl = baseUrl;
        this.gateway = gateway;
        this.portkeyProduct = portkeyProduct;
        for (Role role : Role.values()) {
            this.keys.put(role, fakeKey(role.propertyName()));
        }
        this.portkeyApiKey = gateway == GatewayKind.PORTKEY ? fakeKey("portkey") : null;
    }

    private static String fakeKey(String name) {
        byte[] random = new byte[8];
        RANDOM.nextBytes(random);
        return "sk-stub-" + name + "-" + HexFormat.of().formatHex(random);
    }

    @Override
    public Optional<String> baseUrl() {
        return Optional.of(this.baseUrl);
    }

    @Override
    public Optional<String> portkeyApiKey() {
        return Optional.ofNullable(this.portkeyApiKey);
    }

    @Override
    public Optional<String> baseUrl(Role role) {
        return Optional.of(this.baseUrl);
    }

    @Override
    public Optional<String> apiKey(Role role) {
        return Optional.of(this.keys.get(role));
    }

    @Override
    public Optional<GatewayKind> gateway() {
        return Optional.of(this.gateway);
    }

    @Override
    public Optional<PortkeyProduct> portkeyProduct() {
        return Optional.ofNullable(this.portkeyProduct);
    }

    @Override
    public String layerName() {
        return "@AutoConfigureGatewayStub";
    }

    @Override
    public String toString() {
        return "GatewayStubConnectionDetails[" + this.baseUrl + ", " + this.gateway.id() + "]";
    }

}
