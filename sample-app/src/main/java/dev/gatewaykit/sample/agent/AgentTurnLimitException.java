package dev.gatewaykit.sample.agent;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The model kept calling functions past the loop's turn limit: a 502 problem, the model (not the caller) failed. */
public class AgentTurnLimitException extends ErrorResponseException {

    AgentTurnLimitException(String model, int turns, String lastResponseId) {
        super(HttpStatus.BAD_GATEWAY, problem(model, turns, lastResponseId), null);
    }

    private static ProblemDetail problem(String model, int turns, String lastResponseId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, "The model " + model
                + " still asked for function calls after " + turns + " turns; the agent stopped without an answer.");
        problem.setTitle("Agent did not finish");
        problem.setType(URI.create("urn:gatewaykit:sample:agent-turn-limit"));
        problem.setProperty("role", "CODEX");
        problem.setProperty("turns", turns);
        problem.setProperty("responseId", lastResponseId);
        return problem;
    }

}
