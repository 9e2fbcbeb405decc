package dev.gatewaykit.stub.agent;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatewaykit.stub.GatewayStub;
import dev.gatewaykit.stub.StubMode;
import dev.gatewaykit.stub.support.RawHttp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Tool calls and stored responses work the same in every gateway mode, with the mode's own error shape. */
class AgentModesTest {

    @ParameterizedTest
    @EnumSource(StubMode.class)
    void forcedToolCallStoredResponseAndItsNotFoundInEachMode(StubMode mode) {
        try (GatewayStub stub = GatewayStub.builder().mode(mode).start()) {
            String[] routing = mode.portkey() ? new String[] {"x-portkey-provider", "openai"} : new String[0];
            var created = RawHttp.post(stub.baseUrl() + "/responses", "{\"model\":\"gpt-4o-mini\",\"input\":\"go\","
                    + "\"tools\":[{\"type\":\"function\",\"name\":\"run\",\"parameters\":{\"type\":\"object\","
                    + "\"properties\":{\"cmd\":{\"type\":\"string\"}},\"required\":[\"cmd\"]}}],\"tool_choice\":\"required\"}",
                    routing);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
            JsonNode response = RawHttp.json(created);
            assertThat(response.at("/output/0/type").asText()).isEqualTo("function_call");
            assertThat(response.at("/output/0/name").asText()).isEqualTo("run");

            var stored = RawHttp.get(stub.baseUrl() + "/responses/" + response.get("id").asText(), routing);
            assertThat(stored.statusCode()).isEqualTo(200);
            var missing = RawHttp.get(stub.baseUrl() + "/responses/resp_missing", routing);
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.body()).contains("Response with id 'resp_missing' not found.");
        }
    }
}
