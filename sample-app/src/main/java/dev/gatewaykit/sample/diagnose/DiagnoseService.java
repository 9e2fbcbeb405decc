package dev.gatewaykit.sample.diagnose;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.openai.client.OpenAIClient;
import com.openai.models.ResponseFormatJsonSchema;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessage;
import dev.gatewaykit.sample.gateway.JsonSchemas;
import dev.gatewaykit.sample.gateway.GatewayCalls;
import dev.gatewaykit.sample.gateway.RouteModels;
import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.spring.GatewayClient;

import org.springframework.stereotype.Service;

/**
 * A structured-output call on the LLM route: Chat Completions with {@code response_format} {@code json_schema}
 * ({@link Diagnosis#SCHEMA}, strict), the reply read into the {@link Diagnosis} record.
 */
@Service
public class DiagnoseService {

    private static final String INSTRUCTIONS = "You diagnose configuration problems of Java applications that call "
            + "OpenAI through a LiteLLM or Portkey proxy with openai-gateway-kit. Embeddings use the internal route "
            + "(OPENAI_INTERNAL_BASE_URL, OPENAI_INTERNAL_API_KEY); chat and code use the public route "
            + "(OPENAI_BASE_URL, OPENAI_API_KEY). Name the route, the likely cause and the steps to fix it.";

    private static final long MAX_COMPLETION_TOKENS = 1024;

    private static final ResponseFormatJsonSchema FORMAT = ResponseFormatJsonSchema.builder()
        .jsonSchema(ResponseFormatJsonSchema.JsonSchema.builder()
            .name("diagnosis")
            .schema(ResponseFormatJsonSchema.JsonSchema.Schema.builder()
                .putAllAdditionalProperties(JsonSchemas.keywords(Diagnosis.SCHEMA))
                .build())
            .strict(true)
            .build())
        .build();

    private final OpenAIClient llm;

    private final GatewayCalls calls;

    private final RouteModels models;

    public DiagnoseService(@GatewayClient(Role.LLM) OpenAIClient llm, GatewayCalls calls, RouteModels models) {
        this.llm = llm;
        this.calls = calls;
        this.models = models;
    }

    /**
     * Diagnoses a problem.
     * @param problem the problem as a user describes it
     * @return the parsed diagnosis
     * @throws DiagnosisUnreadableException when the model refuses or its JSON does not fit the schema
     */
    public DiagnoseResponse diagnose(String problem) {
        String model = this.models.model(Role.LLM);
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
            .model(model)
            .addSystemMessage(INSTRUCTIONS)
            .addUserMessage(problem)
            .maxCompletionTokens(MAX_COMPLETION_TOKENS)
            .responseFormat(FORMAT)
            .build();
        ChatCompletion completion = this.calls.call(Role.LLM, () -> this.llm.chat().completions().create(params));
        ChatCompletionMessage message = completion.choices()
            .stream()
            .findFirst()
            .orElseThrow(() -> new DiagnosisUnreadableException(model, "The gateway answered without choices.", null))
            .message();
        if (message.refusal().isPresent()) {
            throw new DiagnosisUnreadableException(model, "The model refused: " + message.refusal().get(), null);
        }
        String json = message.content()
            .orElseThrow(() -> new DiagnosisUnreadableException(model, "The model answered without content.", null));
        try {
            return new DiagnoseResponse(problem, JsonSchemas.read(json, Diagnosis.class), model);
        }
        catch (JsonProcessingException ex) {
            throw new DiagnosisUnreadableException(model,
                    "The model's JSON does not fit the Diagnosis schema: " + ex.getOriginalMessage(), ex);
        }
    }

}
