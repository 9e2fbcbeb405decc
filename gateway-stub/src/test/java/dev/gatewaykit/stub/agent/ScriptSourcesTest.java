package dev.gatewaykit.stub.agent;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatewaykit.stub.GatewayStub;
import dev.gatewaykit.stub.StubMode;
import dev.gatewaykit.stub.junit.GatewayStubTest;
import dev.gatewaykit.stub.support.RawHttp;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Tool-call scripts from the admin API and from a config file loaded by the JUnit extension, over raw HTTP. */
@GatewayStubTest(mode = StubMode.OPENAI, config = "/agent-scripts.json")
class ScriptSourcesTest {

    private static final String TOOLS = "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"read_file\","
            + "\"parameters\":{\"type\":\"object\",\"properties\":{\"path\":{\"type\":\"string\"}},\"required\":[\"path\"]}}}]";

    @Test
    void configFileSequenceCallsTheToolThenAnswersAfterItsOutput(GatewayStub stub) {
        String system = "{\"role\":\"system\",\"content\":\"You are a file assistant.\"}";
        String user = "{\"role\":\"user\",\"content\":\"What do my notes say?\"}";
        JsonNode first = RawHttp.json(RawHttp.post(stub.baseUrl() + "/chat/completions",
                "{\"model\":\"gpt-4o-mini\",\"messages\":[" + system + "," + user + "]," + TOOLS + "}"));
        JsonNode call = first.at("/choices/0/message/tool_calls/0");
        assertThat(call.at("/function/name").asText()).isEqualTo("read_file");
        assertThat(RawHttp.json(call.at("/function/arguments").asText()).at("/path").asText()).isEqualTo("notes.txt");
        assertThat(first.at("/choices/0/finish_reason").asText()).isEqualTo("tool_calls");

        String assistant = RawHttp.JSON.createObjectNode().put("role", "assistant").putNull("content")
                .set("tool_calls", first.at("/choices/0/message/tool_calls")).toString();
        String tool = "{\"role\":\"tool\",\"tool_call_id\":\"" + call.at("/id").asText() + "\",\"content\":\"buy milk\"}";
        JsonNode second = RawHttp.json(RawHttp.post(stub.baseUrl() + "/chat/completions",
                "{\"model\":\"gpt-4o-mini\",\"messages\":[" + system + "," + user + "," + assistant + "," + tool + "],"
                        + TOOLS + "}"));
        assertThat(second.at("/choices/0/message/content").asText()).isEqualTo("The notes say: buy milk.");
    }

    @Test
    void adminApiScriptRepliesWithTextAndToolCalls(GatewayStub stub) {
        var added = RawHttp.post(stub.origin() + "/__stub/scripts", "{\"match\":{\"path\":\"/responses\",\"turn\":1},"
                + "\"reply\":\"Looking.\",\"toolCalls\":[{\"name\":\"read_file\"},"
                + "{\"name\":\"read_file\",\"arguments\":\"{\\\"path\\\":\\\"b.txt\\\"}\",\"id\":\"call_fixed\"}]}");
        assertThat(added.statusCode()).isEqualTo(200);

        JsonNode response = RawHttp.json(RawHttp.post(stub.baseUrl() + "/responses",
                "{\"model\":\"gpt-4o-mini\",\"input\":\"read both\",\"tools\":[{\"type\":\"function\",\"name\":\"read_file\","
                        + "\"parameters\":{\"type\":\"object\",\"properties\":{\"path\":{\"type\":\"string\"}}}}]}"));
        assertThat(response.at("/output/0/type").asText()).isEqualTo("message");
        assertThat(response.at("/output/0/content/0/text").asText()).isEqualTo("Looking.");
        assertThat(response.at("/output/1/type").asText()).isEqualTo("function_call");
        assertThat(RawHttp.json(response.at("/output/1/arguments").asText()).at("/path").asText()).isEqualTo("path");
        assertThat(response.at("/output/2/call_id").asText()).isEqualTo("call_fixed");
        assertThat(response.at("/output/2/id").asText()).startsWith("fc_");
    }

    @Test
    void adminApiRejectsAScriptWithoutAnyReplyNamingTheFields(GatewayStub stub) {
        var rejected = RawHttp.post(stub.origin() + "/__stub/scripts", "{\"match\":{\"turn\":2}}");
        assertThat(rejected.statusCode()).isEqualTo(400);
        assertThat(RawHttp.json(rejected).at("/error/message").asText()).contains("toolCalls").contains("sequence");
    }
}
