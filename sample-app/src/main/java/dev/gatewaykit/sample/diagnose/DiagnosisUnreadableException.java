package dev.gatewaykit.sample.diagnose;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The model answered, but not with a {@link Diagnosis}: a refusal, or JSON that does not fit the schema (502). */
public class DiagnosisUnreadableException extends ErrorResponseException {

    DiagnosisUnreadableException(String model, String detail, Throwable cause) {
        super(HttpStatus.BAD_GATEWAY, problem(model, detail), cause);
    }

    private static ProblemDetail problem(String model, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, detail);
        problem.setTitle("The model's answer is not a diagnosis");
        problem.setType(URI.create("urn:gatewaykit:sample:structured-output-unreadable"));
        problem.setProperty("role", "LLM");
        problem.setProperty("model", model);
        return problem;
    }

}
