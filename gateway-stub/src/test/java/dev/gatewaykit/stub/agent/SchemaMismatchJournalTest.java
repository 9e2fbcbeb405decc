package dev.gatewaykit.stub.agent;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatewaykit.stub.GatewayStub;
import dev.gatewaykit.stub.StubMode;
import dev.gatewaykit.stub.journal.JournalEntry;
import dev.gatewaykit.stub.journal.SchemaMismatch;
import dev.gatewaykit.stub.junit.GatewayStubTest;
import dev.gatewaykit.stub.scripting.Script;
import dev.gatewaykit.stub.support.RawHttp;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A scripted reply that breaks the request's schema is named on that request's journal entry. */
@GatewayStubTest(mode = StubMode.OPENAI)
class SchemaMismatchJournalTest {

    private static final String SCHEMA = "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"},"
            + "\"days\":{\"type\":\"integer\"}},\"required\":[\"city\",\"days\"],\"additionalProperties\":false}";
    private static final String CHAT = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"plan\"}],"
            + "\"response_format\":{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"trip\",\"strict\":true,\"schema\":"
            + SCHEMA + "}}}";

    private final GatewayStub stub;

    SchemaMismatchJournalTest(GatewayStub stub) {
        this.stub = stub;
    }

    @Test
    void aChatReplyThatBreaksTheSchemaIsNamedOnItsJournalEntryAndAValidOneIsNot() {
        stub.script(Script.builder().json("{\"city\":\"Paris\",\"days\":\"three\"}").times(1).build());
        stub.script(Script.builder().json("{\"city\":\"Rome\",\"days\":3}").build());

        HttpResponse<String> bad = RawHttp.post(stub.baseUrl() + "/chat/completions", CHAT);
        HttpResponse<String> good = RawHttp.post(stub.baseUrl() + "/chat/completions", CHAT);

        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(RawHttp.json(bad).at("/choices/0/message/content").asText()).isEqualTo("{\"city\":\"Paris\",\"days\":\"three\"}");
        assertThat(good.statusCode()).isEqualTo(200);

        List<JournalEntry> journal = stub.journal();
        assertThat(journal).hasSize(2);
        assertThat(journal.get(0).schemaMismatches()).singleElement().isEqualTo(new SchemaMismatch(
                "response_format 'trip'", List.of("$.days: expected type \"integer\", got string")));
        assertThat(journal.get(1).schemaMismatches()).isEmpty();

        JsonNode entries = RawHttp.json(RawHttp.get(stub.origin() + "/__stub/journal")).get("entries");
        assertThat(entries.get(0).at("/schemaMismatches/0/subject").asText()).isEqualTo("response_format 'trip'");
        assertThat(entries.get(0).at("/schemaMismatches/0/problems/0").asText())
                .isEqualTo("$.days: expected type \"integer\", got string");
        assertThat(entries.get(1).has("schemaMismatches")).isFalse();
        // The same finding stays in the schema reports.
        assertThat(stub.schemaReports()).singleElement().satisfies(r -> assertThat(r.subject()).isEqualTo("response_format 'trip'"));
    }

    @Test
    void aResponsesReplyAndToolArgumentsThatBreakTheirSchemasAreNamedOnTheirEntries() {
        stub.script(Script.builder().json("{\"city\":\"Oslo\"}").times(1).build());
        stub.script(Script.builder().toolCall("get_weather", "{\"city\":7}").toolCall("get_time", "{\"zone\":\"UTC\"}").build());

        RawHttp.post(stub.baseUrl() + "/responses", "{\"model\":\"gpt-4o-mini\",\"input\":\"plan\",\"text\":{\"format\":"
                + "{\"type\":\"json_schema\",\"name\":\"trip\",\"schema\":" + SCHEMA + "}}}");
        HttpResponse<String> tools = RawHttp.post(stub.baseUrl() + "/chat/completions", "{\"model\":\"gpt-4o-mini\","
                + "\"messages\":[{\"role\":\"user\",\"content\":\"weather?\"}],\"tools\":["
                + "{\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"parameters\":{\"type\":\"object\","
                + "\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}}},"
                + "{\"type\":\"function\",\"function\":{\"name\":\"get_time\",\"parameters\":{\"type\":\"object\","
                + "\"properties\":{\"zone\":{\"type\":\"string\"}},\"required\":[\"zone\"]}}}]}");
        assertThat(RawHttp.json(tools).at("/choices/0/finish_reason").asText()).isEqualTo("tool_calls");

        List<JournalEntry> journal = stub.journal();
        assertThat(journal.get(0).schemaMismatches()).singleElement().isEqualTo(new SchemaMismatch(
                "text.format 'trip'", List.of("$: required property 'days' is missing")));
        assertThat(journal.get(1).schemaMismatches()).singleElement().isEqualTo(new SchemaMismatch(
                "tool 'get_weather' arguments", List.of("$.city: expected type \"string\", got integer")));

        JsonNode entries = RawHttp.json(RawHttp.get(stub.origin() + "/__stub/journal")).get("entries");
        assertThat(entries.get(0).at("/schemaMismatches/0/problems/0").asText()).isEqualTo("$: required property 'days' is missing");
        assertThat(entries.get(1).at("/schemaMismatches").size()).isEqualTo(1);
        assertThat(entries.get(1).at("/schemaMismatches/0/subject").asText()).isEqualTo("tool 'get_weather' arguments");
    }

    @Test
    void aMismatchOnTheJournalIsMaskedLikeTheRestOfIt() {
        String planted = "sk-test-planted0123456789abcdef";
        stub.script(Script.builder().reply(planted).build());

        RawHttp.post(stub.baseUrl() + "/chat/completions", CHAT);

        SchemaMismatch mismatch = stub.journal().get(0).schemaMismatches().get(0);
        assertThat(mismatch.problems()).singleElement().asString().startsWith("$: not valid JSON");
        String admin = RawHttp.get(stub.origin() + "/__stub/journal").body();
        assertThat(admin).contains("\"schemaMismatches\"");
        assertThat(String.join("\n", mismatch.problems()) + admin).doesNotContain(planted);
    }
}
