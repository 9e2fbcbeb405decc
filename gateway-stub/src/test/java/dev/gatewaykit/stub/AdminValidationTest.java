package dev.gatewaykit.stub;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatewaykit.stub.junit.GatewayStubTest;
import dev.gatewaykit.stub.scripting.Fault;
import dev.gatewaykit.stub.support.RawHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;
import java.util.StringJoiner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Admin batches are all or nothing, and a fault that could not be sent correctly is refused when installed. */
@GatewayStubTest(mode = StubMode.LITELLM)
class AdminValidationTest {

    private final GatewayStub stub;

    AdminValidationTest(GatewayStub stub) {
        this.stub = stub;
    }

    @Test
    void aScriptBatchOverTheLimitInstallsNothing() {
        HttpResponse<String> r = RawHttp.post(stub.origin() + "/__stub/scripts", batch(300,
                "{\"path\":\"/chat/completions\",\"reply\":\"r\"}"));

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(RawHttp.json(r).at("/error/message").asText()).contains("none were added");
        assertThat(count("scripts")).isZero();
    }

    @Test
    void aFaultBatchOverTheLimitInstallsNothing() {
        HttpResponse<String> r = RawHttp.post(stub.origin() + "/__stub/faults", batch(10_000,
                "{\"path\":\"/embeddings\",\"status\":429}"));

        assertThat(r.statusCode()).as(r.body()).isIn(400, 413);
        assertThat(count("faults")).isZero();
        HttpResponse<String> fits = RawHttp.post(stub.origin() + "/__stub/faults", batch(256,
                "{\"path\":\"/embeddings\",\"status\":429}"));
        assertThat(fits.statusCode()).isEqualTo(200);
        assertThat(count("faults")).isEqualTo(256);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"path\":\"/chat/completions\",\"status\":429,\"headers\":{\"x-bad\":\"a\\r\\nSet-Cookie: b\"}}",
            "{\"path\":\"/chat/completions\",\"status\":429,\"headers\":{\"x-bad\":\"line\\nfeed\"}}",
            "{\"path\":\"/chat/completions\",\"status\":429,\"headers\":{\"bad name\":\"v\"}}",
            "{\"path\":\"/chat/completions\",\"status\":429,\"headers\":{\"x:colon\":\"v\"}}",
            "{\"path\":\"/chat/completions\",\"status\":429,\"headers\":{\"Transfer-Encoding\":\"chunked\"}}",
            "{\"path\":\"/chat/completions\",\"status\":200,\"headers\":{\"content-length\":\"5\"}}",
            "{\"path\":\"/chat/completions\",\"status\":100}",
            "{\"path\":\"/chat/completions\",\"status\":199}",
            "[{\"path\":\"/chat/completions\",\"status\":429},{\"path\":\"/chat/completions\",\"status\":101}]"})
    void faultsThatCouldNotBeSentAreRefusedAtInstallTime(String fault) {
        HttpResponse<String> r = RawHttp.post(stub.origin() + "/__stub/faults", fault);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(RawHttp.json(r).at("/error/message").asText()).startsWith("Invalid faults: ");
        assertThat(count("faults")).isZero();
        assertThat(RawHttp.post(stub.baseUrl() + "/chat/completions", RawHttp.chat("gpt-4o-mini", "hi")).statusCode())
                .isEqualTo(200);
    }

    @Test
    void embeddedFaultsAreCheckedTheSameWay() {
        assertThatThrownBy(() -> stub.fault(Fault.builder().path("/chat/completions").status(429)
                .header("x-bad", "a\r\nb").build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'x-bad'");
        assertThatThrownBy(() -> GatewayStub.builder().fault(Fault.builder().status(100).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("200..599");
    }

    @Test
    void aValidFaultHeaderIsSentAsIs() {
        RawHttp.post(stub.origin() + "/__stub/faults",
                "{\"path\":\"/chat/completions\",\"status\":429,\"headers\":{\"retry-after-ms\":\"10\"}}");

        HttpResponse<String> r = RawHttp.post(stub.baseUrl() + "/chat/completions", RawHttp.chat("gpt-4o-mini", "x"));

        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(r.headers().firstValue("retry-after-ms")).hasValue("10");
    }

    private int count(String what) {
        JsonNode list = RawHttp.json(RawHttp.get(stub.origin() + "/__stub/" + what)).get(what);
        return list.size();
    }

    private static String batch(int n, String rule) {
        StringJoiner all = new StringJoiner(",", "[", "]");
        for (int i = 0; i < n; i++) {
            all.add(rule);
        }
        return all.toString();
    }
}
