package dev.gatewaykit.hardening.secrets;

import dev.gatewaykit.hardening.support.PlantedKey;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.function.BiConsumer;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The scanner must not be blind: a key planted in any captured channel, whole or in part, is reported. */
class LeakWitnessTest {

    enum Channel {
        STANDARD_OUT((w, key) -> System.out.println("config: " + key)),
        STANDARD_ERR((w, key) -> System.err.println("config: " + key)),
        JAVA_UTIL_LOGGING((w, key) -> java.util.logging.Logger.getLogger("okhttp3.OkHttpClient")
                .warning("leaked " + key)),
        LOGBACK((w, key) -> org.slf4j.LoggerFactory.getLogger("dev.gatewaykit.any").debug("key {}", key)),
        EXCEPTION_CAUSE((w, key) -> w.sawException("failure",
                new IllegalStateException("outer", new RuntimeException("inner " + key)))),
        MIDDLE_PART_ONLY((w, key) -> w.saw("cut", key.substring(3, key.length() - 4))),
        TWELVE_HIDDEN_CHARACTERS((w, key) -> w.saw("fragment", key.substring(key.length() - 20, key.length() - 8)));

        private final BiConsumer<LeakWitness, String> leak;

        Channel(BiConsumer<LeakWitness, String> leak) {
            this.leak = leak;
        }
    }

    @ParameterizedTest
    @EnumSource(Channel.class)
    void aKeyPlantedInTheChannelIsReported(Channel channel) {
        PlantedKey key = PlantedKey.openAiStyle("canary");
        LeakWitness witness = LeakWitness.start();
        try {
            channel.leak.accept(witness, key.value());
        } finally {
            witness.close();
        }
        assertThatThrownBy(() -> witness.assertNoLeaks(List.of(key)))
                .hasMessageContaining("canary")
                .hasMessageNotContaining(key.value());
    }
}
