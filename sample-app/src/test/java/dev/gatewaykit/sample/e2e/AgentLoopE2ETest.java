package dev.gatewaykit.sample.e2e;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatewaykit.sample.agent.AgentService;
import dev.gatewaykit.sample.agent.ReadFileTool;
import dev.gatewaykit.sample.e2e.AppHttp.Reply;
import dev.gatewaykit.spring.test.AutoConfigureGatewayStub;
import dev.gatewaykit.stub.GatewayStub;
import dev.gatewaykit.stub.StubMode;
import dev.gatewaykit.stub.conversation.Message;
import dev.gatewaykit.stub.journal.JournalEntry;
import dev.gatewaykit.stub.scripting.Script;
import dev.gatewaykit.stub.verify.RecordedCall;
import dev.gatewaykit.stub.verify.Verification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static dev.gatewaykit.sample.e2e.ProblemAssertions.assertProblemJson;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CODEX agent loop over real HTTP against the stub, with the model's turns scripted: the model calls
 * {@code read_file}, the app runs it and sends {@code function_call_output} back under {@code previous_response_id},
 * the model answers. The stub's verification API checks which calls the model made and which outputs the app sent.
 * (Same configuration as {@link OpenAiModeE2ETest}, so both share one application context.)
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "openai.dotenv.enabled=false")
@AutoConfigureGatewayStub(mode = StubMode.OPENAI)
class AgentLoopE2ETest extends RunningAppTest {

    private static final String TASK = "Which variable sets the embeddings route?";

    @Autowired
    GatewayStub stub;

    @BeforeEach
    void resetStub() {
        this.stub.reset();
    }

    @Test
    void theAppRunsTheFunctionTheModelCallsAndTheModelAnswersWithItsOutput() {
        this.stub.script(Script.builder().path("/responses").hasTools(true).turn(1)
            .toolCall(ReadFileTool.NAME, "{\"path\":\"routes\"}")
            .then().reply("OPENAI_INTERNAL_BASE_URL sets it (read: routes).").build());

        Reply reply = this.http.postJson("/api/agent", Map.of("task", TASK));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonNode body = reply.json();
        assertThat(body.path("answer").asText()).isEqualTo("OPENAI_INTERNAL_BASE_URL sets it (read: routes).");
        assertThat(body.path("model").asText()).isEqualTo("gpt-4.1-mini");
        assertThat(body.path("turns").asInt()).isEqualTo(2);
        assertThat(body.path("toolCalls")).singleElement().satisfies((step) -> {
            assertThat(step.path("turn").asInt()).isEqualTo(1);
            assertThat(step.path("name").asText()).isEqualTo("read_file");
            assertThat(step.path("output").asText()).startsWith("# Two routes\n").contains("OPENAI_INTERNAL_BASE_URL");
        });

        Verification verify = this.stub.verify();
        verify.toolCalled("read_file").withArguments((arguments) -> arguments.path("path").asText().equals("routes"))
            .times(1);
        verify.toolOutputSent("read_file")
            .withArguments((output) -> output.asText().startsWith("# Two routes") && output.asText()
                .contains("OPENAI_INTERNAL_BASE_URL"))
            .times(1);
        verify.requests().path("/responses").model("gpt-4.1-mini").times(2);
        verify.noSchemaMismatches();

        List<RecordedCall> conversation = verify.conversation();
        assertThat(conversation).hasSize(2);
        assertThat(conversation.get(0).toolNames()).containsExactly("read_file");
        assertThat(conversation.get(0).toolCalls()).hasSize(1);
        assertThat(conversation.get(1).toolResults()).singleElement()
            .satisfies((result) -> assertThat(result.text()).startsWith("# Two routes"));
        assertThat(conversation.get(1).replyText()).isEqualTo(body.path("answer").asText());
        // The second turn continues the stored first one: only the function's output travels, under its call id.
        JsonNode second = readTree(responsesRequests().get(1).requestBody());
        assertThat(second.path("previous_response_id").asText()).startsWith("resp_");
        assertThat(second.path("input")).singleElement().satisfies((item) -> {
            assertThat(item.path("type").asText()).isEqualTo("function_call_output");
            assertThat(item.path("call_id").asText()).isEqualTo(conversation.get(0).toolCalls().get(0).id());
        });
    }

    @Test
    void parallelCallsAreAllRunAndTheirOutputsSentBackInOneTurn() {
        this.stub.script(Script.builder().path("/responses").hasTools(true).turn(1)
            .toolCall(ReadFileTool.NAME, "{\"path\":\"routes\"}")
            .toolCall(ReadFileTool.NAME, "{\"path\":\"key-rule\"}")
            .then().reply("Both read.").build());

        Reply reply = this.http.postJson("/api/agent", Map.of("task", TASK));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().path("turns").asInt()).isEqualTo(2);
        assertThat(reply.json().path("toolCalls")).hasSize(2);
        Verification verify = this.stub.verify();
        verify.toolCalled("read_file").times(2);
        verify.toolOutputSent("read_file").withArguments((output) -> output.asText().startsWith("# Keys stay"))
            .times(1);
        verify.toolOutputSent("read_file").times(2);
        assertThat(verify.conversation().get(1).toolResults()).extracting(Message::text)
            .allSatisfy((text) -> assertThat(text).startsWith("# "));
        verify.requests().path("/responses").times(2);
    }

    @Test
    void anUnknownFileIsReportedToTheModelWhichCanCorrectItself() {
        this.stub.script(Script.builder().path("/responses").hasTools(true).turn(1)
            .toolCall(ReadFileTool.NAME, "{\"path\":\"README.md\"}")
            .then().toolCall(ReadFileTool.NAME, "{\"path\":\"routes\"}")
            .then().reply("Found it in routes.").build());

        Reply reply = this.http.postJson("/api/agent", Map.of("task", TASK));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().path("turns").asInt()).isEqualTo(3);
        assertThat(reply.json().path("answer").asText()).isEqualTo("Found it in routes.");
        Verification verify = this.stub.verify();
        verify.toolOutputSent("read_file")
            .withArguments((output) -> output.asText().startsWith("error: no file 'README.md'; the files are routes,"))
            .times(1);
        verify.toolOutputSent("read_file").withArguments((output) -> output.asText().startsWith("# Two routes"))
            .times(1);
    }

    @Test
    void aModelThatNeverStopsCallingFunctionsEndsIn502AfterTheTurnLimit() {
        this.stub.script(Script.builder().path("/responses").hasTools(true)
            .toolCall(ReadFileTool.NAME, "{\"path\":\"routes\"}").build());

        Reply reply = this.http.postJson("/api/agent", Map.of("task", TASK));

        JsonNode problem = assertProblemJson(reply, 502);
        assertThat(problem.path("title").asText()).isEqualTo("Agent did not finish");
        assertThat(problem.path("turns").asInt()).isEqualTo(AgentService.MAX_TURNS);
        assertThat(problem.path("role").asText()).isEqualTo("CODEX");
        assertThat(problem.path("detail").asText()).contains("gpt-4.1-mini");
        this.stub.verify().toolCalled("read_file").times(AgentService.MAX_TURNS);
        this.stub.verify().requests().path("/responses").times(AgentService.MAX_TURNS);
    }

    @Test
    void theOfferedFunctionHasTheSchemaOfItsArgumentsRecord() {
        this.stub.script(Script.builder().path("/responses").hasTools(true).reply("No file needed.").build());

        Reply reply = this.http.postJson("/api/agent", Map.of("task", TASK));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().path("turns").asInt()).isEqualTo(1);
        assertThat(reply.json().path("toolCalls")).isEmpty();
        JsonNode tool = readTree(responsesRequests().get(0).requestBody()).path("tools").get(0);
        assertThat(tool.path("type").asText()).isEqualTo("function");
        assertThat(tool.path("name").asText()).isEqualTo("read_file");
        assertThat(tool.path("strict").asBoolean()).isTrue();
        assertThat(tool.path("parameters").path("required")).extracting(JsonNode::asText).containsExactly("path");
    }

    private List<JournalEntry> responsesRequests() {
        return this.stub.journal().stream().filter((entry) -> entry.path().equals("/v1/responses")).toList();
    }

    private static JsonNode readTree(String json) {
        try {
            return AppHttp.JSON.readTree(json);
        }
        catch (java.io.IOException ex) {
            throw new AssertionError(ex);
        }
    }

}
