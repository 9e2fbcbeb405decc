package dev.gatewaykit.hardening.sdk;

import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.gatewaykit.hardening.support.PlantedKey;
import dev.gatewaykit.hardening.support.TestSettings;
import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.client.GatewayClients;
import dev.gatewaykit.sdk.errors.GatewayError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A hostile gateway answers 200 and then an event-stream error that echoes every key of the route, in the shapes
 * gateways use (a {@code data:} line with {@code "error"}, an {@code event: error} block, a line that is not JSON):
 * neither the exception the caller gets, nor its causes, nor the explanation hold any part of a key.
 */
class StreamErrorEchoTest {

    private final PlantedKey routeKey = PlantedKey.openAiStyle("route");
    private final PlantedKey virtualKey = PlantedKey.generate("virtual", "team-virtual-");
    private final PlantedKey portkeyKey = PlantedKey.generate("portkey", "pk-planted-");
    private final PlantedKey unknownKey = PlantedKey.openAiStyle("unknown");

    private RecordingServer gateway;

    @BeforeEach
    void start() throws IOException {
        gateway = new RecordingServer();
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    private String echo() {
        return routeKey.value() + " " + virtualKey.value() + " " + portkeyKey.value() + " " + unknownKey.value();
    }

    private String stream(String shape) {
        String chunk = "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,"
                + "\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hel\"},"
                + "\"finish_reason\":null}]}\n\n";
        return chunk + switch (shape) {
            case "data-error" -> "data: {\"error\":{\"message\":\"bad key " + echo() + "\",\"type\":\"auth_error\"}}\n\n";
            case "event-error" -> "event: error\ndata: {\"error\":{\"message\":\"bad key " + echo() + "\"}}\n\n";
            default -> "data: bad key " + echo() + "\n\n";
        };
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"data-error", "event-error", "not-json"})
    void noKeyReachesTheThrownStreamError(String shape) {
        gateway.answer(new RecordingServer.Reply(200, Map.of("Content-Type", "text/event-stream"), stream(shape)));
        List<PlantedKey> keys = List.of(routeKey, virtualKey, portkeyKey, unknownKey);

        for (PlantedKey key : List.of(routeKey, virtualKey)) {
            try (GatewayClients clients = GatewayClients.create(TestSettings.variables()
                    .set("OPENAI_BASE_URL", gateway.baseUrl() + "/v1").set("OPENAI_GATEWAY", "portkey")
                    .set("PORTKEY_PRODUCT", "cloud")
                    .set("OPENAI_API_KEY", key.value()).set("PORTKEY_API_KEY", portkeyKey.value())
                    .set("OPENAI_MAX_RETRIES", "0").resolve());
                 StreamResponse<ChatCompletionChunk> stream = clients.llm().chat().completions().createStreaming(
                         ChatCompletionCreateParams.builder().model("@openai/gpt-4o-mini").addUserMessage("hi")
                                 .build())) {
                Throwable failure = catchThrowable(() -> stream.stream().forEach(chunk -> { }));
                assertThat(failure).as("the stream must fail").isNotNull();
                GatewayError error = clients.explain(Role.LLM, failure);

                // A key of another shape that this route was not given cannot be recognised; every other can.
                List<PlantedKey> maskable = keys.stream().filter(k -> k != virtualKey || key == virtualKey).toList();
                List<String> leaks = new ArrayList<>();
                for (Throwable t = failure; t != null; t = t.getCause()) {
                    leaks.addAll(PlantedKey.leaks(maskable, "exception", t.toString()));
                }
                leaks.addAll(PlantedKey.leaks(maskable, "explanation", error.describe()));
                assertThat(leaks).isEmpty();
            }
        }
    }
}
