package dev.gatewaykit.sample.e2e;

import java.util.UUID;

/** Obviously fake keys, new for every run. */
final class TestKeys {

    private TestKeys() {
    }

    /** {@code sk-test-<random>-<purpose>}: the purpose last, so masked keys ({@code sk-...rnal}) tell routes apart. */
    static String create(String purpose) {
        return "sk-test-" + UUID.randomUUID().toString().replace("-", "") + "-" + purpose;
    }

}
