package dev.gatewaykit.stub.agent;

import com.openai.client.OpenAIClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.BadRequestException;
import com.openai.errors.NotFoundException;
import com.openai.helpers.ResponseAccumulator;
import com.openai.models.responses.EasyInputMessage;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseFunctionToolCall;
import com.openai.models.responses.ResponseInputItem;
import com.openai.models.responses.ResponseOutputItem;
import com.openai.models.responses.ResponseStreamEvent;
import com.openai.models.responses.ToolChoiceFunction;
import com.openai.models.responses.ToolChoiceOptions;
import com.openai.models.responses.inputitems.InputItemListParams;
import dev.gatewaykit.stub.GatewayStub;
import dev.gatewaykit.stub.StubMode;
import dev.gatewaykit.stub.junit.GatewayStubTest;
import dev.gatewaykit.stub.scripting.Script;
import dev.gatewaykit.stub.support.Clients;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Responses API function calls and stored responses through openai-java (the CODEX role's agent loop). */
@GatewayStubTest(mode = StubMode.LITELLM)
class ResponsesToolCallsTest {

    /** Arguments of the file-reading tool. */
    public record ReadFile(String path) {
    }

    private final GatewayStub stub;
    private final OpenAIClient client;

    ResponsesToolCallsTest(GatewayStub stub) {
        this.stub = stub;
        this.client = Clients.openAi(stub, Clients.fakeKey());
    }

    private ResponseCreateParams.Builder readFileRequest() {
        return ResponseCreateParams.builder().model("gpt-4o-mini")
                .instructions("You are a coding agent.")
                .input("Summarise README.md")
                .addTool(ReadFile.class);
    }

    private static ResponseFunctionToolCall onlyCall(Response response) {
        List<ResponseOutputItem> output = response.output();
        assertThat(output).hasSize(1);
        return output.get(0).asFunctionCall();
    }

    @Test
    void requiredToolChoiceReturnsAFunctionCallItem() {
        Response response = client.responses().create(readFileRequest().toolChoice(ToolChoiceOptions.REQUIRED).build());

        ResponseFunctionToolCall call = onlyCall(response);
        assertThat(call.id()).hasValueSatisfying(id -> assertThat(id).startsWith("fc_"));
        assertThat(call.callId()).startsWith("call_");
        assertThat(call.name()).isEqualTo("ReadFile");
        assertThat(call.status()).contains(ResponseFunctionToolCall.Status.COMPLETED);
        assertThat(call.arguments(ReadFile.class).path()).isEqualTo("path");
    }

    @Test
    void namedFunctionStreamsAddedDeltasDoneAndCompletedAndAccumulates() {
        stub.script(Script.builder().toolCall("ReadFile", "{\"path\":\"docs/guide/README.md\"}").build());

        ResponseAccumulator accumulator = ResponseAccumulator.create();
        List<String> types = new ArrayList<>();
        try (StreamResponse<ResponseStreamEvent> stream = client.responses().createStreaming(readFileRequest()
                .toolChoice(ToolChoiceFunction.builder().name("ReadFile").build()).build())) {
            stream.stream().forEach(e -> {
                accumulator.accumulate(e);
                types.add(e.isFunctionCallArgumentsDelta() ? "delta" : e.isOutputItemAdded() ? "added"
                        : e.isFunctionCallArgumentsDone() ? "done" : e.isOutputItemDone() ? "item_done"
                        : e.isCompleted() ? "completed" : "other");
            });
        }

        ResponseFunctionToolCall call = onlyCall(accumulator.response());
        assertThat(call.arguments(ReadFile.class).path()).isEqualTo("docs/guide/README.md");
        assertThat(types).containsSubsequence("added", "delta", "delta", "done", "item_done", "completed");
        assertThat(types.stream().filter("delta"::equals).count()).isGreaterThan(2);
    }

    @Test
    void functionCallOutputInTheInputContinuesTheConversation() {
        stub.script(Script.builder().toolCall("ReadFile", "{\"path\":\"README.md\"}").then()
                .reply("The README explains the gateway kit.").build());

        Response first = client.responses().create(readFileRequest().store(false).build());
        ResponseFunctionToolCall call = onlyCall(first);
        Response second = client.responses().create(readFileRequest().store(false).inputOfResponse(List.of(
                ResponseInputItem.ofEasyInputMessage(EasyInputMessage.builder().role(EasyInputMessage.Role.USER)
                        .content("Summarise README.md").build()),
                ResponseInputItem.ofFunctionCall(call),
                ResponseInputItem.ofFunctionCallOutput(ResponseInputItem.FunctionCallOutput.builder()
                        .callId(call.callId()).output("# Gateway kit").build()))).build());

        assertThat(second.output().get(0).asMessage().content().get(0).asOutputText().text())
                .isEqualTo("The README explains the gateway kit.");
    }

    @Test
    void previousResponseIdChainsStoredTurnsAndFunctionCallOutput() {
        stub.script(Script.builder().turn(1).toolCall("ReadFile", "{\"path\":\"README.md\"}").build());
        stub.script(Script.builder().afterToolResult("ReadFile").toolResultContains("# Gateway kit")
                .instructionsContain("coding agent").reply("Done: gateway kit.").build());

        Response first = client.responses().create(readFileRequest().build());
        ResponseFunctionToolCall call = onlyCall(first);
        Response second = client.responses().create(ResponseCreateParams.builder().model("gpt-4o-mini")
                .instructions("You are a coding agent.").previousResponseId(first.id()).addTool(ReadFile.class)
                .inputOfResponse(List.of(ResponseInputItem.ofFunctionCallOutput(ResponseInputItem.FunctionCallOutput
                        .builder().callId(call.callId()).output("# Gateway kit").build()))).build());

        assertThat(second.previousResponseId()).contains(first.id());
        assertThat(second.output().get(0).asMessage().content().get(0).asOutputText().text()).isEqualTo("Done: gateway kit.");
        assertThat(client.responses().retrieve(second.id()).id()).isEqualTo(second.id());
        var items = client.responses().inputItems().list(second.id(), InputItemListParams.builder()
                .order(InputItemListParams.Order.ASC).build()).data();
        assertThat(items).hasSize(1);
        assertThat(items.get(0).isFunctionCallOutput()).isTrue();
    }

    @Test
    void deletedOrUnknownResponsesAreNotFound() {
        Response first = client.responses().create(readFileRequest().build());
        client.responses().delete(first.id());

        assertThatThrownBy(() -> client.responses().retrieve(first.id())).isInstanceOf(NotFoundException.class)
                .hasMessageContaining(first.id());
        assertThatThrownBy(() -> client.responses().create(ResponseCreateParams.builder().model("gpt-4o-mini")
                .previousResponseId(first.id()).input("again").build()))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("Previous response with id");
        assertThatThrownBy(() -> client.responses().retrieve("resp_unknown")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void storeFalseKeepsNothing() {
        Response first = client.responses().create(readFileRequest().store(false).build());
        assertThat(first._additionalProperties().get("store").asBoolean()).contains(false);
        assertThatThrownBy(() -> client.responses().retrieve(first.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void unknownCallIdInFunctionCallOutputIsRejected() {
        assertThatThrownBy(() -> client.responses().create(ResponseCreateParams.builder().model("gpt-4o-mini")
                .inputOfResponse(List.of(ResponseInputItem.ofFunctionCallOutput(ResponseInputItem.FunctionCallOutput
                        .builder().callId("call_nobody").output("x").build()))).build()))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("No tool call found for function call output with call_id call_nobody");
    }

    @Test
    void streamedTextAndParallelCallsAccumulateInOrder() {
        stub.script(Script.builder().reply("Reading both.").toolCall("ReadFile", "{\"path\":\"a.md\"}")
                .toolCall("ReadFile", "{\"path\":\"b.md\"}").build());

        ResponseAccumulator accumulator = ResponseAccumulator.create();
        try (StreamResponse<ResponseStreamEvent> stream = client.responses().createStreaming(readFileRequest().build())) {
            stream.stream().forEach(accumulator::accumulate);
        }

        List<ResponseOutputItem> output = accumulator.response().output();
        assertThat(output).hasSize(3);
        assertThat(output.get(0).asMessage().content().get(0).asOutputText().text()).isEqualTo("Reading both.");
        assertThat(output.get(1).asFunctionCall().arguments(ReadFile.class).path()).isEqualTo("a.md");
        assertThat(output.get(2).asFunctionCall().arguments(ReadFile.class).path()).isEqualTo("b.md");
        assertThat(output.get(1).asFunctionCall().callId()).isNotEqualTo(output.get(2).asFunctionCall().callId());
    }
}
