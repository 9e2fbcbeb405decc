package dev.gatewaykit.stub.agent;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatewaykit.stub.GatewayStub;
import dev.gatewaykit.stub.scripting.Script;
import dev.gatewaykit.stub.support.RawHttp;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Stored responses and recorded calls stay within their bounds; conversation matchers over Responses input. */
class ConversationStateLimitsTest {

    private static String respond(GatewayStub stub, String body) {
        return RawHttp.json(RawHttp.post(stub.baseUrl() + "/responses", body)).path("id").asText();
    }

    @Test
    void oldestStoredResponsesAreEvictedBeyondTheLimit() {
        try (GatewayStub stub = GatewayStub.builder().agentLimits(new AgentLimits(2, 1 << 20, 3, 1, 100)).start()) {
            String first = respond(stub, "{\"model\":\"gpt-4o-mini\",\"input\":\"one\"}");
            String second = respond(stub, "{\"model\":\"gpt-4o-mini\",\"input\":\"two\"}");
            String third = respond(stub, "{\"model\":\"gpt-4o-mini\",\"input\":\"three\"}");
            respond(stub, "{\"model\":\"gpt-4o-mini\",\"input\":\"four\"}");

            assertThat(RawHttp.get(stub.baseUrl() + "/responses/" + first).statusCode()).isEqualTo(404);
            assertThat(RawHttp.get(stub.baseUrl() + "/responses/" + second).statusCode()).isEqualTo(404);
            assertThat(RawHttp.get(stub.baseUrl() + "/responses/" + third).statusCode()).isEqualTo(200);
            assertThat(stub.calls()).hasSize(3);
            assertThat(RawHttp.json(RawHttp.get(stub.origin() + "/__stub/calls")).path("dropped").asInt()).isEqualTo(1);
        }
    }

    @Test
    void turnLastRoleAndToolMatchersReadResponsesInput() {
        try (GatewayStub stub = GatewayStub.builder().start()) {
            stub.script(Script.builder().hasTools(false).turn(2).reply("second turn, no tools").build());
            stub.script(Script.builder().afterToolCallId("call_a").reply("answered call_a").build());
            String input = "[{\"role\":\"user\",\"content\":\"hi\"},{\"type\":\"function_call\",\"call_id\":\"call_a\","
                    + "\"name\":\"f\",\"arguments\":\"{}\"},{\"type\":\"function_call_output\",\"call_id\":\"call_a\",\"output\":\"ok\"}]";
            JsonNode withTools = RawHttp.json(RawHttp.post(stub.baseUrl() + "/responses", "{\"model\":\"gpt-4o-mini\","
                    + "\"input\":" + input + ",\"tools\":[{\"type\":\"function\",\"name\":\"f\"}]}"));
            JsonNode noTools = RawHttp.json(RawHttp.post(stub.baseUrl() + "/responses", "{\"model\":\"gpt-4o-mini\","
                    + "\"input\":[{\"role\":\"user\",\"content\":\"a\"},{\"role\":\"assistant\",\"content\":\"b\"},"
                    + "{\"role\":\"user\",\"content\":\"c\"}]}"));

            assertThat(withTools.at("/output/0/content/0/text").asText()).isEqualTo("answered call_a");
            assertThat(noTools.at("/output/0/content/0/text").asText()).isEqualTo("second turn, no tools");
        }
    }

    @Test
    void storedResponsesStayWithinTheirSizeBound() {
        try (GatewayStub stub = GatewayStub.builder().agentLimits(new AgentLimits(100, 30_000, 10, 10, 100)).start()) {
            String big = "x".repeat(4000);
            String first = respond(stub, "{\"model\":\"gpt-4o-mini\",\"input\":\"" + big + "\"}");
            for (int i = 0; i < 5; i++) {
                respond(stub, "{\"model\":\"gpt-4o-mini\",\"input\":\"" + big + i + "\"}");
            }
            assertThat(RawHttp.get(stub.baseUrl() + "/responses/" + first).statusCode()).isEqualTo(404);
            String tooBig = respond(stub, "{\"model\":\"gpt-4o-mini\",\"input\":\"" + "y".repeat(20_000) + "\"}");
            assertThat(RawHttp.get(stub.baseUrl() + "/responses/" + tooBig).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void aRecordedCallKeepsItsNewestMessagesWithinItsTextBudget() {
        try (GatewayStub stub = GatewayStub.builder().agentLimits(new AgentLimits(10, 1 << 20, 10, 10, 50)).start()) {
            StringBuilder messages = new StringBuilder();
            for (int i = 0; i < 40; i++) {
                messages.append(i == 0 ? "" : ",").append("{\"role\":\"user\",\"content\":\"message number ")
                        .append(i).append(" padded to twenty\"}");
            }
            RawHttp.post(stub.baseUrl() + "/chat/completions", "{\"model\":\"gpt-4o-mini\",\"messages\":[" + messages + "]}");
            var kept = stub.calls().get(0).messages();
            assertThat(kept.size()).isBetween(5, 11);
            assertThat(kept.get(kept.size() - 1).text()).contains("message number 39");
        }
    }
}
