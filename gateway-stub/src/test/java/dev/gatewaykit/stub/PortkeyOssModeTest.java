package dev.gatewaykit.stub;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.Headers;
import com.openai.errors.RateLimitException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.gatewaykit.stub.junit.GatewayStubExtension;
import dev.gatewaykit.stub.scripting.Fault;
import dev.gatewaykit.stub.support.Clients;
import dev.gatewaykit.stub.support.RawHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The self-hosted Portkey gateway 1.15.x: its request validator
 * (Portkey-AI/gateway src/middlewares/requestValidator/index.ts), Hono's not-found body, the echoed trace id and
 * provider errors with the "<provider> error: " prefix (src/providers/utils.ts).
 */
class PortkeyOssModeTest {

    @RegisterExtension
    static GatewayStubExtension extension = new GatewayStubExtension(GatewayStub.builder().mode(StubMode.PORTKEY_OSS));

    private final GatewayStub stub;

    PortkeyOssModeTest(GatewayStub stub) {
        this.stub = stub;
    }

    private static final String CHAT = RawHttp.chat("gpt-4o-mini", "hi");

    static Stream<Arguments> validatorRejections() {
        return Stream.of(
                Arguments.of("no provider, no config", List.of(), PortkeyRequestMessages.NO_PROVIDER),
                Arguments.of("virtual key only", List.of("x-portkey-virtual-key", "vk-test-1"),
                        PortkeyRequestMessages.NO_PROVIDER),
                Arguments.of("api key only (cloud style)", List.of("x-portkey-api-key", "pk-test-1"),
                        PortkeyRequestMessages.NO_PROVIDER),
                Arguments.of("unknown provider", List.of("x-portkey-provider", "open-ai"), "Invalid provider passed"),
                Arguments.of("catalog slug as provider", List.of("x-portkey-provider", "@openai-prod"),
                        "Invalid provider passed"),
                Arguments.of("saved config id", List.of("x-portkey-config", "pc-test-123"),
                        "Invalid config passed. You need to pass a valid json"),
                Arguments.of("config that is not JSON", List.of("x-portkey-config", "{not json"),
                        "Invalid config passed. You need to pass a valid json"),
                Arguments.of("config without provider", List.of("x-portkey-config", "{\"retry\":{\"attempts\":2}}"),
                        "Either x-portkey-provider needs to be passed. Or the x-portkey-config header should have a"
                                + " valid config with provider details in it."),
                Arguments.of("config with an unknown provider", List.of("x-portkey-config", "{\"provider\":\"nope\"}"),
                        "Invalid config passed"),
                Arguments.of("old config version", List.of("x-portkey-config",
                        "{\"provider\":\"openai\",\"options\":[{}]}"), "This version of config is not supported in"
                        + " this route. Please migrate to the latest version"),
                Arguments.of("text body", List.of("x-portkey-provider", "openai", "content-type", "text/plain"),
                        "Invalid content type passed"));
    }

    /** Test-side copy of the validator's first message, so the table reads as the source does. */
    private static final class PortkeyRequestMessages {
        static final String NO_PROVIDER = "Either x-portkey-config or x-portkey-provider header is required";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validatorRejections")
    void theValidatorRejectsWithItsOwnFailureBody(String situation, List<String> headers, String message) {
        HttpResponse<String> r = RawHttp.post(stub.baseUrl() + "/chat/completions", CHAT, headers.toArray(String[]::new));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        JsonNode body = RawHttp.json(r);
        assertThat(body.get("status").asText()).isEqualTo("failure");
        assertThat(body.get("message").asText()).isEqualTo(message);
        assertThat(r.headers().firstValue("x-portkey-trace-id")).isEmpty();
    }

    @Test
    void anUnknownConfigProviderListsTheSchemaIssue() {
        HttpResponse<String> r = RawHttp.post(stub.baseUrl() + "/chat/completions", CHAT,
                "x-portkey-config", "{\"targets\":[{\"provider\":\"openai\"},{\"provider\":\"nope\"}]}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(RawHttp.json(r).get("errors").get(0).asText())
                .startsWith("path: targets,1,provider, message: Invalid 'provider' value. Must be one of: anthropic,");
    }

    @Test
    void modelsNeedAProviderToo() {
        assertThat(RawHttp.get(stub.baseUrl() + "/models").statusCode()).isEqualTo(400);
        HttpResponse<String> ok = RawHttp.get(stub.baseUrl() + "/models", "x-portkey-provider", "openai");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(RawHttp.json(ok).get("data").isArray()).isTrue();
    }

    @Test
    void aJsonConfigWithProviderRoutesTheCallAndNamesTheProvider() {
        HttpResponse<String> r = RawHttp.post(stub.baseUrl() + "/chat/completions", CHAT, "content-type",
                "application/json; charset=utf-8", "x-portkey-config",
                "{\"provider\":\"openai\",\"api_key\":\"sk-test-upstream\",\"custom_host\":\"http://127.0.0.1:1/v1\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("x-portkey-provider")).hasValue("openai");
        assertThat(r.headers().firstValue("x-portkey-last-used-option-index")).hasValue("config");
    }

    @Test
    void theTraceIdIsEchoedAsSentAndEmptyWhenNoneWasSent() {
        HttpResponse<String> none = RawHttp.post(stub.baseUrl() + "/chat/completions", CHAT, "x-portkey-provider", "openai");
        assertThat(none.statusCode()).isEqualTo(200);
        assertThat(none.headers().firstValue("x-portkey-trace-id")).hasValue("");
        HttpResponse<String> sent = RawHttp.post(stub.baseUrl() + "/chat/completions", CHAT, "x-portkey-provider",
                "openai", "x-portkey-trace-id", "trace-test-7");
        assertThat(sent.headers().firstValue("x-portkey-trace-id")).hasValue("trace-test-7");
    }

    @Test
    void noApiKeyIsCheckedAndTheBearerKeyIsTheProviders() {
        HttpResponse<String> r = RawHttp.post(stub.baseUrl() + "/chat/completions", CHAT, "x-portkey-provider", "openai",
                "authorization", "Bearer " + Clients.fakeKey());
        assertThat(r.statusCode()).isEqualTo(200);
    }

    @Test
    void aSlugModelGoesToTheProviderUnchangedAndTheProviderRejectsIt() {
        HttpResponse<String> r = RawHttp.post(stub.baseUrl() + "/chat/completions",
                RawHttp.chat("@openai-prod/gpt-4o-mini", "hi"), "x-portkey-provider", "openai");
        assertThat(r.statusCode()).isEqualTo(404);
        JsonNode body = RawHttp.json(r);
        assertThat(body.at("/error/message").asText()).startsWith("openai error: ").contains("@openai-prod/gpt-4o-mini");
        assertThat(body.get("provider").asText()).isEqualTo("openai");
    }

    @Test
    void unknownPathsAnswerHonosNotFound() {
        for (String path : List.of("/chat/completions", "/v2/chat/completions", "/health/liveliness")) {
            HttpResponse<String> r = RawHttp.post(stub.origin() + path, CHAT, "x-portkey-provider", "openai");
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(RawHttp.json(r)).isEqualTo(RawHttp.json("{\"message\":\"Not Found\",\"ok\":false}"));
        }
        assertThat(RawHttp.get(stub.origin() + "/").body()).isEqualTo("AI Gateway says hey!");
    }

    @Test
    void anInjectedProviderErrorArrivesAsTheProvidersErrorNotAsAGatewayFailure() {
        stub.fault(Fault.builder().path("/chat/completions").status(503).times(1).build());
        HttpResponse<String> r = RawHttp.post(stub.baseUrl() + "/chat/completions", CHAT,
                "x-portkey-provider", "azure-openai");
        assertThat(r.statusCode()).isEqualTo(503);
        JsonNode body = RawHttp.json(r);
        assertThat(body.at("/error/message").asText()).startsWith("azure-openai error: ");
        assertThat(body.get("provider").asText()).isEqualTo("azure-openai");
        assertThat(body.has("status")).isFalse();
    }

    @Test
    void openAiJavaThroughTheSelfHostedGateway() {
        OpenAIClient client = OpenAIOkHttpClient.builder().baseUrl(stub.baseUrl()).apiKey(Clients.fakeKey())
                .putHeader("x-portkey-provider", "openai").maxRetries(0).timeout(Duration.ofSeconds(20)).build();
        ChatCompletion c = client.chat().completions().create(ChatCompletionCreateParams.builder()
                .model("gpt-4o-mini").addUserMessage("self-hosted").build());
        assertThat(c.choices().get(0).message().content()).contains("Echo: self-hosted");

        stub.fault(Fault.builder().path("/chat/completions").status(429).times(1).build());
        assertThatThrownBy(() -> client.chat().completions().create(ChatCompletionCreateParams.builder()
                .model("gpt-4o-mini").addUserMessage("again").build()))
                .isInstanceOfSatisfying(RateLimitException.class, e -> {
                    assertThat(e.getMessage()).contains("openai error: ");
                    Headers headers = e.headers();
                    assertThat(headers.values("x-portkey-provider")).containsExactly("openai");
                });
    }

    @Test
    void everyProviderOfTheGatewaysListIsAccepted() {
        List<String> refused = new ArrayList<>();
        for (String provider : List.of("openai", "anthropic", "azure-openai", "bedrock", "ollama", "ovhcloud", "302ai")) {
            if (RawHttp.get(stub.baseUrl() + "/models", "x-portkey-provider", provider).statusCode() != 200) {
                refused.add(provider);
            }
        }
        assertThat(refused).isEmpty();
    }
}
