package dev.gatewaykit.stub.config;

import dev.gatewaykit.stub.GatewayStub;
import dev.gatewaykit.stub.StubMode;
import dev.gatewaykit.stub.support.RawHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StubConfigFileTest {

    @TempDir
    Path dir;

    @Test
    void fullConfigurationIsApplied() throws IOException {
        Path file = dir.resolve("stub.json");
        Files.writeString(file, """
                {
                  "mode": "litellm",
                  "masterKey": "sk-stub-master-test-0001",
                  "liteLlmStatuses": "old",
                  "models": ["gpt-4o-mini", "openai/*"],
                  "virtualKeys": [{"key": "sk-test-config-key-0001", "alias": "ci", "models": ["gpt-4o-mini"],
                                   "maxBudget": 0.5, "expires": "2099-01-01T00:00:00Z"}],
                  "prices": {"gpt-4o-mini": {"inputPerMillion": 0.15, "outputPerMillion": 0.6}},
                  "limits": {"journalCapacity": 3},
                  "scripts": [{"match": {"path": "/chat/completions", "contains": "weather"}, "reply": "Sunny."}],
                  "faults": [{"match": {"path": "/embeddings"}, "status": 429, "headers": {"retry-after-ms": "10"}, "times": 1}]
                }
                """);
        GatewayStub.Builder builder = GatewayStub.builder();
        StubConfigFile.apply(file, builder);
        try (GatewayStub stub = builder.start()) {
            String key = "sk-test-config-key-0001";
            var weather = RawHttp.json(RawHttp.post(stub.baseUrl() + "/chat/completions",
                    RawHttp.chat("gpt-4o-mini", "weather?"), "Authorization", "Bearer " + key));
            assertThat(weather.at("/choices/0/message/content").asText()).isEqualTo("Sunny.");
            var denied = RawHttp.post(stub.baseUrl() + "/chat/completions", RawHttp.chat("gpt-4o", "x"),
                    "Authorization", "Bearer " + key);
            assertThat(denied.statusCode()).isEqualTo(401); // old statuses
            // Faults act before key checks, like a failing gateway; this one is count-limited to one request.
            assertThat(RawHttp.post(stub.baseUrl() + "/embeddings", "{\"model\":\"openai/text-embedding-3-small\",\"input\":\"x\"}",
                    "Authorization", "Bearer " + key).statusCode()).isEqualTo(429);
            assertThat(RawHttp.post(stub.baseUrl() + "/embeddings", "{\"model\":\"openai/text-embedding-3-small\",\"input\":\"x\"}",
                    "Authorization", "Bearer sk-stub-master-test-0001").statusCode()).isEqualTo(200);
            assertThat(RawHttp.json(RawHttp.get(stub.origin() + "/__stub/journal")).get("capacity").asInt()).isEqualTo(3);
            stub.reset();
            // The configured count-limited fault is back after a reset.
            assertThat(RawHttp.post(stub.baseUrl() + "/embeddings", "{\"model\":\"openai/x\",\"input\":\"x\"}",
                    "Authorization", "Bearer sk-stub-master-test-0001").statusCode()).isEqualTo(429);
            assertThat(stub.mode()).isEqualTo(StubMode.LITELLM);
        }
    }

    @Test
    void keyLimitsBlockingAndTheLiteLlmVersionAreApplied() throws IOException {
        Path file = dir.resolve("limits.json");
        Files.writeString(file, """
                {"mode": "litellm", "liteLlmVersion": "1.60.8",
                 "virtualKeys": [{"key": "sk-test-cfg-rpm-0001", "rpmLimit": 1, "tpmLimit": 100000,
                                  "modelRpmLimit": {"gpt-4o-mini": 9}, "modelTpmLimit": {"gpt-4o-mini": 900}},
                                 {"key": "sk-test-cfg-blocked-0001", "blocked": true}]}
                """);
        GatewayStub.Builder builder = GatewayStub.builder();
        StubConfigFile.apply(file, builder);
        try (GatewayStub stub = builder.start()) {
            var first = RawHttp.post(stub.baseUrl() + "/chat/completions", RawHttp.chat("gpt-4o-mini", "x"),
                    "Authorization", "Bearer sk-test-cfg-rpm-0001");
            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(first.headers().firstValue("x-litellm-version")).hasValue("1.60.8");
            assertThat(first.headers().firstValue("x-litellm-key-remaining-requests-gpt-4o-mini")).hasValue("8");
            assertThat(RawHttp.post(stub.baseUrl() + "/chat/completions", RawHttp.chat("gpt-4o-mini", "x"),
                    "Authorization", "Bearer sk-test-cfg-rpm-0001").statusCode()).isEqualTo(429);
            assertThat(RawHttp.post(stub.baseUrl() + "/chat/completions", RawHttp.chat("gpt-4o-mini", "x"),
                    "Authorization", "Bearer sk-test-cfg-blocked-0001").statusCode()).isEqualTo(401);
        }
    }

    @Test
    void badLimitsAndVersionsAreNamed() throws IOException {
        for (String[] c : new String[][] {
                {"{\"virtualKeys\": [{\"key\": \"sk-test-x-0001\", \"rpmLimit\": -1}]}", "rpmLimit"},
                {"{\"virtualKeys\": [{\"key\": \"sk-test-x-0001\", \"tpmLimit\": 2.5}]}", "tpmLimit"},
                {"{\"virtualKeys\": [{\"key\": \"sk-test-x-0001\", \"modelRpmLimit\": {\"m\": -2}}]}", "m"},
                {"{\"virtualKeys\": [{\"key\": \"sk-test-x-0001\", \"blocked\": \"no\"}]}", "blocked"},
                {"{\"liteLlmVersion\": \"2.0\"}", "1.60 (alias old), 1.75 (alias new)"},
                {"{\"liteLlmVersion\": \"1.60\", \"liteLlmStatuses\": \"old\"}", "not both"}}) {
            Path file = dir.resolve("bad-limits.json");
            Files.writeString(file, c[0]);
            assertThatThrownBy(() -> StubConfigFile.apply(file, GatewayStub.builder())).as(c[0])
                    .hasMessageContaining(c[1]);
        }
    }

    @Test
    void unknownFieldIsNamed() throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"mode\":\"litellm\",\"colour\":\"blue\"}");
        assertThatThrownBy(() -> StubConfigFile.apply(file, GatewayStub.builder()))
                .hasMessageContaining("colour").hasMessageContaining(file.toString());
    }

    @Test
    void badModeAndMissingFileAreExplained() throws IOException {
        Path file = dir.resolve("mode.json");
        Files.writeString(file, "{\"mode\":\"kong\"}");
        assertThatThrownBy(() -> StubConfigFile.apply(file, GatewayStub.builder()))
                .hasMessageContaining("kong").hasMessageContaining("openai, litellm, portkey, portkey-oss");
        assertThatThrownBy(() -> StubConfigFile.apply(dir.resolve("none.json"), GatewayStub.builder()))
                .hasMessageContaining("does not exist");
    }

    @Test
    void replayWithAMatcherAndAgentLimitsAreApplied() throws IOException {
        Path fixtures = Path.of("src/test/resources/fixtures/agent-replay").toAbsolutePath();
        Path file = dir.resolve("replay.json");
        Files.writeString(file, "{\"replay\":{\"dir\":\"" + fixtures.toString().replace("\\", "/")
                + "\",\"match\":[\"method\",\"path\",\"model\"]},\"agentLimits\":{\"storedResponses\":1}}");
        GatewayStub.Builder builder = GatewayStub.builder();
        StubConfigFile.apply(file, builder);
        try (GatewayStub stub = builder.start()) {
            // Only method, path and model are compared: any prompt gets the recorded tool call.
            var r = RawHttp.json(RawHttp.post(stub.baseUrl() + "/chat/completions", RawHttp.chat("gpt-4o-mini", "other")));
            assertThat(r.at("/choices/0/message/tool_calls/0/id").asText()).isEqualTo("call_recorded0001");
        }
    }

    @Test
    void recordAndReplayTogetherOrUnknownMatchPartsAreExplained() throws IOException {
        Path both = dir.resolve("both.json");
        Files.writeString(both, "{\"record\":{\"dir\":\"a\",\"upstream\":\"http://x\"},\"replay\":{\"dir\":\"b\"}}");
        assertThatThrownBy(() -> StubConfigFile.apply(both, GatewayStub.builder()))
                .hasMessageContaining("'record' and 'replay' exclude each other");
        Path part = dir.resolve("part.json");
        Files.writeString(part, "{\"replay\":{\"dir\":\"b\",\"match\":[\"headers\"]}}");
        assertThatThrownBy(() -> StubConfigFile.apply(part, GatewayStub.builder()))
                .hasMessageContaining("unknown replay match part 'headers'; use method, path, model, body");
    }
}
