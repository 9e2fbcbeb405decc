package dev.gatewaykit.hardening.sdk;

import dev.gatewaykit.hardening.support.PlantedKey;
import dev.gatewaykit.hardening.support.TestSettings;
import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.client.GatewayClients;
import dev.gatewaykit.sdk.errors.GatewayError;
import dev.gatewaykit.sdk.errors.GatewayErrorKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.openai.models.chat.completions.ChatCompletionCreateParams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A Portkey route whose gateway redirects to another origin (another port): that origin receives nothing, so none
 * of the route's keys (Authorization, x-portkey-api-key, x-litellm-api-key, api-key, a token in OPENAI_HEADERS)
 * reaches it, for every redirect status OkHttp would follow. Two real servers; the other one records all it gets.
 */
class CrossOriginRedirectKeyIsolationTest {

    private final PlantedKey providerKey = PlantedKey.openAiStyle("provider");
    private final PlantedKey portkeyKey = PlantedKey.generate("portkey", "pk-planted-");
    private final PlantedKey litellmKey = PlantedKey.openAiStyle("litellm-header");
    private final PlantedKey teamToken = PlantedKey.generate("team-token", "team-");

    private RecordingServer gateway;
    private RecordingServer elsewhere;

    @BeforeEach
    void start() throws IOException {
        gateway = new RecordingServer();
        elsewhere = new RecordingServer();
        elsewhere.answer(new RecordingServer.Reply(200, Map.of("Content-Type", "application/json"), "{}"));
    }

    @AfterEach
    void stop() {
        gateway.close();
        elsewhere.close();
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {300, 301, 302, 303, 307, 308})
    void otherOriginReceivesNothingAndNoKeyAppearsInTheFailure(int status) {
        gateway.answer(new RecordingServer.Reply(status, Map.of("Location",
                elsewhere.baseUrl() + "/v1/chat/completions"), ""));
        List<PlantedKey> keys = List.of(providerKey, portkeyKey, litellmKey, teamToken);

        try (GatewayClients clients = GatewayClients.create(TestSettings.variables()
                .set("OPENAI_BASE_URL", gateway.baseUrl() + "/v1").set("OPENAI_GATEWAY", "portkey")
                .set("PORTKEY_PRODUCT", "cloud")
                .set("OPENAI_API_KEY", providerKey.value()).set("PORTKEY_API_KEY", portkeyKey.value())
                .set("OPENAI_HEADERS", "x-litellm-api-key=" + litellmKey.value() + ",api-key="
                        + providerKey.value() + ",x-team-token=" + teamToken.value())
                .set("OPENAI_MAX_RETRIES", "2").resolve())) {
            Throwable failure = catchThrowable(() -> clients.llm().chat().completions().create(
                    ChatCompletionCreateParams.builder().model("@openai/gpt-4o-mini").addUserMessage("hi").build()));
            GatewayError error = clients.explain(Role.LLM, failure);

            assertThat(elsewhere.received()).as("requests at the other origin").isEmpty();
            assertThat(gateway.received()).as("refused, not retried").hasSize(1);
            assertThat(error.kind()).isEqualTo(GatewayErrorKind.REDIRECT_REFUSED);
            List<String> leaks = new ArrayList<>();
            for (Throwable t = failure; t != null; t = t.getCause()) {
                leaks.addAll(PlantedKey.leaks(keys, "exception", t.toString()));
            }
            leaks.addAll(PlantedKey.leaks(keys, "explanation", error.describe()));
            assertThat(leaks).isEmpty();
        }
    }
}
