package dev.gatewaykit.sample.agent;

import java.util.List;

/**
 * Answer of {@code POST /api/agent}.
 * @param task the task
 * @param answer the model's final text
 * @param model the model used
 * @param turns how many model calls the loop made
 * @param toolCalls the function calls the app ran, in order
 * @param responseId the Responses API id of the final response
 */
public record AgentResponse(String task, String answer, String model, int turns, List<ToolStep> toolCalls,
        String responseId) {
}
