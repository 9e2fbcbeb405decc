package dev.gatewaykit.stub;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatewaykit.stub.journal.JournalEntry;
import dev.gatewaykit.stub.keys.KeyMask;
import dev.gatewaykit.stub.support.Clients;
import dev.gatewaykit.stub.support.RawHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The journal ring stays bounded and never shows a secret. */
class JournalTest {

    private GatewayStub stub;

    @AfterEach
    void stop() {
        if (stub != null) {
            stub.close();
        }
    }

    @Test
    void ringKeepsOnlyTheNewestEntriesAndCountsDropped() {
        stub = GatewayStub.builder().journalCapacity(5).start();
        for (int i = 0; i < 12; i++) {
            RawHttp.post(stub.baseUrl() + "/chat/completions", RawHttp.chat("gpt-4o-mini", "n" + i));
        }
        List<JournalEntry> entries = stub.journal();
        assertThat(entries).extracting(JournalEntry::seq).containsExactly(8L, 9L, 10L, 11L, 12L);
        assertThat(stub.journalDropped()).isEqualTo(7);
        JsonNode json = RawHttp.json(RawHttp.get(stub.origin() + "/__stub/journal?limit=2"));
        assertThat(json.get("capacity").asInt()).isEqualTo(5);
        assertThat(json.get("dropped").asInt()).isEqualTo(7);
        assertThat(json.get("entries")).hasSize(2);
        JsonNode last = json.get("entries").get(1);
        assertThat(last.get("seq").asInt()).isEqualTo(12);
        assertThat(last.get("method").asText()).isEqualTo("POST");
        assertThat(last.get("path").asText()).isEqualTo("/v1/chat/completions");
        assertThat(last.get("status").asInt()).isEqualTo(200);
        assertThat(last.get("model").asText()).isEqualTo("gpt-4o-mini");
        assertThat(last.get("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(last.get("durationMillis").isNumber()).isTrue();
        assertThat(last.get("requestBody").asText()).contains("n11");
    }

    @Test
    void keysAreMaskedInKeyHeadersAndBodiesIncludingKeyGeneration() {
        String master = "sk-master-" + Clients.fakeKey();
        String custom = "custom-secret-" + Clients.fakeKey();
        stub = GatewayStub.builder().masterKey(master).start();
        RawHttp.post(stub.origin() + "/key/generate", "{\"key\":\"" + custom + "\",\"models\":[]}",
                "Authorization", "Bearer " + master);
        RawHttp.post(stub.baseUrl() + "/chat/completions", RawHttp.chat("gpt-4o-mini", "my key is " + master),
                "x-api-key", custom);
        RawHttp.post(stub.origin() + "/key/delete", "{\"keys\":[\"" + custom + "\"]}", "Authorization", "Bearer " + master);

        String journal = RawHttp.get(stub.origin() + "/__stub/journal").body();
        assertThat(journal).doesNotContain(master).doesNotContain(custom);
        List<JournalEntry> entries = stub.journal();
        assertThat(entries).hasSize(3);
        assertThat(entries.get(0).key()).isEqualTo(KeyMask.mask(master));
        assertThat(entries.get(0).headers().get("authorization")).isEqualTo("Bearer " + KeyMask.mask(master));
        assertThat(entries.get(0).requestBody()).contains(KeyMask.mask(custom)).doesNotContain(custom);
        assertThat(entries.get(1).key()).isEqualTo(KeyMask.mask(custom));
        assertThat(entries.get(1).headers().get("x-api-key")).isEqualTo(KeyMask.mask(custom));
        assertThat(entries.get(1).requestBody()).doesNotContain(master);
        assertThat(entries.get(2).requestBody()).doesNotContain(custom);
    }

    @Test
    void shortKeysAreFullyMasked() {
        assertThat(KeyMask.mask("sk-short")).isEqualTo("****");
        assertThat(KeyMask.mask("sk-1234567890abcd")).isEqualTo("sk-...abcd");
        assertThat(KeyMask.mask(null)).isNull();
    }

    @Test
    void bodiesAreTruncatedAndStatsCountPathsAndStatuses() {
        stub = GatewayStub.builder().limits(StubLimits.DEFAULTS.withJournalBodyChars(20)).start();
        RawHttp.post(stub.baseUrl() + "/chat/completions", RawHttp.chat("gpt-4o-mini", "x".repeat(500)));
        RawHttp.get(stub.origin() + "/nowhere");
        assertThat(stub.journal().get(0).requestBody()).hasSize(20 + "...[truncated]".length()).endsWith("...[truncated]");

        JsonNode stats = RawHttp.json(RawHttp.get(stub.origin() + "/__stub/stats"));
        assertThat(stats.get("requests").asInt()).isEqualTo(2);
        assertThat(stats.get("errors").asInt()).isEqualTo(1);
        assertThat(stats.at("/byPath/~1v1~1chat~1completions").asInt()).isEqualTo(1);
        assertThat(stats.at("/byStatus/200").asInt()).isEqualTo(1);
        assertThat(stats.at("/byStatus/404").asInt()).isEqualTo(1);

        assertThat(RawHttp.post(stub.origin() + "/__stub/reset", "").statusCode()).isEqualTo(200);
        assertThat(stub.journal()).isEmpty();
        assertThat(RawHttp.json(RawHttp.get(stub.origin() + "/__stub/stats")).get("requests").asInt()).isZero();
    }

    @Test
    void everyPlaceARequestCarriesAKeyIsMaskedInTheJournalAndInEchoedErrors() {
        String key = "sk-probe-" + Clients.fakeKey();
        stub = GatewayStub.builder().start();
        String body = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],"
                + "\"API_KEY\":\"a-provider-secret-1111\",\"virtual_key\":\"a-virtual-secret-2222\","
                + "\"authorization\":\"Bearer a-bearer-secret-3333\",\"client_secret\":\"a-client-secret-4444\"}";
        RawHttp.post(stub.baseUrl() + "/chat/completions", body,
                "x-portkey-config", "{\"provider\":\"openai\",\"api_key\":\"a-config-secret-5555\"}",
                "x-anything", "token " + key);
        var notFound = RawHttp.get(stub.baseUrl() + "/models/" + key);

        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(notFound.body()).doesNotContain(key).contains(KeyMask.mask(key));
        String journal = RawHttp.get(stub.origin() + "/__stub/journal").body();
        assertThat(journal).doesNotContain(key).doesNotContain("a-provider-secret").doesNotContain("a-virtual-secret")
                .doesNotContain("a-bearer-secret").doesNotContain("a-client-secret").doesNotContain("a-config-secret");
        List<JournalEntry> entries = stub.journal();
        assertThat(entries.get(0).headers().get("x-portkey-config")).contains("\"provider\":\"openai\"");
        assertThat(entries.get(0).headers().get("x-anything")).isEqualTo("token " + KeyMask.mask(key));
        assertThat(entries.get(1).path()).isEqualTo("/v1/models/" + KeyMask.mask(key));
    }

    @Test
    void aTokenCutByTheBodyTruncationIsMaskedBeforeTheCut() {
        stub = GatewayStub.builder().start();
        String prefix = "{\"model\":\"gpt-4o-mini\",\"messages\":[],\"pad\":\"";
        String pad = "p".repeat(2048 - prefix.length() - 12);
        String body = prefix + pad + "\",\"token\":\"" + "t".repeat(3_000) + "\"}";
        RawHttp.post(stub.baseUrl() + "/chat/completions", body);

        String kept = stub.journal().get(0).requestBody();
        assertThat(kept).endsWith("...[truncated]").doesNotContain("tttt");
    }

    @Test
    void longSecretValuesAndOversizedGeneratedKeysLeaveTheJournalReadable() {
        String master = "sk-master-" + Clients.fakeKey();
        stub = GatewayStub.builder().masterKey(master).start();
        RawHttp.post(stub.origin() + "/key/generate", "{\"key\":\"" + "k".repeat(5_000) + "\"}",
                "Authorization", "Bearer " + master);
        RawHttp.post(stub.baseUrl() + "/chat/completions", "{\"api_key\":\"" + "a\\\"".repeat(2_000) + "\"}",
                "Authorization", "Bearer " + master);

        var journal = RawHttp.get(stub.origin() + "/__stub/journal");
        assertThat(journal.statusCode()).isEqualTo(200);
        assertThat(RawHttp.json(journal).get("entries")).hasSize(2);
        assertThat(journal.body()).doesNotContain("kkkkkkkk");
    }

    @Test
    void theJournalIsBoundedByBytesAsWellAsEntries() {
        stub = GatewayStub.builder().limits(StubLimits.DEFAULTS.withJournalBytes(200_000)).start();
        String[] headers = new String[128];
        for (int i = 0; i < 64; i++) {
            headers[2 * i] = "x-h" + i;
            headers[2 * i + 1] = "v".repeat(600);
        }
        for (int i = 0; i < 100; i++) {
            RawHttp.post(stub.baseUrl() + "/chat/completions", RawHttp.chat("gpt-4o-mini", "n" + i), headers);
        }

        List<JournalEntry> entries = stub.journal();
        assertThat(entries.size()).isBetween(1, 20);
        assertThat(entries.get(entries.size() - 1).seq()).isEqualTo(100);
        assertThat(stub.journalDropped()).isEqualTo(100 - entries.size());
    }

    @Test
    void readyReportsModeAndBaseUrl() {
        stub = GatewayStub.builder().mode(StubMode.OPENAI).start();
        JsonNode ready = RawHttp.json(RawHttp.get(stub.origin() + "/__stub/ready"));
        assertThat(ready.get("status").asText()).isEqualTo("ready");
        assertThat(ready.get("mode").asText()).isEqualTo("openai");
        assertThat(ready.get("baseUrl").asText()).isEqualTo(stub.baseUrl()).endsWith("/v1");
        assertThat(stub.baseUrl()).isEqualTo("http://127.0.0.1:" + stub.port() + "/v1");
        assertThat(stub.origin()).isEqualTo("http://127.0.0.1:" + stub.port());
    }
}
