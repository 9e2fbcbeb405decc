package dev.gatewaykit.sample.agent;

import java.util.ArrayList;
import java.util.List;

import com.openai.client.OpenAIClient;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseFunctionToolCall;
import com.openai.models.responses.ResponseInputItem;
import dev.gatewaykit.sample.code.OutputText;
import dev.gatewaykit.sample.gateway.GatewayCalls;
import dev.gatewaykit.sample.gateway.RouteModels;
import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.spring.GatewayClient;

import org.springframework.stereotype.Service;

/**
 * A function-calling loop on the CODEX route (Responses API): the model gets the task and the {@code read_file}
 * function; while its answer holds {@code function_call} items the app runs each one and sends the outputs back as
 * {@code function_call_output} items, continuing the stored conversation with {@code previous_response_id}; the
 * first answer without calls is the result.
 */
@Service
public class AgentService {

    /** Most model calls one task may take. */
    public static final int MAX_TURNS = 6;

    private static final long MAX_OUTPUT_TOKENS = 2048;

    private final OpenAIClient codex;

    private final GatewayCalls calls;

    private final RouteModels models;

    private final ReadFileTool readFile;

    public AgentService(@GatewayClient(Role.CODEX) OpenAIClient codex, GatewayCalls calls, RouteModels models,
            ReadFileTool readFile) {
        this.codex = codex;
        this.calls = calls;
        this.models = models;
        this.readFile = readFile;
    }

    /**
     * Runs the loop for a task.
     * @param task the task
     * @return the final answer and the calls that led to it
     * @throws AgentTurnLimitException when the model still calls functions after {@link #MAX_TURNS} turns
     */
    public AgentResponse run(String task) {
        String model = this.models.model(Role.CODEX);
        List<ToolStep> steps = new ArrayList<>();
        Response response = create(request(model).input(task));
        for (int turn = 1;; turn++) {
            List<ResponseFunctionToolCall> functionCalls = functionCalls(response);
            if (functionCalls.isEmpty()) {
                return new AgentResponse(task, OutputText.of(response), model, turn, List.copyOf(steps),
                        response.id());
            }
            if (turn == MAX_TURNS) {
                throw new AgentTurnLimitException(model, turn, response.id());
            }
            List<ResponseInputItem> outputs = new ArrayList<>();
            for (ResponseFunctionToolCall call : functionCalls) {
                String output = run(call);
                steps.add(new ToolStep(turn, call.name(), call.arguments(), output));
                outputs.add(ResponseInputItem.ofFunctionCallOutput(
                        ResponseInputItem.FunctionCallOutput.builder().callId(call.callId()).output(output).build()));
            }
            response = create(request(model).previousResponseId(response.id()).inputOfResponse(outputs));
        }
    }

    // Instructions and tools do not carry over a previous_response_id: every turn sends them again.
    private ResponseCreateParams.Builder request(String model) {
        ResponseCreateParams.Builder params = ResponseCreateParams.builder()
            .model(model)
            .instructions(instructions())
            .maxOutputTokens(MAX_OUTPUT_TOKENS);
        return this.readFile.offer(params);
    }

    private String instructions() {
        return "You are a file assistant for the openai-gateway-kit documentation. Read the files you need with "
                + ReadFileTool.NAME + " before you answer, then answer briefly and name the files you read. Files: "
                + String.join(", ", this.readFile.files()) + ".";
    }

    private Response create(ResponseCreateParams.Builder params) {
        ResponseCreateParams built = params.build();
        return this.calls.call(Role.CODEX, () -> this.codex.responses().create(built));
    }

    private String run(ResponseFunctionToolCall call) {
        if (call.name().equals(ReadFileTool.NAME)) {
            return this.readFile.run(call);
        }
        return "error: no function '" + call.name() + "'; the only function is " + ReadFileTool.NAME;
    }

    private static List<ResponseFunctionToolCall> functionCalls(Response response) {
        return response.output().stream().flatMap((item) -> item.functionCall().stream()).toList();
    }

}
