package dev.gatewaykit.stub.record;

import dev.gatewaykit.stub.support.RawHttp;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What fixtures keep of keys: nothing; and what they keep of ordinary text: everything. */
class RedactorTest {

    private final Redactor redactor = new Redactor(List.of("vk-known-virtual-0001"));

    @Test
    void keyShapedStringsAndKnownKeysAreReplacedWhole() {
        assertThat(redactor.text("use sk-proj-abcdefgh12345678 or Bearer abcdefghijklmnop, or vk-known-virtual-0001"))
                .isEqualTo("use [REDACTED] or [REDACTED], or [REDACTED]");
    }

    @Test
    void wordsThatMerelyContainSkDashStayReadable() {
        assertThat(redactor.text("task-list-2024-abcdefgh and desk-organizer-12345")).isEqualTo(
                "task-list-2024-abcdefgh and desk-organizer-12345");
    }

    @Test
    void keyFieldsAreReplacedAndNestedStringsRedacted() {
        assertThat(redactor.json(RawHttp.json("{\"api_key\":\"anything\",\"key\":{\"type\":\"string\"},"
                + "\"messages\":[{\"content\":\"my key sk-test-live-0123456789\"}]}")).toString()).isEqualTo(
                "{\"api_key\":\"[REDACTED]\",\"key\":{\"type\":\"string\"},\"messages\":[{\"content\":\"my key [REDACTED]\"}]}");
    }
}
