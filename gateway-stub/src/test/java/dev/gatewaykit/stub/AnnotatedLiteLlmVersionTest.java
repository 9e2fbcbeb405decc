package dev.gatewaykit.stub;

import dev.gatewaykit.stub.junit.GatewayStubTest;
import dev.gatewaykit.stub.support.RawHttp;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link GatewayStubTest#liteLlmVersion()} selects the release line and wins over the older attribute. */
@GatewayStubTest(liteLlmVersion = "1.60", liteLlmStatuses = LiteLlmStatuses.NEW)
class AnnotatedLiteLlmVersionTest {

    @Test
    void theAnnotatedLineAnswers(GatewayStub stub) {
        assertThat(RawHttp.post(stub.baseUrl() + "/chat/completions", RawHttp.chat("gpt-4o-mini", "x"))
                .headers().firstValue("x-litellm-version")).hasValue("1.60.8");
    }
}
