package dev.gatewaykit.sdk.client;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.settings.GatewaySettings;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.gatewaykit.sdk.testing.Fixtures.chat;
import static dev.gatewaykit.sdk.testing.Fixtures.codex;
import static dev.gatewaykit.sdk.testing.Fixtures.embed;
import static dev.gatewaykit.sdk.testing.Fixtures.openAiEndpoints;
import static dev.gatewaykit.sdk.testing.Fixtures.settings;
import static dev.gatewaykit.sdk.testing.TestLayers.fakeKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The three clients share one connection pool and dispatcher, and are closed once. */
class SharedPoolTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private GatewaySettings testSettings() {
        return settings(Map.of("OPENAI_BASE_URL", server.baseUrl(), "OPENAI_API_KEY", fakeKey(),
                "OPENAI_EMBEDDINGS_API_KEY", fakeKey()));
    }

    @Test
    void threeClientsShareOnePoolAndDispatcher() {
        for (var mapping : openAiEndpoints()) {
            server.stubFor(mapping);
        }
        try (GatewayClients clients = GatewayClients.create(testSettings())) {
            OkHttpClient shared = clients.http().okHttpClient();
            for (Role role : Role.values()) {
                assertThat(clients.okHttpClient(role)).isNotSameAs(shared);
                assertThat(clients.okHttpClient(role).connectionPool()).isSameAs(shared.connectionPool());
                assertThat(clients.okHttpClient(role).dispatcher()).isSameAs(shared.dispatcher());
            }

            embed(clients.embeddings());
            chat(clients.llm());
            codex(clients.codex());

            // Three roles, one origin, sequential calls: one pooled connection serves them all.
            assertThat(shared.connectionPool().connectionCount()).isEqualTo(1);
        }
    }

    @Test
    void closeReleasesTheOwnedPoolOnce() {
        GatewayClients clients = GatewayClients.create(testSettings());
        OkHttpClient shared = clients.http().okHttpClient();

        clients.close();
        clients.close();

        assertThat(clients.http().isClosed()).isTrue();
        assertThat(shared.dispatcher().executorService().isShutdown()).isTrue();
        assertThatThrownBy(clients::llm).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void clientsOnABorrowedPoolLeaveItOpen() {
        GatewaySettings settings = testSettings();
        try (SharedHttpClient http = SharedHttpClient.create(settings)) {
            GatewayClients first = GatewayClients.create(settings, http);
            GatewayClients second = GatewayClients.create(settings, http);
            first.close();

            assertThat(http.isClosed()).isFalse();
            assertThat(second.okHttpClient(Role.LLM).connectionPool()).isSameAs(http.okHttpClient().connectionPool());
            second.close();
        }
    }
}
