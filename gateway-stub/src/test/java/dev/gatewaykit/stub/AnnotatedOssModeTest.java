package dev.gatewaykit.stub;

import dev.gatewaykit.stub.junit.GatewayStubTest;
import dev.gatewaykit.stub.support.RawHttp;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link GatewayStubTest} selects the self-hosted Portkey gateway. */
@GatewayStubTest(mode = StubMode.PORTKEY_OSS)
class AnnotatedOssModeTest {

    @Test
    void annotationChoosesTheSelfHostedGateway(GatewayStub stub) {
        assertThat(stub.mode()).isEqualTo(StubMode.PORTKEY_OSS);
        assertThat(RawHttp.get(stub.origin() + "/__stub/ready").body()).contains("\"mode\":\"portkey-oss\"");
        assertThat(RawHttp.post(stub.baseUrl() + "/chat/completions", RawHttp.chat("gpt-4o-mini", "x"))
                .statusCode()).isEqualTo(400);
        assertThat(RawHttp.post(stub.baseUrl() + "/chat/completions", RawHttp.chat("gpt-4o-mini", "x"),
                "x-portkey-provider", "openai").statusCode()).isEqualTo(200);
    }
}
