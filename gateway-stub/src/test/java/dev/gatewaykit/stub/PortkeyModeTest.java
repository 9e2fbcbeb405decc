package dev.gatewaykit.stub;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.gatewaykit.stub.junit.GatewayStubExtension;
import dev.gatewaykit.stub.support.Clients;
import dev.gatewaykit.stub.support.RawHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Portkey's header rules, paths and error shapes. */
class PortkeyModeTest {

    private static final String PORTKEY_KEY = "pk-test-" + Clients.fakeKey();

    @RegisterExtension
    static GatewayStubExtension extension = new GatewayStubExtension(GatewayStub.builder()
            .mode(StubMode.PORTKEY).masterKey(PORTKEY_KEY));

    private final GatewayStub stub;

    PortkeyModeTest(GatewayStub stub) {
        this.stub = stub;
    }

    @Test
    void slugModelWithApiKeyWorksAndCarriesPortkeyHeaders() {
        HttpResponse<String> r = RawHttp.post(stub.baseUrl() + "/chat/completions",
                RawHttp.chat("@openai-prod/gpt-4o-mini", "hi"), "x-portkey-api-key", PORTKEY_KEY,
                "x-portkey-trace-id", "trace-test-1");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("x-portkey-trace-id")).hasValue("trace-test-1");
        assertThat(r.headers().firstValue("x-portkey-provider")).hasValue("openai");
        assertThat(RawHttp.json(r).get("model").asText()).isEqualTo("gpt-4o-mini");
    }

    @Test
    void providerHeaderRoutesAPlainModelAndATraceIdIsGeneratedWhenAbsent() {
        HttpResponse<String> r = RawHttp.post(stub.baseUrl() + "/chat/completions", RawHttp.chat("gpt-4o-mini", "hi"),
                "x-portkey-api-key", PORTKEY_KEY, "x-portkey-provider", "openai");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("x-portkey-trace-id")).hasValueSatisfying(v -> assertThat(v).isNotBlank());
    }

    @Test
    void withoutProviderOrConfigPortkeyAnswers400Failure() {
        HttpResponse<String> r = RawHttp.post(stub.baseUrl() + "/chat/completions", RawHttp.chat("gpt-4o-mini", "hi"),
                "x-portkey-api-key", PORTKEY_KEY);
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode body = RawHttp.json(r);
        assertThat(body.get("status").asText()).isEqualTo("failure");
        assertThat(body.get("message").asText()).contains("x-portkey-config").contains("x-portkey-provider");
    }

    @ParameterizedTest(name = "api key {0} -> 401")
    @CsvSource({"missing", "wrong"})
    void missingOrWrongPortkeyKeyIs401Failure(String which) {
        HttpResponse<String> r = which.equals("missing")
                ? RawHttp.post(stub.baseUrl() + "/chat/completions", RawHttp.chat("@p/gpt-4o-mini", "hi"))
                : RawHttp.post(stub.baseUrl() + "/chat/completions", RawHttp.chat("@p/gpt-4o-mini", "hi"),
                "x-portkey-api-key", "pk-wrong-" + Clients.fakeKey());
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(RawHttp.json(r).get("status").asText()).isEqualTo("failure");
    }

    @Test
    void pathsWithoutV1Are404WithAHint() {
        HttpResponse<String> r = RawHttp.post(stub.origin() + "/chat/completions", RawHttp.chat("@p/gpt-4o-mini", "hi"),
                "x-portkey-api-key", PORTKEY_KEY);
        assertThat(r.statusCode()).isEqualTo(404);
        JsonNode body = RawHttp.json(r);
        assertThat(body.get("status").asText()).isEqualTo("failure");
        assertThat(body.get("message").asText()).contains("/v1");
    }

    @Test
    void rootAnswersForReadinessAndLiteLlmProbesDoNotExist() {
        assertThat(RawHttp.get(stub.origin() + "/").statusCode()).isEqualTo(200);
        assertThat(RawHttp.get(stub.origin() + "/health/liveliness").statusCode()).isEqualTo(404);
    }

    @Test
    void providerErrorsKeepOpenAiShapeWithPortkeyPrefix() {
        HttpResponse<String> r = RawHttp.post(stub.baseUrl() + "/chat/completions", RawHttp.chat("@p/no-such-model", "hi"),
                "x-portkey-api-key", PORTKEY_KEY);
        assertThat(r.statusCode()).isEqualTo(404);
        JsonNode body = RawHttp.json(r);
        assertThat(body.at("/error/message").asText()).startsWith("openai error: ");
        assertThat(body.at("/error/code").asText()).isEqualTo("model_not_found");
    }

    @Test
    void invalidConfigHeaderIs400Failure() {
        HttpResponse<String> r = RawHttp.post(stub.baseUrl() + "/chat/completions", RawHttp.chat("gpt-4o-mini", "hi"),
                "x-portkey-api-key", PORTKEY_KEY, "x-portkey-config", "{not json");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(RawHttp.json(r).get("message").asText()).isEqualTo("Invalid config passed");
    }

    @Test
    void realClientWithPortkeyHeaders() {
        OpenAIClient client = OpenAIOkHttpClient.builder().baseUrl(stub.baseUrl()).apiKey("provider-key-test")
                .putHeader("x-portkey-api-key", PORTKEY_KEY).putHeader("x-portkey-provider", "openai")
                .maxRetries(0).timeout(Duration.ofSeconds(20)).build();
        ChatCompletion c = client.chat().completions().create(ChatCompletionCreateParams.builder()
                .model("gpt-4o-mini").addUserMessage("via portkey").build());
        assertThat(c.choices().get(0).message().content()).contains("Echo: via portkey");
        assertThat(stub.journal()).singleElement().satisfies(e ->
                assertThat(e.headers().get("x-portkey-api-key")).doesNotContain(PORTKEY_KEY).contains("..."));
    }

    @Test
    void anInjectedProviderErrorCarriesTheProviderPrefixAndField() {
        stub.fault(dev.gatewaykit.stub.scripting.Fault.builder().path("/chat/completions").status(429).times(1).build());
        HttpResponse<String> r = RawHttp.post(stub.baseUrl() + "/chat/completions", RawHttp.chat("@openai-prod/gpt-4o-mini",
                "hi"), "x-portkey-api-key", PORTKEY_KEY);
        assertThat(r.statusCode()).isEqualTo(429);
        JsonNode body = RawHttp.json(r);
        assertThat(body.at("/error/message").asText()).startsWith("openai error: ");
        assertThat(body.get("provider").asText()).isEqualTo("openai");
        assertThat(body.has("status")).isFalse();
    }
}
