package dev.gatewaykit.stub.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.client.OpenAIClient;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.StructuredChatCompletion;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.StructuredResponse;
import dev.gatewaykit.stub.GatewayStub;
import dev.gatewaykit.stub.StubMode;
import dev.gatewaykit.stub.junit.GatewayStubTest;
import dev.gatewaykit.stub.scripting.Script;
import dev.gatewaykit.stub.support.Clients;
import dev.gatewaykit.stub.support.RawHttp;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Structured outputs through openai-java's class-based JSON schema, and the schema checks behind them. */
@GatewayStubTest(mode = StubMode.OPENAI)
class StructuredOutputsTest {

    /** An invoice the LLM role extracts. */
    public record Invoice(String number, Customer customer, List<Line> lines, Status status, double total, boolean paid) {
    }

    /** Nested object. */
    public record Customer(String name, String email) {
    }

    /** Array item. */
    public record Line(String sku, int quantity) {
    }

    /** Enum. */
    public enum Status { DRAFT, SENT }

    private final GatewayStub stub;
    private final OpenAIClient client;

    StructuredOutputsTest(GatewayStub stub) {
        this.stub = stub;
        this.client = Clients.openAi(stub, Clients.fakeKey());
    }

    @Test
    void chatResponseFormatFromARecordDeserializesTheSynthesizedJson() {
        StructuredChatCompletion<Invoice> completion = client.chat().completions().create(ChatCompletionCreateParams
                .builder().model("gpt-4o-mini").addUserMessage("Extract the invoice").responseFormat(Invoice.class).build());

        Invoice invoice = completion.choices().get(0).message().content().orElseThrow();
        assertThat(invoice.number()).isEqualTo("number");
        assertThat(invoice.customer().name()).isEqualTo("name");
        assertThat(invoice.lines()).hasSize(1);
        assertThat(invoice.status()).isEqualTo(Status.DRAFT);
        assertThat(stub.schemaReports()).isEmpty();
    }

    @Test
    void responsesTextFormatFromARecordDeserializesTheSynthesizedJson() {
        StructuredResponse<Invoice> response = client.responses().create(ResponseCreateParams.builder()
                .model("gpt-4o-mini").input("Extract the invoice").text(Invoice.class).build());

        Invoice invoice = response.output().stream().flatMap(i -> i.message().stream())
                .flatMap(m -> m.content().stream()).flatMap(c -> c.outputText().stream()).findFirst().orElseThrow();
        assertThat(invoice.lines().get(0).sku()).isEqualTo("sku");
    }

    @Test
    void scriptedJsonIsServedAndReportedWhenItBreaksTheSchema() {
        stub.script(Script.builder().json("{\"number\":\"INV-1\",\"total\":\"lots\"}").build());

        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder().model("gpt-4o-mini")
                .addUserMessage("Extract").responseFormat(Invoice.class).build().rawParams();
        String content = client.chat().completions().create(params).choices().get(0).message().content().orElseThrow();

        assertThat(content).isEqualTo("{\"number\":\"INV-1\",\"total\":\"lots\"}");
        assertThat(stub.schemaReports()).singleElement().satisfies(r -> {
            assertThat(r.subject()).isEqualTo("response_format 'json-schema-from-Invoice'");
            assertThat(r.problems()).contains("$: required property 'customer' is missing",
                    "$.total: expected type \"number\", got string");
        });
        JsonNode admin = RawHttp.json(RawHttp.get(stub.origin() + "/__stub/schema-reports"));
        assertThat(admin.at("/reports/0/problems").toString()).contains("required property 'customer' is missing");
    }

    @Test
    void scriptedJsonThatFitsIsNotReported() {
        stub.script(Script.builder().json("{\"number\":\"INV-7\",\"customer\":{\"name\":\"Ada\",\"email\":\"a@b.c\"},"
                + "\"lines\":[],\"status\":\"SENT\",\"total\":9.5,\"paid\":true}").build());

        Invoice invoice = client.chat().completions().create(ChatCompletionCreateParams.builder().model("gpt-4o-mini")
                .addUserMessage("Extract").responseFormat(Invoice.class).build()).choices().get(0).message().content()
                .orElseThrow();

        assertThat(invoice.number()).isEqualTo("INV-7");
        assertThat(stub.schemaReports()).isEmpty();
    }

    @Test
    void jsonObjectFormatGetsAJsonObject() {
        JsonNode reply = RawHttp.json(RawHttp.post(stub.baseUrl() + "/chat/completions", "{\"model\":\"gpt-4o-mini\","
                + "\"messages\":[{\"role\":\"user\",\"content\":\"answer in json\"}],\"response_format\":{\"type\":\"json_object\"}}"));
        assertThat(RawHttp.json(reply.at("/choices/0/message/content").asText()).get("echo").asText()).isEqualTo("answer in json");
    }

    @Test
    void strictSchemaThatOpenAiRejectsIsA400InOpenAisShape() {
        var chat = RawHttp.post(stub.baseUrl() + "/chat/completions", "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":"
                + "\"user\",\"content\":\"x\"}],\"response_format\":{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"w\","
                + "\"strict\":true,\"schema\":{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"},\"b\":{\"type\":\"string\"}},"
                + "\"required\":[\"a\"],\"additionalProperties\":false}}}}");
        assertThat(chat.statusCode()).isEqualTo(400);
        JsonNode error = RawHttp.json(chat).get("error");
        assertThat(error.get("message").asText()).isEqualTo("Invalid schema for response_format 'w': In context=(), "
                + "'required' is required to be supplied and to be an array including every key in properties. Missing 'b'.");
        assertThat(error.get("type").asText()).isEqualTo("invalid_request_error");
        assertThat(error.get("param").asText()).isEqualTo("response_format");

        var responses = RawHttp.post(stub.baseUrl() + "/responses", "{\"model\":\"gpt-4o-mini\",\"input\":\"x\",\"text\":"
                + "{\"format\":{\"type\":\"json_schema\",\"name\":\"w\",\"strict\":true,\"schema\":{\"type\":\"object\","
                + "\"properties\":{\"a\":{\"type\":\"string\"}},\"required\":[\"a\"]}}}}");
        assertThat(responses.statusCode()).isEqualTo(400);
        JsonNode rError = RawHttp.json(responses).get("error");
        assertThat(rError.get("param").asText()).isEqualTo("text.format.schema");
        assertThat(rError.get("code").asText()).isEqualTo("invalid_json_schema");
        assertThat(rError.get("message").asText()).contains("'additionalProperties' is required to be supplied and to be false");
    }

    @Test
    void unsatisfiableSchemaIsA400SayingWhy() {
        var r = RawHttp.post(stub.baseUrl() + "/chat/completions", "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":"
                + "\"user\",\"content\":\"x\"}],\"response_format\":{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"t\","
                + "\"schema\":{\"type\":\"object\",\"properties\":{\"tags\":{\"type\":\"array\",\"minItems\":3,\"maxItems\":1}}}}}}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(RawHttp.json(r).at("/error/message").asText()).isEqualTo("Invalid schema for response_format 't': "
                + "In context=('properties', 'tags'), minItems (3) is greater than maxItems (1) No value can satisfy this schema.");
    }
}
