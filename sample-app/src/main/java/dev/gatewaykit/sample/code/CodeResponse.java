package dev.gatewaykit.sample.code;

/**
 * Answer of {@code POST /api/code}.
 * @param task the task
 * @param code the model's output text
 * @param model the model used
 * @param responseId the Responses API id of the response
 */
public record CodeResponse(String task, String code, String model, String responseId) {
}
