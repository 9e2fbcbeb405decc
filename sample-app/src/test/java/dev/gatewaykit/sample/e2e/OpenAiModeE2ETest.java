package dev.gatewaykit.sample.e2e;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatewaykit.sample.e2e.AppHttp.Event;
import dev.gatewaykit.sample.e2e.AppHttp.Reply;
import dev.gatewaykit.sample.search.Corpus;
import dev.gatewaykit.sample.search.CorpusDocument;
import dev.gatewaykit.spring.test.AutoConfigureGatewayStub;
import dev.gatewaykit.stub.GatewayStub;
import dev.gatewaykit.stub.StubMode;
import dev.gatewaykit.stub.journal.JournalEntry;
import dev.gatewaykit.stub.scripting.Fault;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The app against a stub of the OpenAI API itself (all roles on one origin), over real HTTP: each endpoint, the
 * stream, health.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "openai.dotenv.enabled=false")
@AutoConfigureGatewayStub(mode = StubMode.OPENAI)
class OpenAiModeE2ETest extends RunningAppTest {

    @Autowired
    GatewayStub stub;

    @Autowired
    Corpus corpus;

    @BeforeEach
    void resetStub() {
        this.stub.reset();
    }

    @Test
    void searchRanksTheDocumentWhoseTextIsTheQueryFirst() {
        // The stub's vectors are deterministic per text: the same text embeds to the same unit vector, cosine 1.
        CorpusDocument target = this.corpus.documents().get(5);
        Reply reply = this.http.postJson("/api/search", Map.of("query", target.embeddingInput(), "k", 2));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonNode hits = reply.json().path("hits");
        assertThat(hits).hasSize(2);
        assertThat(hits.get(0).path("id").asText()).isEqualTo(target.id());
        assertThat(hits.get(0).path("score").asDouble()).isCloseTo(1.0, within(1e-5));
        assertThat(hits.get(1).path("score").asDouble()).isLessThan(hits.get(0).path("score").asDouble());
        assertThat(reply.json().path("model").asText()).isEqualTo("text-embedding-3-small");
    }

    @Test
    void searchReturnsThreeHitsBestFirstWhenKIsAbsent() {
        Reply reply = this.http.post("/api/search", "{\"query\":\"portkey headers\"}");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonNode hits = reply.json().path("hits");
        assertThat(hits).hasSize(3);
        assertThat(hits.get(0).path("score").asDouble()).isGreaterThanOrEqualTo(hits.get(1).path("score").asDouble());
        assertThat(hits.get(1).path("score").asDouble()).isGreaterThanOrEqualTo(hits.get(2).path("score").asDouble());
    }

    @Test
    void embeddingsAreRequestedAsFloats() {
        this.http.post("/api/search", "{\"query\":\"float\"}");

        List<JournalEntry> embeddings = requests("/v1/embeddings");
        assertThat(embeddings).isNotEmpty();
        assertThat(embeddings).allSatisfy((entry) -> {
            assertThat(entry.status()).isEqualTo(200);
            assertThat(entry.requestBody()).contains("\"encoding_format\":\"float\"");
        });
    }

    @Test
    void askAnswersThroughTheLlmRouteWithRetrievedContext() {
        Reply reply = this.http.postJson("/api/ask", Map.of("question", "What does the key rule say?"));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonNode body = reply.json();
        // The stub answers "Echo: " + the last user message: the question travelled as the user message.
        assertThat(body.path("answer").asText()).isEqualTo("Echo: What does the key rule say?");
        assertThat(body.path("model").asText()).isEqualTo("gpt-4o-mini");
        assertThat(body.path("finishReason").asText()).isEqualTo("stop");
        assertThat(body.path("sources")).hasSize(3);
        JournalEntry chat = requests("/v1/chat/completions").get(0);
        String firstSource = body.path("sources").get(0).path("title").asText();
        assertThat(chat.requestBody()).contains("Context:").contains(firstSource);
    }

    @Test
    void askStreamSendsDeltasThenDoneAndTheyAddUpToTheAnswer() {
        String question = "How do streams end?";
        Reply reply = this.http.stream(question);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("text/event-stream");
        List<Event> events = reply.events();
        List<Event> deltas = events.stream().filter((e) -> e.name().equals("delta")).toList();
        assertThat(deltas).hasSizeGreaterThan(1);
        assertThat(events.get(events.size() - 1).name()).isEqualTo("done");
        String streamed = String.join("", deltas.stream().map((e) -> e.json().path("text").asText()).toList());
        assertThat(streamed).isEqualTo("Echo: " + question);
        JsonNode done = events.get(events.size() - 1).json();
        assertThat(done.path("deltas").asInt()).isEqualTo(deltas.size());
        assertThat(done.path("model").asText()).isEqualTo("gpt-4o-mini");
        assertThat(done.path("finishReason").asText()).isEqualTo("stop");
        assertThat(done.path("completionTokens").asLong()).isPositive();
        assertThat(done.path("sources")).hasSize(3);
        assertThat(requests("/v1/chat/completions").get(0).requestBody()).contains("\"stream\":true");
    }

    @Test
    void streamCutByTheGatewayEndsWithAnErrorEventInsteadOfDone() {
        this.stub.fault(Fault.builder().path("/v1/chat/completions").cutStreamAfterEvents(2).times(1).build());

        Reply reply = this.http.stream("Will this stream finish?");

        // Headers went out with the first event, so the failure travels in-band as a problem-detail event.
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        List<Event> events = reply.events();
        assertThat(events).extracting(Event::name).doesNotContain("done").last().isEqualTo("error");
        JsonNode problem = events.get(events.size() - 1).json();
        assertThat(problem.path("kind").asText()).isEqualTo("UPSTREAM");
        assertThat(problem.path("role").asText()).isEqualTo("LLM");
        assertThat(problem.path("hint").asText()).isNotBlank();
    }

    @Test
    void codeUsesTheResponsesApiOfTheCodexRoute() {
        String task = "Reverse a string in Java.";
        Reply reply = this.http.postJson("/api/code", Map.of("task", task));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().path("code").asText()).isEqualTo("Echo: " + task);
        assertThat(reply.json().path("model").asText()).isEqualTo("gpt-4.1-mini");
        assertThat(reply.json().path("responseId").asText()).isNotBlank();
        assertThat(requests("/v1/responses")).singleElement()
            .satisfies((entry) -> assertThat(entry.requestBody()).contains("\"instructions\""));
    }

    @Test
    void healthShowsEachRouteUp() {
        Reply reply = this.http.get("/actuator/health/gateway");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonNode routes = reply.json().path("components").path("gatewayRoutes").path("components");
        for (String route : List.of("embeddings", "llm", "codex")) {
            assertThat(routes.path(route).path("status").asText()).as(route).isEqualTo("UP");
            assertThat(routes.path(route).path("details").path("url").asText()).as(route)
                .startsWith(this.stub.origin());
        }
    }

    private List<JournalEntry> requests(String path) {
        return this.stub.journal().stream().filter((entry) -> entry.path().equals(path)).toList();
    }

}
