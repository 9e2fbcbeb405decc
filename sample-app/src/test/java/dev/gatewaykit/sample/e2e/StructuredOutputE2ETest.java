package dev.gatewaykit.sample.e2e;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatewaykit.sample.e2e.AppHttp.Reply;
import dev.gatewaykit.spring.test.AutoConfigureGatewayStub;
import dev.gatewaykit.stub.GatewayStub;
import dev.gatewaykit.stub.StubMode;
import dev.gatewaykit.stub.journal.JournalEntry;
import dev.gatewaykit.stub.scripting.Script;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static dev.gatewaykit.sample.e2e.ProblemAssertions.assertProblemJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The LLM route's structured-output call ({@code POST /api/diagnose}) over real HTTP against the stub: the request
 * carries the {@code Diagnosis} record's strict JSON schema, the reply is parsed into the record, and JSON that does
 * not fit is a 502 the stub also reports. (Same configuration as {@link OpenAiModeE2ETest}: one shared context.)
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "openai.dotenv.enabled=false")
@AutoConfigureGatewayStub(mode = StubMode.OPENAI)
class StructuredOutputE2ETest extends RunningAppTest {

    private static final String PROBLEM = "Search works but /api/ask answers 401.";

    @Autowired
    GatewayStub stub;

    @BeforeEach
    void resetStub() {
        this.stub.reset();
    }

    @Test
    void theScriptedJsonIsParsedIntoTheDiagnosisRecord() {
        this.stub.script(Script.builder().path("/chat/completions").instructionsContain("diagnose")
            .json("{\"route\":\"LLM\",\"cause\":\"The public key is not allowed on the public proxy.\","
                    + "\"steps\":[\"Check OPENAI_API_KEY\",\"Check the key's models\"]}")
            .build());

        Reply reply = this.http.postJson("/api/diagnose", Map.of("problem", PROBLEM));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonNode body = reply.json();
        assertThat(body.path("problem").asText()).isEqualTo(PROBLEM);
        assertThat(body.path("model").asText()).isEqualTo("gpt-4o-mini");
        assertThat(body.path("diagnosis").path("route").asText()).isEqualTo("LLM");
        assertThat(body.path("diagnosis").path("cause").asText()).startsWith("The public key");
        assertThat(body.path("diagnosis").path("steps")).extracting(JsonNode::asText)
            .containsExactly("Check OPENAI_API_KEY", "Check the key's models");
        this.stub.verify().noSchemaMismatches();
        this.stub.verify().requests().path("/chat/completions").model("gpt-4o-mini").times(1);
    }

    @Test
    void theRequestCarriesTheRecordsStrictSchemaAndTheStubSynthesizesAValidReply() throws Exception {
        Reply reply = this.http.postJson("/api/diagnose", Map.of("problem", PROBLEM));

        // Unscripted, the stub answers JSON synthesized from the schema: the enum's first value, one list item.
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonNode diagnosis = reply.json().path("diagnosis");
        assertThat(diagnosis.path("route").asText()).isEqualTo("EMBEDDINGS");
        assertThat(diagnosis.path("cause").asText()).isNotBlank();
        assertThat(diagnosis.path("steps")).hasSize(1);
        JsonNode format = AppHttp.JSON.readTree(chatRequests().get(0).requestBody()).path("response_format");
        assertThat(format.path("type").asText()).isEqualTo("json_schema");
        assertThat(format.path("json_schema").path("strict").asBoolean()).isTrue();
        JsonNode schema = format.path("json_schema").path("schema");
        assertThat(schema.path("required")).extracting(JsonNode::asText)
            .containsExactlyInAnyOrder("route", "cause", "steps");
        assertThat(schema.path("properties").path("route").path("enum")).extracting(JsonNode::asText)
            .containsExactly("EMBEDDINGS", "LLM", "CODEX", "ALL");
        this.stub.verify().noSchemaMismatches();
    }

    @Test
    void jsonThatDoesNotFitTheSchemaIsA502AndTheStubReportsTheMismatch() {
        this.stub.script(Script.builder().path("/chat/completions")
            .json("{\"route\":\"SOMEWHERE\",\"cause\":\"?\",\"steps\":[]}")
            .build());

        Reply reply = this.http.postJson("/api/diagnose", Map.of("problem", PROBLEM));

        JsonNode problem = assertProblemJson(reply, 502);
        assertThat(problem.path("title").asText()).isEqualTo("The model's answer is not a diagnosis");
        assertThat(problem.path("role").asText()).isEqualTo("LLM");
        assertThat(problem.path("detail").asText()).contains("Diagnosis schema");
        assertThatThrownBy(() -> this.stub.verify().noSchemaMismatches()).isInstanceOf(AssertionError.class)
            .hasMessageContaining("route");
    }

    private List<JournalEntry> chatRequests() {
        return this.stub.journal().stream().filter((entry) -> entry.path().equals("/v1/chat/completions")).toList();
    }

}
