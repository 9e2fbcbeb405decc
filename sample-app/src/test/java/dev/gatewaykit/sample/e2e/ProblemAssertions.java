package dev.gatewaykit.sample.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatewaykit.sample.e2e.AppHttp.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions on the app's {@code application/problem+json} answers. */
final class ProblemAssertions {

    private ProblemAssertions() {
    }

    /** Asserts a problem+json answer with {@code status}; returns its body. */
    static JsonNode assertProblemJson(Reply reply, int status) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        return reply.json();
    }

    /** Asserts a gateway problem with {@code status} about a call of {@code role} that failed as {@code kind}. */
    static JsonNode assertGatewayProblem(Reply reply, int status, String kind, String role) {
        JsonNode problem = assertProblemJson(reply, status);
        assertThat(problem.path("kind").asText()).isEqualTo(kind);
        assertThat(problem.path("role").asText()).isEqualTo(role);
        return problem;
    }

}
