package dev.gatewaykit.spring.test;

import com.openai.client.OpenAIClient;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.stub.keys.KeyMask;
import dev.gatewaykit.sdk.GatewayKind;
import dev.gatewaykit.sdk.PortkeyProduct;
import dev.gatewaykit.sdk.settings.GatewaySettings;
import dev.gatewaykit.stub.GatewayStub;
import dev.gatewaykit.stub.StubMode;
import dev.gatewaykit.stub.journal.JournalEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The annotation's mode picks the gateway the stub impersonates, and the routes follow it. */
@SpringBootTest(classes = StubTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = { "openai.dotenv.enabled=false", "openai.portkey.config={\"provider\":\"openai\"}",
                "openai.portkey.api-key=" + GatewayStubModeTests.CONFIGURED_PORTKEY_KEY })
@AutoConfigureGatewayStub(mode = StubMode.PORTKEY)
class GatewayStubModeTests {

    static final String CONFIGURED_PORTKEY_KEY = "pk-test-configured-fedcba9876543210";

    @Autowired
    GatewayStub stub;

    @Autowired
    GatewaySettings settings;

    @Autowired
    OpenAIClient llm;

    @BeforeEach
    void reset() {
        this.stub.reset();
    }

    @Test
    void portkeyModeStubAndPortkeyRoutes() {
        assertThat(this.stub.mode()).isEqualTo(StubMode.PORTKEY);
        for (Role role : Role.values()) {
            assertThat(this.settings.route(role).gateway()).isEqualTo(GatewayKind.PORTKEY);
            assertThat(this.settings.route(role).portkey().product()).isEqualTo(PortkeyProduct.CLOUD);
            assertThat(this.settings.route(role).baseUrl()).isEqualTo(this.stub.baseUrl());
        }
        this.llm.chat()
            .completions()
            .create(ChatCompletionCreateParams.builder()
                .model("@openai-test/gpt-4o-mini")
                .addUserMessage("through portkey")
                .build());
        assertThat(this.stub.journal()).extracting(JournalEntry::path).containsExactly("/v1/chat/completions");
        assertThat(this.stub.journal().get(0).key()).isEqualTo(KeyMask.mask(this.settings.route(Role.LLM).apiKey()
            .orElseThrow()
            .reveal()));
    }

    @Test
    void thePortkeySettingsReachTheStubWithAFakePortkeyKey() {
        this.llm.chat()
            .completions()
            .create(ChatCompletionCreateParams.builder().model("gpt-4o-mini").addUserMessage("by config").build());

        JournalEntry call = this.stub.journal().get(0);
        assertThat(call.status()).as("%s", call).isEqualTo(200);
        assertThat(call.headers()).containsEntry("x-portkey-config", "{\"provider\":\"openai\"}");
        String fakePortkeyKey = this.settings.route(Role.LLM).portkey().apiKey().orElseThrow().reveal();
        assertThat(fakePortkeyKey).startsWith("sk-stub-portkey-");
        assertThat(call.headers()).containsEntry("x-portkey-api-key", KeyMask.mask(fakePortkeyKey));
    }

}
