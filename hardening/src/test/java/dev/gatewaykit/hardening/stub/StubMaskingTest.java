package dev.gatewaykit.hardening.stub;

import dev.gatewaykit.hardening.support.PlantedKey;
import dev.gatewaykit.stub.GatewayStub;
import dev.gatewaykit.stub.StubMode;
import dev.gatewaykit.stub.keys.VirtualKey;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plants keys everywhere a request can carry one and reads the journal (admin API and embedded) and the echoed
 * errors back: no key, whole or in part, may appear, and the journal keeps answering.
 */
class StubMaskingTest {

    @Test
    void noPlantedKeyReachesTheJournalOrAnEchoedError() throws Exception {
        PlantedKey master = PlantedKey.openAiStyle("master");
        PlantedKey virtual = PlantedKey.generate("virtual", "vk-");
        PlantedKey header = PlantedKey.openAiStyle("any-header");
        PlantedKey config = PlantedKey.generate("portkey-config", "pc-");
        PlantedKey apiKey = PlantedKey.generate("API_KEY", "p1-");
        PlantedKey virtualField = PlantedKey.generate("virtual_key", "p2-");
        PlantedKey authorization = PlantedKey.generate("authorization", "p3-");
        PlantedKey clientSecret = PlantedKey.generate("client_secret", "p4-");
        PlantedKey cut = PlantedKey.openAiStyle("cut");
        PlantedKey path = PlantedKey.openAiStyle("path");
        PlantedKey generated = PlantedKey.generate("generated", "gk-");
        List<PlantedKey> all = List.of(master, virtual, header, config, apiKey, virtualField, authorization,
                clientSecret, cut, path, generated);
        try (GatewayStub stub = GatewayStub.builder().mode(StubMode.LITELLM).masterKey(master.value())
                .virtualKey(VirtualKey.builder(virtual.value()).build()).start()) {
            String host = stub.host();
            int port = stub.port();
            List<String> answers = new ArrayList<>();
            String body = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"my key "
                    + virtual.value() + "\"}],\"API_KEY\":\"" + apiKey.value() + "\",\"virtual_key\":\""
                    + virtualField.value() + "\",\"authorization\":\"Bearer " + authorization.value()
                    + "\",\"client_secret\":\"" + clientSecret.value() + "\"}";
            answers.add(post(host, port, "/v1/chat/completions", body, "Authorization: Bearer " + virtual.value(),
                    "x-portkey-config: {\"provider\":\"openai\",\"api_key\":\"" + config.value() + "\"}",
                    "x-trace-anything: " + header.value()).toString());
            String padded = "{\"model\":\"gpt-4o-mini\",\"messages\":[],\"pad\":\"" + "p".repeat(1990)
                    + "\",\"note\":\"" + cut.value() + "\"}";
            answers.add(post(host, port, "/v1/chat/completions", padded, "Authorization: Bearer " + virtual.value())
                    .toString());
            answers.add(RawExchange.send(host, port, "GET /v1/models/" + path.value() + " HTTP/1.1\r\nHost: s\r\n"
                    + "Authorization: Bearer " + virtual.value() + "\r\n\r\n", 10_000).toString());
            answers.add(post(host, port, "/key/generate", "{\"key\":\"" + generated.value() + "x".repeat(3000) + "\"}",
                    "Authorization: Bearer " + master.value()).toString());
            answers.add(post(host, port, "/v1/chat/completions", "{\"token\":\"" + "t".repeat(2_000) + "\"}",
                    "Authorization: Bearer " + virtual.value()).toString());

            RawExchange journal = RawExchange.send(host, port, "GET /__stub/journal HTTP/1.1\r\nHost: s\r\n\r\n",
                    10_000);
            assertThat(journal.status()).as("%s", journal).isEqualTo(200);
            List<String> leaks = new ArrayList<>(PlantedKey.leaks(all, "journal JSON", journal.body()));
            leaks.addAll(PlantedKey.leaks(all, "embedded journal", stub.journal().toString()));
            for (String answer : answers) {
                leaks.addAll(PlantedKey.leaks(all, "answer", answer));
            }
            assertThat(leaks).isEmpty();
            assertThat(journal.body()).contains("sk-...").doesNotContain("tttttttttttt");
        }
    }

    private static RawExchange post(String host, int port, String path, String body, String... headers)
            throws Exception {
        StringBuilder request = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: s\r\n");
        for (String h : headers) {
            request.append(h).append("\r\n");
        }
        request.append("Content-Type: application/json\r\nContent-Length: ").append(body.length()).append("\r\n\r\n")
                .append(body);
        return RawExchange.send(host, port, request.toString(), 10_000);
    }
}
