package dev.gatewaykit.stub.gateway;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The copy of {@code VALID_PROVIDERS} (Portkey-AI/gateway 1.15.2 src/globals.ts): 74 names, exact matches only. */
class PortkeyProvidersTest {

    @Test
    void theListHasEveryNameOnceAndMatchesExactly() {
        assertThat(PortkeyProviders.VALID).hasSize(74).doesNotHaveDuplicates();
        assertThat(PortkeyProviders.valid("openai")).isTrue();
        assertThat(PortkeyProviders.valid("OpenAI")).isFalse();
        assertThat(PortkeyProviders.valid(" openai")).isFalse();
        assertThat(PortkeyProviders.valid("@openai-prod")).isFalse();
        assertThat(PortkeyProviders.valid(null)).isFalse();
    }
}
