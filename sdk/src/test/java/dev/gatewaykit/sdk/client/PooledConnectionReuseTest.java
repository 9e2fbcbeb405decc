package dev.gatewaykit.sdk.client;

import dev.gatewaykit.sdk.settings.GatewaySettings;
import dev.gatewaykit.sdk.testing.IdleClosingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import static dev.gatewaykit.sdk.testing.Fixtures.CHAT_JSON;
import static dev.gatewaykit.sdk.testing.Fixtures.chat;
import static dev.gatewaykit.sdk.testing.Fixtures.settings;
import static dev.gatewaykit.sdk.testing.TestLayers.fakeKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Gateways close idle connections after a few seconds (Node and uvicorn: 5 s); a pooled connection they closed must
 * neither fail the next call nor spend one of its retries. Here the server closes idle connections after 1 s.
 */
class PooledConnectionReuseTest {

    private static final Duration SERVER_IDLE_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration WAIT = Duration.ofSeconds(10);

    private IdleClosingServer server;

    @BeforeEach
    void start() throws IOException {
        server = IdleClosingServer.start(SERVER_IDLE_TIMEOUT, CHAT_JSON);
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    private GatewaySettings noRetries(String keepAlive) {
        return settings(Map.of("OPENAI_BASE_URL", server.baseUrl() + "/v1", "OPENAI_API_KEY", fakeKey(),
                "OPENAI_MAX_RETRIES", "0", "OPENAI_POOL_KEEP_ALIVE", keepAlive));
    }

    @Test
    void callOnAConnectionTheGatewayClosedWhileIdleSucceedsWithoutRetries() throws InterruptedException {
        // A pool keep-alive longer than the server's idle timeout: the pooled connection is dead when reused.
        try (GatewayClients clients = GatewayClients.create(noRetries("1m"))) {
            chat(clients.llm());
            assertThat(server.awaitIdleClose(WAIT)).as("server closed the idle connection").isTrue();

            assertThat(chat(clients.llm()).id()).isEqualTo("chatcmpl-test");
        }
        assertThat(server.connections()).isEqualTo(2);
        assertThat(server.requests()).isEqualTo(2);
    }

    @Test
    void idleConnectionsLeaveThePoolBeforeTheGatewayClosesThem() throws InterruptedException {
        try (IdleClosingServer patient = IdleClosingServer.start(Duration.ofMinutes(1), CHAT_JSON);
             GatewayClients clients = GatewayClients.create(settings(Map.of(
                     "OPENAI_BASE_URL", patient.baseUrl() + "/v1", "OPENAI_API_KEY", fakeKey(),
                     "OPENAI_POOL_KEEP_ALIVE", "200ms")))) {
            chat(clients.llm());

            assertThat(patient.awaitClientClose(WAIT)).as("the client closed its idle connection").isTrue();
            assertThat(awaitTrue(() -> clients.http().okHttpClient().connectionPool().connectionCount() == 0))
                    .isTrue();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void failureOnAFreshConnectionIsNotRetried() {
        server.dropFirstRequestOfEachConnection();
        try (GatewayClients clients = GatewayClients.create(noRetries("1m"))) {
            assertThat(catchThrowable(() -> chat(clients.llm()))).isNotNull();
        }
        assertThat(server.requests()).isEqualTo(1);
    }

    /** Polls {@code condition} until it holds or {@link #WAIT} passes. */
    private static boolean awaitTrue(BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        return true;
    }
}
