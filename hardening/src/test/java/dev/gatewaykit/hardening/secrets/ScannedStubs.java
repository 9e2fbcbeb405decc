package dev.gatewaykit.hardening.secrets;

import dev.gatewaykit.hardening.support.PlantedKey;
import dev.gatewaykit.stub.GatewayStub;

import java.util.ArrayList;
import java.util.List;

/**
 * The stubs one secret-scan test starts: when the test ends, each stub's journal (objects and the JSON an operator
 * reads) goes to the witness before the stub closes, then the witness is closed and must have seen no planted key.
 */
final class ScannedStubs {

    private final List<GatewayStub> stubs = new ArrayList<>();

    /** Scans {@code stub}'s journal when the test ends; returns it. */
    GatewayStub add(GatewayStub stub) {
        stubs.add(stub);
        return stub;
    }

    /** Shows every journal to {@code witness}, closes the stubs and the witness, and asserts no key leaked. */
    void scanAndClose(LeakWitness witness, List<PlantedKey> planted) {
        try {
            for (GatewayStub stub : stubs) {
                witness.saw("journal objects of " + stub, stub.journal());
                witness.saw("journal JSON of " + stub, StubAdmin.journalJson(stub));
                stub.close();
            }
        } finally {
            witness.close();
        }
        witness.assertNoLeaks(planted);
    }
}
