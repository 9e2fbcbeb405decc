package dev.gatewaykit.stub;

import dev.gatewaykit.stub.support.RawHttp;
import dev.gatewaykit.stub.support.RawSocket;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

import static org.assertj.core.api.Assertions.assertThat;

/** Requests whose size in memory would outgrow a small heap are refused with a status that names the limit. */
class MemoryLimitsTest {

    @Test
    void aHundredThousandMessagesAreRefusedNamingTheLimit() {
        try (GatewayStub stub = GatewayStub.builder().maxBodyBytes(8 << 20).start()) {
            StringJoiner messages = new StringJoiner(",", "{\"model\":\"gpt-4o-mini\",\"messages\":[", "]}");
            for (int i = 0; i < 100_000; i++) {
                messages.add("{\"role\":\"user\",\"content\":\"m\"}");
            }

            HttpResponse<String> r = RawHttp.post(stub.baseUrl() + "/chat/completions", messages.toString());

            assertThat(r.statusCode()).as(r.body()).isEqualTo(413);
            assertThat(RawHttp.json(r).at("/error/message").asText()).contains("50000 JSON values")
                    .contains("maxJsonValues");
        }
    }

    @Test
    void anAdminScriptWithFiftyThousandKeysIsRefusedNamingTheLimit() {
        try (GatewayStub stub = GatewayStub.builder().maxBodyBytes(8 << 20).start()) {
            StringJoiner script = new StringJoiner(",", "{\"path\":\"/chat/completions\",\"reply\":\"r\",", "}");
            for (int i = 0; i < 50_000; i++) {
                script.add("\"k" + i + "\":" + i);
            }

            HttpResponse<String> r = RawHttp.post(stub.origin() + "/__stub/scripts", script.toString());

            assertThat(r.statusCode()).as(r.body()).isEqualTo(413);
            assertThat(RawHttp.json(r).at("/error/message").asText()).contains("maxJsonValues");
            assertThat(RawHttp.post(stub.origin() + "/__stub/reset", "").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void bodyBytesBeyondTheInFlightBudgetWaitThenGetA503NamingTheLimit() throws Exception {
        StubLimits limits = StubLimits.DEFAULTS.withInFlightBodyBytes(64 * 1024).withTimeouts(2_000, 2_000);
        try (GatewayStub stub = GatewayStub.builder().limits(limits).start();
             Socket holder = new Socket(stub.host(), stub.port());
             Socket announcer = new Socket(stub.host(), stub.port())) {
            // Sends all but one byte of a 60 KiB body and stalls: it holds most of the budget until its deadline.
            OutputStream out = holder.getOutputStream();
            out.write(("POST /v1/chat/completions HTTP/1.1\r\nHost: stub\r\nContent-Length: 61440\r\n\r\n"
                    + "x".repeat(61439)).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // Announces a large body and sends none of it: it holds nothing.
            announcer.getOutputStream().write(("POST /v1/chat/completions HTTP/1.1\r\nHost: stub\r\n"
                    + "Content-Length: 1000000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String body = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\""
                    + "x".repeat(8 * 1024) + "\"}]}";
            RawSocket.Outcome refused;
            long deadline = System.nanoTime() + 10_000_000_000L;
            do { // until the holder's reservation is in place
                refused = RawSocket.exchange(stub.host(), stub.port(), "POST /v1/chat/completions HTTP/1.1\r\n"
                        + "Host: stub\r\nContent-Length: " + body.length() + "\r\n\r\n" + body, 10_000);
            } while (refused.status() == 200 && System.nanoTime() < deadline);

            assertThat(refused.status()).as("%s", refused).isEqualTo(503);
            assertThat(refused.header("Retry-After")).isEqualTo("1");
            assertThat(RawHttp.json(refused.body()).at("/error/message").asText()).contains("inFlightBodyBytes");
            assertThat(RawHttp.get(stub.baseUrl() + "/models").statusCode()).as("bodiless calls need no budget")
                    .isEqualTo(200);
        }
    }
}
