package dev.gatewaykit.sample.e2e;

import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatewaykit.sample.agent.AgentRequest;
import dev.gatewaykit.sample.ask.AskRequest;
import dev.gatewaykit.sample.code.CodeRequest;
import dev.gatewaykit.sample.diagnose.DiagnoseRequest;
import dev.gatewaykit.sample.e2e.AppHttp.Reply;
import dev.gatewaykit.sample.search.SearchRequest;
import dev.gatewaykit.sample.summary.SummaryRequest;
import dev.gatewaykit.spring.test.AutoConfigureGatewayStub;
import dev.gatewaykit.stub.GatewayStub;
import dev.gatewaykit.stub.StubMode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static dev.gatewaykit.sample.e2e.ProblemAssertions.assertProblemJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Empty and oversized input is refused with 400 problem+json naming the field, before any gateway call.
 * (Same configuration as {@link OpenAiModeE2ETest}, so both share one application context.)
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "openai.dotenv.enabled=false")
@AutoConfigureGatewayStub(mode = StubMode.OPENAI)
class BadInputE2ETest extends RunningAppTest {

    @Autowired
    GatewayStub stub;

    @BeforeEach
    void resetStub() {
        this.stub.reset();
    }

    static Stream<Arguments> invalidBodies() {
        return Stream.of(arguments("/api/search", "{\"query\":\"\"}", "query"),
                arguments("/api/search", "{\"query\":\"   \"}", "query"),
                arguments("/api/search", "{}", "query"),
                arguments("/api/search", json("query", SearchRequest.MAX_QUERY + 1), "query"),
                arguments("/api/search", "{\"query\":\"ok\",\"k\":0}", "k"),
                arguments("/api/search", "{\"query\":\"ok\",\"k\":" + (SearchRequest.MAX_K + 1) + "}", "k"),
                arguments("/api/ask", "{\"question\":\"\"}", "question"),
                arguments("/api/ask", json("question", AskRequest.MAX_QUESTION + 1), "question"),
                arguments("/api/code", "{\"task\":\" \"}", "task"),
                arguments("/api/code", json("task", CodeRequest.MAX_TASK + 1), "task"),
                arguments("/api/agent", "{\"task\":\"\"}", "task"),
                arguments("/api/agent", json("task", AgentRequest.MAX_TASK + 1), "task"),
                arguments("/api/diagnose", "{}", "problem"),
                arguments("/api/diagnose", json("problem", DiagnoseRequest.MAX_PROBLEM + 1), "problem"),
                arguments("/api/summarize", "{\"documentId\":\" \"}", "documentId"),
                arguments("/api/summarize", json("documentId", SummaryRequest.MAX_ID + 1), "documentId"));
    }

    @ParameterizedTest(name = "{0} {1} -> 400 naming {2}")
    @MethodSource("invalidBodies")
    void invalidBodyIsRejectedWithProblemJsonNamingTheField(String path, String body, String field) {
        Reply reply = this.http.post(path, body);

        assertInvalid(reply, field);
    }

    static Stream<Arguments> invalidQuestions() {
        return Stream.of(arguments("", "empty"), arguments("x".repeat(AskRequest.MAX_QUESTION + 1), "oversized"));
    }

    @ParameterizedTest(name = "stream with {1} question -> 400")
    @MethodSource("invalidQuestions")
    void invalidStreamQuestionIsRejectedBeforeTheStreamStarts(String question, String what) {
        Reply reply = this.http.stream(question);

        assertInvalid(reply, "question");
    }

    @Test
    void malformedJsonIsRejectedWithProblemJson() {
        Reply reply = this.http.post("/api/search", "{\"query\":");

        assertThat(assertProblemJson(reply, 400).path("status").asInt()).isEqualTo(400);
        assertThat(this.stub.journal()).isEmpty();
    }

    @Test
    void missingStreamQuestionIsRejectedWithProblemJson() {
        Reply reply = this.http.get("/api/ask/stream");

        assertThat(assertProblemJson(reply, 400).path("detail").asText()).contains("question");
    }

    private void assertInvalid(Reply reply, String field) {
        JsonNode problem = assertProblemJson(reply, 400);
        assertThat(problem.path("title").asText()).isEqualTo("Invalid request");
        assertThat(problem.path("errors")).isNotEmpty();
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo(field);
        assertThat(problem.path("errors").get(0).path("message").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).startsWith(field + " ");
        // Refused before any gateway call: nothing reached the stub.
        assertThat(this.stub.journal()).isEmpty();
    }

    private static String json(String field, int length) {
        return "{\"" + field + "\":\"" + "x".repeat(length) + "\"}";
    }

}
