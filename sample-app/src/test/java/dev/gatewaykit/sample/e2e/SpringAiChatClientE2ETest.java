package dev.gatewaykit.sample.e2e;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatewaykit.sample.e2e.AppHttp.Reply;
import dev.gatewaykit.spring.test.AutoConfigureGatewayStub;
import dev.gatewaykit.stub.GatewayStub;
import dev.gatewaykit.stub.StubMode;
import dev.gatewaykit.stub.journal.JournalEntry;
import dev.gatewaykit.stub.scripting.Fault;
import dev.gatewaykit.stub.verify.RecordedCall;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static dev.gatewaykit.sample.e2e.ProblemAssertions.assertProblemJson;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/summarize}, the service written against Spring AI's {@code ChatClient}, over real HTTP against
 * the stub: it takes the same LLM route (URL, key, model) as the openai-java services, and its failures are
 * explained the same way. (Same configuration as {@link OpenAiModeE2ETest}: one shared context.)
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "openai.dotenv.enabled=false")
@AutoConfigureGatewayStub(mode = StubMode.OPENAI)
class SpringAiChatClientE2ETest extends RunningAppTest {

    @Autowired
    GatewayStub stub;

    @BeforeEach
    void resetStub() {
        this.stub.reset();
    }

    @Test
    void chatClientCallTakesTheLlmRouteWithTheDocumentAsContext() {
        Reply reply = this.http.postJson("/api/summarize", Map.of("documentId", "routes"));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonNode body = reply.json();
        assertThat(body.path("title").asText()).isEqualTo("Two routes");
        // The stub echoes the last user message; the document travelled in the system message.
        assertThat(body.path("summary").asText()).isEqualTo("Echo: Summarize the document \"Two routes\" in one sentence.");
        assertThat(body.path("model").asText()).isEqualTo("gpt-4o-mini");
        List<RecordedCall> calls = this.stub.verify().conversation();
        assertThat(calls).singleElement().satisfies((call) -> {
            assertThat(call.path()).isEqualTo("/chat/completions");
            assertThat(call.model()).isEqualTo("gpt-4o-mini");
            assertThat(call.messages().get(0).role()).isEqualTo("system");
            assertThat(call.messages().get(0).text()).contains("Embeddings go to the internal route");
        });
    }

    @Test
    void chatClientAndOpenAiJavaServicesShareTheLlmRouteAndItsKey() {
        this.http.postJson("/api/summarize", Map.of("documentId", "routes"));
        this.http.postJson("/api/ask", Map.of("question", "What does the key rule say?"));

        List<JournalEntry> chats = this.stub.journal().stream()
            .filter((entry) -> entry.path().equals("/v1/chat/completions"))
            .toList();
        assertThat(chats).hasSize(2).allSatisfy((entry) -> assertThat(entry.status()).isEqualTo(200));
        assertThat(chats.get(0).key()).isNotNull().isEqualTo(chats.get(1).key());
        String embeddingsKey = this.stub.journal().stream()
            .filter((entry) -> entry.path().equals("/v1/embeddings"))
            .map(JournalEntry::key)
            .findFirst()
            .orElseThrow();
        assertThat(chats.get(0).key()).isNotEqualTo(embeddingsKey);
    }

    @Test
    void aRateLimitOnTheLlmRouteIsExplainedLikeEveryGatewayFailure() {
        this.stub.fault(Fault.builder().path("/chat/completions").status(429).header("retry-after-ms", "10").times(10).build());

        Reply reply = this.http.postJson("/api/summarize", Map.of("documentId", "routes"));

        JsonNode problem = assertProblemJson(reply, 429);
        assertThat(problem.path("role").asText()).isEqualTo("LLM");
        assertThat(problem.path("hint").asText()).isNotBlank();
    }

    @Test
    void anUnknownDocumentIs404BeforeAnyGatewayCall() {
        Reply reply = this.http.postJson("/api/summarize", Map.of("documentId", "no-such-doc"));

        JsonNode problem = assertProblemJson(reply, 404);
        assertThat(problem.path("detail").asText()).startsWith("No document 'no-such-doc'; the documents are routes,");
        assertThat(this.stub.journal()).isEmpty();
    }

}
