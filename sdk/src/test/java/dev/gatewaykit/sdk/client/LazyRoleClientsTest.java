package dev.gatewaykit.sdk.client;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.openai.client.OpenAIClient;
import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.settings.GatewaySettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.gatewaykit.sdk.testing.Fixtures.chat;
import static dev.gatewaykit.sdk.testing.Fixtures.openAiEndpoints;
import static dev.gatewaykit.sdk.testing.Fixtures.settings;
import static dev.gatewaykit.sdk.testing.TestLayers.fakeKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each role's client is built on first use, once, whichever thread asks first; close closes what was built. */
class LazyRoleClientsTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private GatewaySettings testSettings() {
        return settings(Map.of("OPENAI_BASE_URL", server.baseUrl(), "OPENAI_API_KEY", fakeKey()));
    }

    @Test
    void concurrentFirstCallsOfARoleGetTheSameClient() throws Exception {
        try (GatewayClients clients = GatewayClients.create(testSettings())) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                CountDownLatch go = new CountDownLatch(1);
                Callable<OpenAIClient> firstCall = () -> {
                    go.await();
                    return clients.client(Role.CODEX);
                };
                List<Future<OpenAIClient>> calls = IntStream.range(0, 8).mapToObj((i) -> pool.submit(firstCall))
                    .toList();
                go.countDown();
                OpenAIClient first = calls.get(0).get();
                for (Future<OpenAIClient> call : calls) {
                    assertThat(call.get()).isSameAs(first);
                }
                assertThat(clients.codex()).isSameAs(first);
                assertThat(clients.clients()).containsEntry(Role.CODEX, first).containsOnlyKeys(Role.values());
            }
            finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void aClientFirstUsedAfterOthersCallsItsRoute() {
        for (var mapping : openAiEndpoints()) {
            server.stubFor(mapping);
        }
        try (GatewayClients clients = GatewayClients.create(testSettings())) {
            clients.embeddings();
            chat(clients.llm());
            assertThat(clients.okHttpClient(Role.LLM).connectionPool())
                .isSameAs(clients.http().okHttpClient().connectionPool());
        }
    }

    @Test
    void aRoleNeverUsedBeforeCloseIsNotBuiltAfterIt() {
        GatewayClients clients = GatewayClients.create(testSettings());
        clients.llm();

        clients.close();

        assertThatThrownBy(clients::embeddings).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("closed");
        assertThat(clients.clients()).containsOnlyKeys(Role.LLM);
    }

}
