package dev.gatewaykit.sdk.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.client.GatewayClients;
import dev.gatewaykit.sdk.errors.GatewayError;
import dev.gatewaykit.sdk.errors.GatewayErrorKind;
import dev.gatewaykit.stub.GatewayStub;
import dev.gatewaykit.stub.StubMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static dev.gatewaykit.sdk.testing.Fixtures.chat;
import static dev.gatewaykit.sdk.testing.Fixtures.settings;
import static dev.gatewaykit.sdk.testing.TestLayers.fakeKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The LiteLLM call a hint names really fixes the failure: against the stub's LiteLLM, a blocked key's hint names
 * {@code /key/unblock} and calling it with the master key makes the next call work; a reached tpm limit's hint
 * names {@code tpm_limit} and {@code /key/update}, and raising it makes the next call work.
 */
class LiteLlmHintedFixesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final String master = fakeKey();
    private final HttpClient admin = HttpClient.newHttpClient();
    private GatewayStub stub;

    @BeforeEach
    void startProxy() {
        stub = GatewayStub.builder().mode(StubMode.LITELLM).port(0).masterKey(master).start();
    }

    @AfterEach
    void stopProxy() {
        stub.close();
    }

    /** POSTs {@code body} to a key-admin route with the master key; the call must succeed. */
    private void adminCall(String path, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(stub.origin() + path))
                .header("Authorization", "Bearer " + master).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = admin.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    }

    private String newKey(String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(stub.origin() + "/key/generate"))
                .header("Authorization", "Bearer " + master).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = admin.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("key").asText();
    }

    private GatewayClients clients(String key) {
        return GatewayClients.create(settings(Map.of("OPENAI_BASE_URL", stub.baseUrl(), "OPENAI_API_KEY", key,
                "OPENAI_GATEWAY", "litellm", "OPENAI_MAX_RETRIES", "0")));
    }

    private static GatewayError failure(GatewayClients clients) {
        Throwable failure = catchThrowable(() -> chat(clients.llm()));
        assertThat(failure).as("the call must fail").isNotNull();
        return clients.explain(Role.LLM, failure);
    }

    @Test
    void aBlockedKeysHintNamesKeyUnblockAndCallingItMakesTheNextCallWork() throws Exception {
        String key = newKey("{}");
        adminCall("/key/block", "{\"key\":\"" + key + "\"}");

        try (GatewayClients clients = clients(key)) {
            GatewayError blocked = failure(clients);

            assertThat(blocked.kind()).isEqualTo(GatewayErrorKind.AUTHENTICATION);
            assertThat(blocked.hint()).contains("POST /key/unblock").doesNotContain(key);

            adminCall("/key/unblock", "{\"key\":\"" + key + "\"}");

            assertThat(chat(clients.llm()).choices()).isNotEmpty();
        }
    }

    @Test
    void aReachedTpmLimitsHintNamesTpmLimitAndRaisingItMakesTheNextCallWork() throws Exception {
        String key = newKey("{\"tpm_limit\":5}");

        try (GatewayClients clients = clients(key)) {
            assertThat(chat(clients.llm()).choices()).isNotEmpty();
            GatewayError limited = failure(clients);

            assertThat(limited.kind()).isEqualTo(GatewayErrorKind.RATE_LIMITED);
            assertThat(limited.hint()).contains("tokens-per-minute", "tpm_limit", "/key/update");

            adminCall("/key/update", "{\"key\":\"" + key + "\",\"tpm_limit\":100000}");

            assertThat(chat(clients.llm()).choices()).isNotEmpty();
        }
    }
}
