package dev.gatewaykit.stub.agent;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatewaykit.stub.GatewayStub;
import dev.gatewaykit.stub.StubMode;
import dev.gatewaykit.stub.junit.GatewayStubTest;
import dev.gatewaykit.stub.support.RawHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad agent input: a clear OpenAI-shaped 4xx naming the parameter, never a 5xx. */
@GatewayStubTest(mode = StubMode.OPENAI)
class AgentBadInputTest {

    private static final String USER = "{\"role\":\"user\",\"content\":\"hi\"}";
    private static final String WEATHER = "{\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"parameters\":"
            + "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}}}";

    private final GatewayStub stub;

    AgentBadInputTest(GatewayStub stub) {
        this.stub = stub;
    }

    private JsonNode error(String path, String body, int status) {
        HttpResponse<String> r = RawHttp.post(stub.baseUrl() + path, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        JsonNode error = RawHttp.json(r).get("error");
        assertThat(error.get("type").asText()).isEqualTo("invalid_request_error");
        return error;
    }

    private JsonNode chatError(String fields) {
        return error("/chat/completions", "{\"model\":\"gpt-4o-mini\",\"messages\":[" + USER + "]," + fields + "}", 400);
    }

    @Test
    void toolWithoutANameNamesTheParameter() {
        JsonNode e = chatError("\"tools\":[{\"type\":\"function\",\"function\":{\"parameters\":{\"type\":\"object\"}}}]");
        assertThat(e.get("param").asText()).isEqualTo("tools[0].function.name");
        assertThat(e.get("message").asText()).isEqualTo("Missing required parameter: 'tools[0].function.name'.");

        JsonNode r = error("/responses", "{\"model\":\"gpt-4o-mini\",\"input\":\"x\",\"tools\":[{\"type\":\"function\"}]}", 400);
        assertThat(r.get("param").asText()).isEqualTo("tools[0].name");
    }

    @Test
    void toolSchemaThatIsNotAnObjectIsRejected() {
        JsonNode e = chatError("\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"f\",\"parameters\":{\"type\":\"string\"}}}]");
        assertThat(e.get("param").asText()).isEqualTo("tools[0].function.parameters");
        assertThat(e.get("code").asText()).isEqualTo("invalid_function_parameters");
        assertThat(e.get("message").asText()).contains("schema must be a JSON Schema of 'type: \"object\"', got 'type: \"string\"'");
        assertThat(chatError("\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"f\",\"parameters\":[1]}}]")
                .get("param").asText()).isEqualTo("tools[0].function.parameters");
    }

    @Test
    void toolChoiceNamingAnUnknownFunctionIsRejected() {
        JsonNode e = chatError("\"tools\":[" + WEATHER + "],\"tool_choice\":{\"type\":\"function\",\"function\":{\"name\":\"get_time\"}}");
        assertThat(e.get("param").asText()).isEqualTo("tool_choice");
        assertThat(e.get("message").asText()).contains("function 'get_time' is not in 'tools'").contains("get_weather");
        JsonNode r = error("/responses", "{\"model\":\"gpt-4o-mini\",\"input\":\"x\",\"tools\":[{\"type\":\"function\","
                + "\"name\":\"a\"}],\"tool_choice\":{\"type\":\"function\",\"name\":\"b\"}}", 400);
        assertThat(r.get("message").asText()).contains("function 'b' is not in 'tools'");
    }

    @Test
    void toolMessageAnsweringNoEarlierCallIsRejected() {
        JsonNode none = error("/chat/completions", "{\"model\":\"gpt-4o-mini\",\"messages\":[" + USER
                + ",{\"role\":\"tool\",\"tool_call_id\":\"call_x\",\"content\":\"out\"}]}", 400);
        assertThat(none.get("message").asText()).contains("must be a response to a preceeding message with 'tool_calls'");
        JsonNode wrong = error("/chat/completions", "{\"model\":\"gpt-4o-mini\",\"messages\":[" + USER
                + ",{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_a\",\"type\":\"function\","
                + "\"function\":{\"name\":\"f\",\"arguments\":\"{}\"}}]},{\"role\":\"tool\",\"tool_call_id\":\"call_b\","
                + "\"content\":\"out\"}]}", 400);
        assertThat(wrong.get("param").asText()).isEqualTo("messages.[2].tool_call_id");
        assertThat(wrong.get("message").asText()).contains("'call_b' not found in 'tool_calls' of previous message");
    }

    @Test
    void unknownPreviousResponseIdIsRejected() {
        JsonNode e = error("/responses", "{\"model\":\"gpt-4o-mini\",\"input\":\"x\",\"previous_response_id\":\"resp_nope\"}", 400);
        assertThat(e.get("code").asText()).isEqualTo("previous_response_not_found");
        assertThat(e.get("param").asText()).isEqualTo("previous_response_id");
        assertThat(e.get("message").asText()).isEqualTo("Previous response with id 'resp_nope' not found.");
        JsonNode get = error("/responses/resp_nope", "", 405);
        assertThat(get.get("message").asText()).contains("GET, DELETE");
    }

    @Test
    void unsatisfiableToolSchemaIsA400WhenTheStubMustCallTheTool() {
        JsonNode e = chatError("\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"f\",\"parameters\":{\"type\":\"object\","
                + "\"required\":[\"n\"],\"properties\":{\"n\":{\"type\":\"integer\",\"minimum\":10,\"maximum\":1}}}}}],"
                + "\"tool_choice\":\"required\"");
        assertThat(e.get("message").asText()).contains("Invalid schema for function 'f'")
                .contains("In context=('properties', 'n'), no integer lies within the bounds");
    }

    @Test
    void hugeScriptedArgumentsAndSchemasAreBoundedByTheStubsLimits() {
        String big = "x".repeat(70_000);
        HttpResponse<String> r = RawHttp.post(stub.origin() + "/__stub/scripts",
                "{\"toolCalls\":[{\"name\":\"f\",\"arguments\":\"" + big + "\"}]}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(RawHttp.json(r).at("/error/message").asText()).contains("longer than 65536 characters");
        JsonNode e = chatError("\"response_format\":{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"big\",\"schema\":"
                + "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"array\",\"minItems\":100000000}}}}}");
        assertThat(e.get("message").asText()).contains("beyond the stub's limit");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "\"tools\":\"x\"", "\"tools\":[1]", "\"tools\":[{}]", "\"tools\":[{\"type\":\"retrieval\"}]",
            "\"tool_choice\":5", "\"tool_choice\":\"sometimes\"", "\"tool_choice\":\"required\"",
            "\"tool_choice\":{\"type\":\"function\"}", "\"response_format\":\"json\"", "\"response_format\":{}",
            "\"response_format\":{\"type\":\"xml\"}", "\"response_format\":{\"type\":\"json_schema\"}",
            "\"response_format\":{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"n\"}}",
            "\"response_format\":{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"n\",\"schema\":{\"$ref\":\"#/nowhere\"}}}",
            "\"response_format\":{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"n\",\"schema\":{\"type\":\"object\",\"properties\":{\"e\":{\"enum\":[]}}}}}",
            "\"parallel_tool_calls\":\"yes\""})
    void oddChatShapesAre400s(String fields) {
        chatError(fields);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "[{\"type\":\"function_call\",\"name\":\"f\"}]",
            "[{\"type\":\"function_call_output\",\"output\":\"x\"}]",
            "[{\"type\":\"function_call\",\"call_id\":\"c\",\"name\":\"f\",\"arguments\":\"{}\"},{\"type\":\"function_call_output\",\"call_id\":\"c\"}]",
            "[{\"role\":\"robot\",\"content\":\"x\"}]"})
    void oddResponsesInputsAre400s(String input) {
        error("/responses", "{\"model\":\"gpt-4o-mini\",\"input\":" + input + "}", 400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"text\":5", "\"text\":{\"format\":5}", "\"text\":{\"format\":{\"type\":\"json_schema\"}}",
            "\"store\":\"yes\"", "\"previous_response_id\":7"})
    void oddResponsesFieldsAre400s(String fields) {
        error("/responses", "{\"model\":\"gpt-4o-mini\",\"input\":\"x\"," + fields + "}", 400);
    }

    @Test
    void inputItemsQueryParametersAreValidated() {
        String id = RawHttp.json(RawHttp.post(stub.baseUrl() + "/responses", "{\"model\":\"gpt-4o-mini\",\"input\":\"x\"}"))
                .get("id").asText();
        assertThat(RawHttp.get(stub.baseUrl() + "/responses/" + id + "/input_items?limit=0").statusCode()).isEqualTo(400);
        assertThat(RawHttp.get(stub.baseUrl() + "/responses/" + id + "/input_items?order=up").statusCode()).isEqualTo(400);
        assertThat(RawHttp.get(stub.baseUrl() + "/responses/" + id + "/input_items?after=nope").statusCode()).isEqualTo(400);
        assertThat(RawHttp.get(stub.baseUrl() + "/responses/" + id + "/input_items").statusCode()).isEqualTo(200);
        assertThat(RawHttp.method("DELETE", stub.baseUrl() + "/responses/" + id + "/input_items", "").statusCode())
                .isEqualTo(405);
    }
}
