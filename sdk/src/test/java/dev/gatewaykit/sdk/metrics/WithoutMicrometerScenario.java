package dev.gatewaykit.sdk.metrics;

import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.gatewaykit.sdk.client.GatewayClients;
import dev.gatewaykit.sdk.settings.GatewaySettings;
import dev.gatewaykit.sdk.settings.MapSource;
import dev.gatewaykit.sdk.settings.SettingsSources;

import java.util.Map;
import java.util.function.Function;

/**
 * An application that never asks for metrics: builds the clients and makes one chat call. Run by
 * {@link MicrometerIsOptionalTest} in a class loader that has no Micrometer.
 */
public final class WithoutMicrometerScenario implements Function<String, String> {

    @Override
    public String apply(String baseUrl) {
        GatewaySettings settings = GatewaySettings.resolve(SettingsSources.of(new MapSource("env", Map.of(
                "OPENAI_BASE_URL", baseUrl, "OPENAI_API_KEY", "sk-test-no-micrometer", "OPENAI_GATEWAY", "litellm"))));
        try (GatewayClients clients = GatewayClients.builder(settings).build()) {
            return clients.llm().chat().completions().create(ChatCompletionCreateParams.builder()
                    .model("openai/gpt-4o-mini").addUserMessage("no metrics here").build())
                    .choices().get(0).message().content().orElse("");
        }
    }
}
