package dev.gatewaykit.portkey.e2e;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.errors.OpenAIException;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.client.GatewayClients;
import dev.gatewaykit.sdk.errors.GatewayError;
import dev.gatewaykit.sdk.settings.GatewaySettings;
import dev.gatewaykit.sdk.settings.MapSource;
import dev.gatewaykit.sdk.settings.SettingsSources;
import dev.gatewaykit.stub.GatewayStub;
import dev.gatewaykit.stub.StubMode;
import dev.gatewaykit.stub.journal.JournalEntry;
import dev.gatewaykit.stub.keys.KeyMask;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The sample app, configured for a self-hosted Portkey gateway exactly as the README shows, calls the real gateway
 * ({@code @portkey-ai/gateway} 1.15.2), which forwards to the gateway stub as its OpenAI upstream
 * ({@code x-portkey-custom-host}). The stub's journal proves where each call came from and which key it carried.
 */
class SelfHostedPortkeyIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One key per role, so the journal (keys masked to their last four characters) tells them apart. */
    private static final Map<Role, String> KEYS = Map.of(Role.EMBEDDINGS, testKey("embd"), Role.LLM,
            testKey("chat"), Role.CODEX, testKey("code"));

    private static final Map<String, Role> ROLE_BY_PATH = Map.of("/v1/embeddings", Role.EMBEDDINGS,
            "/v1/chat/completions", Role.LLM, "/v1/responses", Role.CODEX);

    private static final String NO_PROVIDER =
            "{\"status\":\"failure\",\"message\":\"Either x-portkey-config or x-portkey-provider header is required\"}";

    private static GatewayStub stub;

    private static SelfHostedPortkey portkey;

    private static SampleAppProcess app;

    @BeforeAll
    static void start() {
        stub = GatewayStub.builder().mode(StubMode.OPENAI).port(0).start();
        portkey = SelfHostedPortkey.start(Path.of(System.getProperty("portkey-e2e.gateway-dir")));
        app = SampleAppProcess.start(Path.of(System.getProperty("portkey-e2e.sample-jar")),
                Path.of(System.getProperty("portkey-e2e.work-dir"), "sample-app"), selfHostedEnvironment());
    }

    /** The README's self-hosted block, with this run's URLs and keys. */
    static Map<String, String> selfHostedEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("OPENAI_GATEWAY", "portkey");
        env.put("PORTKEY_PRODUCT", "self-hosted");
        env.put("OPENAI_BASE_URL", portkey.baseUrl());
        env.put("PORTKEY_PROVIDER", "openai");
        env.put("OPENAI_HEADERS", "x-portkey-custom-host=" + stub.baseUrl());
        env.put("OPENAI_EMBEDDINGS_API_KEY", KEYS.get(Role.EMBEDDINGS));
        env.put("OPENAI_LLM_API_KEY", KEYS.get(Role.LLM));
        env.put("OPENAI_CODEX_API_KEY", KEYS.get(Role.CODEX));
        env.put("OPENAI_EMBEDDINGS_MODEL", "text-embedding-3-small");
        env.put("OPENAI_LLM_MODEL", "gpt-4o-mini");
        env.put("OPENAI_CODEX_MODEL", "gpt-4.1-mini");
        return env;
    }

    @AfterAll
    static void stop() {
        try (AutoCloseable s = stub; AutoCloseable p = portkey; AutoCloseable a = app) {
            // closed in reverse order: the app, then the gateway, then the stub
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    @BeforeEach
    void clearJournal() {
        stub.reset();
    }

    @Test
    void searchAskStreamAndCodeGoThroughTheGatewayWithTheirRolesKey() throws Exception {
        HttpResponse<String> search = Http.postJson(app.origin() + "/api/search", "{\"query\":\"portkey\"}");
        HttpResponse<String> ask = Http.postJson(app.origin() + "/api/ask", "{\"question\":\"Which gateway?\"}");
        HttpResponse<String> stream = Http.send(Http.request(app.origin()
                + "/api/ask/stream?question=" + URLEncoder.encode("Streamed?", StandardCharsets.UTF_8))
            .header("Accept", "text/event-stream")
            .GET()
            .build());
        HttpResponse<String> code = Http.postJson(app.origin() + "/api/code", "{\"task\":\"Print hello.\"}");

        assertThat(search.statusCode()).as(describe(search)).isEqualTo(200);
        assertThat(JSON.readTree(search.body()).path("hits")).as(search.body()).isNotEmpty();
        assertThat(ask.statusCode()).as(describe(ask)).isEqualTo(200);
        assertThat(JSON.readTree(ask.body()).path("answer").asText()).isEqualTo("Echo: Which gateway?");
        assertThat(stream.statusCode()).as(describe(stream)).isEqualTo(200);
        assertThat(eventNames(stream.body())).as(stream.body()).contains("delta").endsWith("done");
        assertThat(code.statusCode()).as(describe(code)).isEqualTo(200);
        assertThat(JSON.readTree(code.body()).path("code").asText()).isEqualTo("Echo: Print hello.");

        List<JournalEntry> journal = stub.journal();
        assertThat(journal).extracting(JournalEntry::path)
            .contains("/v1/embeddings")
            .containsOnlyOnce("/v1/responses")
            .filteredOn("/v1/chat/completions"::equals).hasSize(2);
        assertThat(journal).filteredOn(entry -> entry.path().equals("/v1/chat/completions"))
            .extracting(JournalEntry::requestBody)
            .anySatisfy(body -> assertThat(body).contains("\"stream\":true"))
            .anySatisfy(body -> assertThat(body).doesNotContain("\"stream\":true"));
        assertThat(journal).allSatisfy(entry -> {
            assertThat(entry.status()).as(entry.toString()).isEqualTo(200);
            assertThat(ROLE_BY_PATH).as(entry.toString()).containsKey(entry.path());
            String key = KeyMask.mask(KEYS.get(ROLE_BY_PATH.get(entry.path())));
            assertThat(entry.key()).as(entry.toString()).isEqualTo(key);
            assertThat(entry.headers()).as(entry.toString()).containsEntry("authorization", "Bearer " + key);
            assertCameThroughTheGateway(entry);
        });
        assertThat(journal).extracting(JournalEntry::model)
            .containsOnly("text-embedding-3-small", "gpt-4o-mini", "gpt-4.1-mini");
    }

    /**
     * The app's openai-java client sends {@code User-Agent: OpenAIClientImpl/Java ...} and {@code x-stainless-*}
     * headers; the gateway's Node fetch sends {@code User-Agent: node} and drops every {@code x-portkey-*} header.
     * So an entry with the app's headers would be a call that bypassed the gateway.
     */
    private static void assertCameThroughTheGateway(JournalEntry entry) {
        assertThat(entry.headers()).as(entry.toString()).containsEntry("user-agent", "node");
        assertThat(entry.headers().keySet()).as(entry.toString())
            .noneMatch(name -> name.startsWith("x-stainless") || name.startsWith("x-portkey"));
    }

    @Test
    void withoutAProviderTheRealGatewayAnswers400AndCallsNoUpstream() throws Exception {
        HttpResponse<String> response = Http.send(Http.request(portkey.baseUrl() + "/chat/completions")
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + KEYS.get(Role.LLM))
            .header("x-portkey-custom-host", stub.baseUrl())
            .POST(HttpRequest.BodyPublishers.ofString(
                    "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
            .build());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(JSON.readTree(response.body())).isEqualTo(JSON.readTree(NO_PROVIDER));
        assertThat(stub.journal()).isEmpty();
    }

    /**
     * A Portkey-cloud configuration (a Portkey API key, no provider) sent to the self-hosted gateway: the sdk passes
     * the gateway's own refusal on, with its status, instead of a generic failure.
     */
    @Test
    void theSdkSurfacesTheGatewaysRefusalOfACloudConfiguration() {
        Map<String, String> cloud = Map.of("OPENAI_BASE_URL", portkey.baseUrl(), "OPENAI_GATEWAY", "portkey",
                "PORTKEY_PRODUCT", "cloud", "PORTKEY_API_KEY", testKey("pkey"), "OPENAI_MAX_RETRIES", "0");
        GatewaySettings settings = GatewaySettings.resolve(SettingsSources.of(new MapSource("test", cloud)));
        try (GatewayClients clients = GatewayClients.create(settings)) {
            OpenAIException failure = catchThrowableOfType(OpenAIException.class,
                    () -> clients.llm().chat().completions().create(ChatCompletionCreateParams.builder()
                        .model("gpt-4o-mini")
                        .addUserMessage("hi")
                        .build()));

            GatewayError error = clients.explain(Role.LLM, failure);
            assertThat(error.status()).as(error.describe()).hasValue(400);
            assertThat(error.message()).as(error.describe())
                .contains("Either x-portkey-config or x-portkey-provider header is required");
            assertThat(error.describe()).contains("via portkey");
        }
        assertThat(stub.journal()).isEmpty();
    }

    /** The app's health probes reach the gateway with the same route settings as its calls. */
    @Test
    void healthShowsEachRouteUpThroughTheGateway() throws Exception {
        HttpResponse<String> health = Http.get(app.origin() + "/actuator/health/gateway");

        assertThat(health.statusCode()).as(describe(health)).isEqualTo(200);
        JsonNode routes = JSON.readTree(health.body()).path("components").path("gatewayRoutes").path("components");
        for (String route : List.of("embeddings", "llm", "codex")) {
            assertThat(routes.path(route).path("status").asText()).as(route + ": " + health.body()).isEqualTo("UP");
            assertThat(routes.path(route).path("details").path("url").asText()).as(route)
                .startsWith(portkey.origin());
        }
        assertThat(stub.journal()).allSatisfy(SelfHostedPortkeyIT::assertCameThroughTheGateway);
    }

    /** The check that tells gateway traffic from direct traffic fails for a call that skips the gateway. */
    @Test
    void aCallStraightToTheStubIsToldApartFromGatewayTraffic() {
        Map<String, String> direct = Map.of("OPENAI_BASE_URL", stub.baseUrl(), "OPENAI_GATEWAY", "openai",
                "OPENAI_API_KEY", KEYS.get(Role.LLM), "OPENAI_MAX_RETRIES", "0");
        GatewaySettings settings = GatewaySettings.resolve(SettingsSources.of(new MapSource("test", direct)));
        try (GatewayClients clients = GatewayClients.create(settings)) {
            clients.llm().chat().completions().create(ChatCompletionCreateParams.builder()
                .model("gpt-4o-mini")
                .addUserMessage("hi")
                .build());
        }

        assertThat(stub.journal()).singleElement().satisfies(entry -> {
            assertThat(entry.headers().get("user-agent")).contains("/Java");
            assertThatThrownBy(() -> assertCameThroughTheGateway(entry)).isInstanceOf(AssertionError.class);
        });
    }

    private static List<String> eventNames(String body) {
        List<String> names = new ArrayList<>();
        for (String line : body.split("\r?\n")) {
            if (line.startsWith("event:")) {
                names.add(line.substring("event:".length()).strip());
            }
        }
        return names;
    }

    private static String describe(HttpResponse<String> response) {
        return "HTTP " + response.statusCode() + " " + response.body() + "\nsample app output:\n" + app.output()
                + "\nportkey gateway output:\n" + portkey.output();
    }

    /** {@code sk-test-<random>-<purpose>}: obviously fake, new each run, masked as {@code sk-...<purpose>}. */
    private static String testKey(String purpose) {
        return "sk-test-" + UUID.randomUUID().toString().replace("-", "") + "-" + purpose;
    }

}
