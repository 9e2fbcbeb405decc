package dev.gatewaykit.spring.test;

import com.openai.client.OpenAIClient;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.gatewaykit.sdk.GatewayKind;
import dev.gatewaykit.sdk.PortkeyProduct;
import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.settings.GatewaySettings;
import dev.gatewaykit.stub.GatewayStub;
import dev.gatewaykit.stub.StubMode;
import dev.gatewaykit.stub.journal.JournalEntry;
import dev.gatewaykit.stub.keys.KeyMask;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The self-hosted Portkey mode: the routes are self-hosted Portkey routes at the stub, the configured provider
 * reaches it as {@code x-portkey-provider}, and a configured Portkey key does not.
 */
@SpringBootTest(classes = StubTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = { "openai.dotenv.enabled=false", "openai.portkey.provider=openai",
                "openai.portkey.api-key=" + GatewayStubSelfHostedPortkeyTests.CONFIGURED_PORTKEY_KEY })
@AutoConfigureGatewayStub(mode = StubMode.PORTKEY_OSS)
class GatewayStubSelfHostedPortkeyTests {

    static final String CONFIGURED_PORTKEY_KEY = "pk-test-configured-0123456789abcdef";

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
    void everyRouteIsASelfHostedPortkeyRouteAtTheStub() {
        assertThat(this.stub.mode()).isEqualTo(StubMode.PORTKEY_OSS);
        for (Role role : Role.values()) {
            assertThat(this.settings.route(role).gateway()).isEqualTo(GatewayKind.PORTKEY);
            assertThat(this.settings.route(role).portkey().product()).isEqualTo(PortkeyProduct.SELF_HOSTED);
            assertThat(this.settings.route(role).baseUrl()).isEqualTo(this.stub.baseUrl());
        }
    }

    @Test
    void aChatCallCarriesTheConfiguredProviderAndNotTheConfiguredPortkeyKey() {
        this.llm.chat()
            .completions()
            .create(ChatCompletionCreateParams.builder().model("gpt-4o-mini").addUserMessage("self-hosted").build());

        assertThat(this.stub.journal()).hasSize(1);
        JournalEntry call = this.stub.journal().get(0);
        assertThat(call.status()).as("%s", call).isEqualTo(200);
        assertThat(call.headers()).containsEntry("x-portkey-provider", "openai");
        assertThat(call.key()).isEqualTo(KeyMask.mask(this.settings.route(Role.LLM).apiKey().orElseThrow().reveal()));
        String fakePortkeyKey = this.settings.route(Role.LLM).portkey().apiKey().orElseThrow().reveal();
        assertThat(fakePortkeyKey).startsWith("sk-stub-portkey-");
        assertThat(call.headers()).containsEntry("x-portkey-api-key", KeyMask.mask(fakePortkeyKey));
    }

}
