package dev.gatewaykit.sample.code;

import com.openai.client.OpenAIClient;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import dev.gatewaykit.sample.gateway.GatewayCalls;
import dev.gatewaykit.sample.gateway.RouteModels;
import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.spring.GatewayClient;

import org.springframework.stereotype.Service;

/** Writes code for a task through the CODEX route (Responses API). */
@Service
public class CodeService {

    private static final long MAX_OUTPUT_TOKENS = 2048;

    private static final String INSTRUCTIONS = "You write short, correct Java code for the task. Answer with code only.";

    private final OpenAIClient codex;

    private final GatewayCalls calls;

    private final RouteModels models;

    public CodeService(@GatewayClient(Role.CODEX) OpenAIClient codex, GatewayCalls calls, RouteModels models) {
        this.codex = codex;
        this.calls = calls;
        this.models = models;
    }

    /**
     * Writes code for a task.
     * @param task the task
     * @return the output text
     */
    public CodeResponse write(String task) {
        String model = this.models.model(Role.CODEX);
        ResponseCreateParams params = ResponseCreateParams.builder()
            .model(model)
            .instructions(INSTRUCTIONS)
            .input(task)
            .maxOutputTokens(MAX_OUTPUT_TOKENS)
            .build();
        Response response = this.calls.call(Role.CODEX, () -> this.codex.responses().create(params));
        return new CodeResponse(task, OutputText.of(response), model, response.id());
    }

}
