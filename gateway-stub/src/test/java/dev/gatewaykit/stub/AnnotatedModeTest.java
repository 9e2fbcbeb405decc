package dev.gatewaykit.stub;

import dev.gatewaykit.stub.junit.GatewayStubTest;
import dev.gatewaykit.stub.support.RawHttp;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link GatewayStubTest} attributes configure the injected stub. */
@GatewayStubTest(mode = StubMode.PORTKEY, masterKey = "pk-test-annotation-key-0001")
class AnnotatedModeTest {

    @Test
    void annotationChoosesModeAndKey(GatewayStub stub) {
        assertThat(stub.mode()).isEqualTo(StubMode.PORTKEY);
        assertThat(RawHttp.get(stub.origin() + "/__stub/ready").body()).contains("\"mode\":\"portkey\"");
        assertThat(RawHttp.post(stub.baseUrl() + "/chat/completions", RawHttp.chat("@p/gpt-4o-mini", "x"))
                .statusCode()).isEqualTo(401);
        assertThat(RawHttp.post(stub.baseUrl() + "/chat/completions", RawHttp.chat("@p/gpt-4o-mini", "x"),
                "x-portkey-api-key", "pk-test-annotation-key-0001").statusCode()).isEqualTo(200);
    }
}
