package dev.gatewaykit.sdk.credentials;

import com.openai.client.OpenAIClient;
import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.client.GatewayClients;
import dev.gatewaykit.sdk.GatewayKind;
import dev.gatewaykit.sdk.settings.GatewaySettings;
import dev.gatewaykit.sdk.settings.GatewaySettingsException;
import dev.gatewaykit.sdk.settings.Secrets;
import dev.gatewaykit.sdk.settings.Setting;
import dev.gatewaykit.stub.GatewayStub;
import dev.gatewaykit.stub.StubMode;
import dev.gatewaykit.stub.journal.JournalEntry;
import dev.gatewaykit.stub.keys.KeyMask;
import dev.gatewaykit.stub.keys.VirtualKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.gatewaykit.sdk.testing.Fixtures.chat;
import static dev.gatewaykit.sdk.testing.Fixtures.codex;
import static dev.gatewaykit.sdk.testing.Fixtures.embed;
import static dev.gatewaykit.sdk.testing.Fixtures.settings;
import static dev.gatewaykit.sdk.testing.TestLayers.fakeKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Named credentials over real HTTP: three LiteLLM-mode stubs (the global proxy and two per-credential proxies), each
 * accepting only its own key, so a key sent to the wrong origin would fail the call as well as show in a journal.
 */
class CredentialClientsTest {

    private static final String SECRET = fakeKey();

    private final String globalKey = fakeKey() + "glob";
    private final String teamAKey = fakeKey() + "tama";
    private final String teamBKey = fakeKey() + "tamb";

    private GatewayStub global;
    private GatewayStub teamA;
    private GatewayStub teamB;
    private GatewayClients globalClients;

    @BeforeEach
    void start() {
        global = litellm(globalKey);
        teamA = litellm(teamAKey);
        teamB = litellm(teamBKey);
        globalClients = GatewayClients.create(settings(Map.of("OPENAI_BASE_URL", global.baseUrl(),
                "OPENAI_API_KEY", globalKey, "OPENAI_HEADERS", "X-Global-Secret=" + SECRET,
                "OPENAI_ORG_ID", "org-test", "OPENAI_MAX_RETRIES", "0",
                "OPENAI_FAILOVER_ENABLED", "true", "OPENAI_FAILOVER_API_KEY", fakeKey())));
    }

    @AfterEach
    void stop() {
        globalClients.close();
        global.close();
        teamA.close();
        teamB.close();
    }

    private static GatewayStub litellm(String key) {
        return GatewayStub.builder().mode(StubMode.LITELLM).port(0).addModels("gpt-5-codex")
                .virtualKey(VirtualKey.builder(key).build())
                .start();
    }

    private CredentialClients twoTeams() {
        return CredentialClients.create(globalClients, List.of(
                Credential.of("team-a", teamA.baseUrl(), teamAKey),
                Credential.builder().name("team-b").baseUrl(teamB.origin()).apiKey(teamBKey)
                        .gateway(GatewayKind.LITELLM).putHeader("X-Team", "b").build()));
    }

    @Test
    void eachCredentialsCallsReachItsOwnUrlWithItsOwnKey() {
        try (CredentialClients credentials = twoTeams()) {
            embed(credentials.client("team-a", Role.EMBEDDINGS));
            chat(credentials.client("team-a", Role.LLM));
            codex(credentials.client("team-b", Role.CODEX));
            chat(credentials.client("team-b", Role.LLM));
            chat(globalClients.llm());
        }

        assertThat(teamA.journal()).extracting(JournalEntry::path)
                .containsExactly("/v1/embeddings", "/v1/chat/completions");
        assertThat(teamA.journal()).allSatisfy(e -> assertThat(e.key()).isEqualTo(KeyMask.mask(teamAKey)));
        assertThat(teamB.journal()).extracting(JournalEntry::path).containsExactly("/responses", "/chat/completions");
        assertThat(teamB.journal()).allSatisfy(e -> {
            assertThat(e.key()).isEqualTo(KeyMask.mask(teamBKey));
            assertThat(e.status()).isEqualTo(200);
            assertThat(e.headers()).containsEntry("x-team", "b");
        });
        assertThat(global.journal()).singleElement().satisfies(e -> assertThat(e.key())
                .isEqualTo(KeyMask.mask(globalKey)));
        // Global headers stay with the global origin; the organization (a client-wide setting) is inherited.
        assertThat(Stream.concat(teamA.journal().stream(), teamB.journal().stream()))
                .allSatisfy(e -> {
                    assertThat(e.headers()).doesNotContainKey("x-global-secret");
                    assertThat(e.headers()).containsEntry("openai-organization", "org-test");
                });
    }

    @Test
    void credentialsInheritTransportSettingsButNeverGlobalUrlsKeysOrFailover() {
        try (CredentialClients credentials = twoTeams()) {
            GatewaySettings teamASettings = credentials.settings("team-a").orElseThrow();
            assertThat(teamASettings.maxRetries()).isZero();
            assertThat(teamASettings.organization()).contains("org-test");
            assertThat(teamASettings.headers()).isEmpty();
            assertThat(teamASettings.routes().values()).allSatisfy(route -> {
                assertThat(route.baseUrl()).isEqualTo(teamA.baseUrl());
                assertThat(route.apiKey().orElseThrow().reveal()).isEqualTo(teamAKey);
                assertThat(route.failover()).isEmpty();
                assertThat(route.sources().get(Setting.RoleSetting.BASE_URL).layer()).isEqualTo("credential team-a");
            });
            assertThat(credentials.settings("team-b").orElseThrow().route(Role.LLM).gateway())
                    .isEqualTo(GatewayKind.LITELLM);
            assertThat(credentials.credentials().get("team-a").toString()).contains(Secrets.mask(teamAKey))
                    .doesNotContain(teamAKey);
        }
    }

    @Test
    void clientsAreCachedAndShareTheGlobalPool() {
        try (CredentialClients credentials = twoTeams()) {
            OpenAIClient first = credentials.client("team-a", Role.LLM);
            assertThat(credentials.client("team-a", Role.LLM)).isSameAs(first);
            assertThat(credentials.client("team-b", Role.LLM)).isNotSameAs(first);
            assertThat(credentials.forCredential(Credential.of("team-a", teamA.baseUrl(), teamAKey)))
                    .isSameAs(credentials.clients("team-a"));

            var shared = globalClients.http().okHttpClient();
            for (String name : List.of("team-a", "team-b")) {
                for (Role role : Role.values()) {
                    var okHttp = credentials.clients(name).okHttpClient(role);
                    assertThat(okHttp.connectionPool()).isSameAs(shared.connectionPool());
                    assertThat(okHttp.dispatcher()).isSameAs(shared.dispatcher());
                }
            }
        }
    }

    @Test
    void closingCredentialClientsLeavesTheSharedPoolAndGlobalClientsWorking() {
        CredentialClients credentials = twoTeams();
        chat(credentials.client("team-a", Role.LLM));
        credentials.close();

        assertThat(globalClients.http().isClosed()).isFalse();
        assertThat(chat(globalClients.llm()).choices()).hasSize(1);
        assertThatThrownBy(() -> credentials.client("team-a", Role.LLM)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void credentialsAddedLaterAreValidatedCachedAndRemovable() {
        try (CredentialClients credentials = CredentialClients.create(globalClients, List.of())) {
            Credential teamACredential = Credential.of("team-a", teamA.baseUrl(), teamAKey);
            GatewayClients clients = credentials.forCredential(teamACredential);
            assertThat(credentials.forCredential(teamACredential.toBuilder().build())).isSameAs(clients);
            assertThatThrownBy(() -> credentials.forCredential(teamACredential.toBuilder().apiKey(teamBKey).build()))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("team-a")
                    .hasMessageNotContaining(teamAKey).hasMessageNotContaining(teamBKey);

            assertThat(credentials.remove("team-a")).isTrue();
            assertThatThrownBy(() -> clients.llm()).isInstanceOf(IllegalStateException.class);
            assertThat(credentials.names()).isEmpty();
            assertThat(globalClients.http().isClosed()).isFalse();
        }
    }

    @Test
    void aMapOfCredentialsIsKeyedByItsPropertyNames() {
        Map<String, Credential> bound = new LinkedHashMap<>();
        bound.put("team-a", Credential.builder().name("ignored").baseUrl(teamA.baseUrl()).apiKey(teamAKey).build());
        try (CredentialClients credentials = CredentialClients.builder(globalClients.settings(), globalClients.http())
                .credentials(bound).build()) {
            assertThat(credentials.names()).containsExactly("team-a");
            assertThat(chat(credentials.client("team-a", Role.LLM)).choices()).hasSize(1);
        }
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                // credential, property named, message part
                arguments(Credential.of("billing", "ftp://billing-proxy/v1", SECRET), "openai.credentials.billing.base-url",
                        "must start with http:// or https://"),
                arguments(Credential.of("billing", "http://billing-proxy:4000/v1/chat/completions", SECRET),
                        "openai.credentials.billing.base-url", "endpoint path /chat/completions"),
                arguments(Credential.of("billing", "https://api.openai.com", SECRET),
                        "openai.credentials.billing.base-url", "OpenAI serves its API under /v1"),
                arguments(Credential.builder().name("billing").apiKey(SECRET).build(),
                        "openai.credentials.billing.base-url", "is not set"),
                arguments(Credential.builder().name("billing").baseUrl("http://billing-proxy:4000").build(),
                        "openai.credentials.billing.api-key", "no key for credential 'billing'"),
                arguments(Credential.of("billing", "http://billing-proxy:4000", "Bearer " + SECRET),
                        "openai.credentials.billing.api-key", "starts with 'Bearer '"),
                arguments(Credential.builder().name("billing").baseUrl("http://billing-proxy:4000").apiKey(SECRET)
                        .gateway("nginx").build(), "openai.credentials.billing.gateway", "is not a gateway kind"),
                arguments(Credential.builder().name("billing").baseUrl("http://billing-proxy:4000").apiKey(SECRET)
                        .putHeader("X Bad", "1").build(), "openai.credentials.billing.headers",
                        "not a valid header name"),
                arguments(Credential.of("bill ing", "http://billing-proxy:4000", SECRET), "openai.credentials.bill ing",
                        "is not a credential name"));
    }

    @ParameterizedTest(name = "{1}: {2}")
    @MethodSource("invalid")
    void anInvalidCredentialNamesItsPropertyAndMasksItsKey(Credential credential, String property, String message) {
        assertThatThrownBy(() -> CredentialClients.create(globalClients, List.of(credential)))
                .isInstanceOfSatisfying(GatewaySettingsException.class, e -> assertThat(e.problems())
                        .singleElement().satisfies(p -> {
                            assertThat(p.variable()).isEqualTo(property);
                            assertThat(p.message()).contains(message);
                            if (property.endsWith("-url") || property.endsWith("-key")) {
                                assertThat(p.message()).contains("OPENAI_CREDENTIALS_BILLING_"
                                        + (property.endsWith("-url") ? "BASE_URL" : "API_KEY"));
                            }
                        }))
                .hasMessageNotContaining(SECRET).hasMessageNotContaining(globalKey);
    }

    @Test
    void everyCredentialsProblemsAreReportedAtOnce() {
        assertThatThrownBy(() -> CredentialClients.create(globalClients, List.of(
                Credential.of("team-a", "proxy-a:4000", teamAKey),
                Credential.builder().name("team-b").baseUrl(teamB.baseUrl()).build())))
                .isInstanceOfSatisfying(GatewaySettingsException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.variable()).containsExactly("openai.credentials.team-a.base-url",
                                "openai.credentials.team-b.api-key"))
                .hasMessageNotContaining(teamAKey);
    }
}
