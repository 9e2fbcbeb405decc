package dev.gatewaykit.stub;

import dev.gatewaykit.stub.junit.GatewayStubExtension;
import dev.gatewaykit.stub.support.RawHttp;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The extension: one stub per class, a fresh state per test, injection into parameters. */
class GatewayStubExtensionTest {

    private static final Set<Integer> PORTS = new HashSet<>();

    @RegisterExtension
    static GatewayStubExtension extension = new GatewayStubExtension(GatewayStub.builder().mode(StubMode.OPENAI));

    @RepeatedTest(3)
    void eachTestStartsWithAnEmptyJournalOnTheSameStub(GatewayStub stub) {
        assertThat(stub.mode()).isEqualTo(StubMode.OPENAI);
        assertThat(stub.journal()).isEmpty();
        RawHttp.post(stub.baseUrl() + "/chat/completions", RawHttp.chat("gpt-4o-mini", "hi"));
        assertThat(stub.journal()).hasSize(1);
        PORTS.add(stub.port());
        assertThat(PORTS).hasSize(1);
    }

    @Test
    void scriptsAddedInATestDoNotLeakIntoTheNext(GatewayStub stub) {
        assertThat(RawHttp.json(RawHttp.post(stub.baseUrl() + "/chat/completions", RawHttp.chat("gpt-4o-mini", "q")))
                .at("/choices/0/message/content").asText()).isEqualTo("Echo: q");
        stub.script(dev.gatewaykit.stub.scripting.Script.builder().reply("scripted").build());
    }

    @Test
    void scriptsAddedInATestDoNotLeakIntoTheNextAgain(GatewayStub stub) {
        scriptsAddedInATestDoNotLeakIntoTheNext(stub);
    }
}
