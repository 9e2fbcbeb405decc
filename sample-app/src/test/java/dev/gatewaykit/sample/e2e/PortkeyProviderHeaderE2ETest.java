package dev.gatewaykit.sample.e2e;

import java.util.Map;

import dev.gatewaykit.sample.e2e.AppHttp.Reply;
import dev.gatewaykit.stub.GatewayStub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Portkey with plain model names: {@code PORTKEY_PROVIDER} tells the gateway which provider to call, through the
 * {@code x-portkey-provider} header on every request.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
class PortkeyProviderHeaderE2ETest extends RunningAppTest {

    static final String PORTKEY_KEY = TestKeys.create("portkey");

    static final GatewayStub PORTKEY = E2EStubs.portkey(PORTKEY_KEY);

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        GatewayProperties.portkey(registry, PORTKEY, PORTKEY_KEY);
        registry.add("openai.portkey.provider", () -> "openai");
    }

    @AfterAll
    static void stopStub() {
        PORTKEY.close();
    }

    @Test
    void plainModelNamesWorkWithTheProviderHeader() {
        PORTKEY.reset();

        Reply ask = this.http.postJson("/api/ask", Map.of("question", "Which provider?"));
        Reply code = this.http.postJson("/api/code", Map.of("task", "Sum a list."));

        assertThat(ask.status()).as(ask.toString()).isEqualTo(200);
        assertThat(ask.json().path("model").asText()).isEqualTo("gpt-4o-mini");
        assertThat(code.status()).as(code.toString()).isEqualTo(200);
        // Portkey refuses a plain model name without a provider (400), so status 200 shows the header did its job;
        // the journal masks the header's value, so only its presence is checked there.
        assertThat(PORTKEY.journal()).hasSizeGreaterThanOrEqualTo(3).allSatisfy((entry) -> {
            assertThat(entry.status()).isEqualTo(200);
            assertThat(entry.model()).doesNotStartWith("@");
            assertThat(entry.headers()).containsKey("x-portkey-provider").doesNotContainKey("authorization");
        });
    }

}
