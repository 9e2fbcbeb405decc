package dev.gatewaykit.sample.agent;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/agent}.
 * @param task the question about the corpus files
 */
public record AgentRequest(@NotBlank @Size(max = MAX_TASK) String task) {

    /** Longest accepted task, in characters. */
    public static final int MAX_TASK = 4000;

}
