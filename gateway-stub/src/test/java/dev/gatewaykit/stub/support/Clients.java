package dev.gatewaykit.stub.support;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import dev.gatewaykit.stub.GatewayStub;

import java.time.Duration;
import java.util.UUID;

/** Real openai-java clients pointed at a stub. */
public final class Clients {

    private Clients() {
    }

    /** An obviously fake key generated at run time. */
    public static String fakeKey() {
        return "sk-test-" + UUID.randomUUID().toString().replace("-", "");
    }

    public static OpenAIClient openAi(GatewayStub stub, String key) {
        return OpenAIOkHttpClient.builder()
                .baseUrl(stub.baseUrl())
                .apiKey(key)
                .maxRetries(0)
                .timeout(Duration.ofSeconds(20))
                .build();
    }
}
