package dev.gatewaykit.sample.e2e;

import java.util.Map;

import dev.gatewaykit.sample.e2e.AppHttp.Reply;
import dev.gatewaykit.stub.keys.KeyMask;
import dev.gatewaykit.stub.GatewayStub;
import dev.gatewaykit.stub.journal.JournalEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Portkey, keyless: {@code PORTKEY_API_KEY} authenticates the app to the gateway and no {@code Authorization}
 * header is sent; models name their provider as {@code @slug/model}. Embeddings follow {@code OPENAI_BASE_URL}
 * because no internal URL is set.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
class PortkeyModeE2ETest extends RunningAppTest {

    static final String PORTKEY_KEY = TestKeys.create("portkey");

    static final GatewayStub PORTKEY = E2EStubs.portkey(PORTKEY_KEY);

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        GatewayProperties.portkey(registry, PORTKEY, PORTKEY_KEY);
        registry.add("openai.embeddings.model", () -> "@openai-test/text-embedding-3-small");
        registry.add("openai.llm.model", () -> "@openai-test/gpt-4o-mini");
        registry.add("openai.codex.model", () -> "@openai-test/gpt-4.1-mini");
    }

    @AfterAll
    static void stopStub() {
        PORTKEY.close();
    }

    @BeforeEach
    void resetStub() {
        PORTKEY.reset();
    }

    @Test
    void everyEndpointWorksKeylessThroughPortkey() {
        Reply search = this.http.postJson("/api/search", Map.of("query", "portkey"));
        Reply ask = this.http.postJson("/api/ask", Map.of("question", "Which header carries the Portkey key?"));
        Reply stream = this.http.stream("Is the route keyless?");
        Reply code = this.http.postJson("/api/code", Map.of("task", "Print hello."));

        assertThat(search.status()).as(search.toString()).isEqualTo(200);
        assertThat(ask.status()).as(ask.toString()).isEqualTo(200);
        assertThat(ask.json().path("answer").asText()).isEqualTo("Echo: Which header carries the Portkey key?");
        assertThat(ask.json().path("model").asText()).isEqualTo("@openai-test/gpt-4o-mini");
        assertThat(stream.status()).as(stream.toString()).isEqualTo(200);
        assertThat(stream.events()).extracting(AppHttp.Event::name).contains("delta").endsWith("done");
        assertThat(code.status()).as(code.toString()).isEqualTo(200);
        assertThat(code.json().path("code").asText()).isEqualTo("Echo: Print hello.");
    }

    @Test
    void portkeyKeyIsSentAsItsOwnHeaderAndNoAuthorizationHeaderIsSent() {
        this.http.postJson("/api/ask", Map.of("question", "keyless?"));

        assertThat(PORTKEY.journal()).extracting(JournalEntry::path)
            .contains("/v1/embeddings", "/v1/chat/completions");
        assertThat(PORTKEY.journal()).allSatisfy((entry) -> {
            assertThat(entry.status()).isEqualTo(200);
            assertThat(entry.headers()).doesNotContainKey("authorization")
                .containsEntry("x-portkey-api-key", KeyMask.mask(PORTKEY_KEY));
            assertThat(entry.model()).startsWith("@openai-test/");
        });
    }

}
