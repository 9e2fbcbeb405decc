package dev.gatewaykit.stub.record;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatewaykit.stub.GatewayStub;
import dev.gatewaykit.stub.junit.GatewayStubTest;
import dev.gatewaykit.stub.support.RawHttp;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A committed fixture replayed through {@code @GatewayStubTest(replay = ...)}. */
@GatewayStubTest(replay = "src/test/resources/fixtures/agent-replay")
class AnnotatedReplayTest {

    @Test
    void theCommittedToolCallIsServedWithItsRecordedIdsAndHeaders(GatewayStub stub) {
        var r = RawHttp.post(stub.baseUrl() + "/chat/completions", "{\"model\":\"gpt-4o-mini\",\"tools\":[{\"type\":"
                + "\"function\",\"function\":{\"name\":\"read_file\",\"parameters\":{\"type\":\"object\",\"properties\":"
                + "{\"path\":{\"type\":\"string\"}}}}}],\"messages\":[{\"role\":\"user\",\"content\":\"What is in notes.txt?\"}]}");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("x-litellm-call-id")).contains("0c7c4bb7-5b3e-4a2e-9f61-3a4c1b7d2e10");
        JsonNode call = RawHttp.json(r).at("/choices/0/message/tool_calls/0");
        assertThat(call.at("/id").asText()).isEqualTo("call_recorded0001");
        assertThat(call.at("/function/arguments").asText()).isEqualTo("{\"path\":\"notes.txt\"}");
    }
}
