package dev.gatewaykit.stub.journal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SecretMaskerTest {

    @ParameterizedTest(name = "{0} secret={1}")
    @CsvSource({
            "authorization, true",
            "x-litellm-api-key, true",
            "api-key, true",
            "x-api-key, true",
            "x-portkey-api-key, true",
            "x-portkey-virtual-key, true",
            "cookie, true",
            "x-session-token, true",
            "x-portkey-provider, false",
            "x-portkey-metadata, false",
            "x-portkey-trace-id, false",
            "x-portkey-config, false",
            "content-type, false",
            "x-litellm-tags, false"
    })
    void credentialHeadersAreMaskedAndPortkeyRoutingHeadersStayReadable(String header, boolean secret) {
        assertThat(SecretMasker.isSecretHeader(header)).isEqualTo(secret);
    }
}
