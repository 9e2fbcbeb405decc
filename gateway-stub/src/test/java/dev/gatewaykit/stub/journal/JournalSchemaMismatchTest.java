package dev.gatewaykit.stub.journal;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Schema mismatches on a journal entry are masked and bounded when recorded. */
class JournalSchemaMismatchTest {

    private static final String KNOWN = "team-secret-key-0001";

    private final Journal journal = new Journal(10, 1 << 20, 1000, KNOWN::equals);

    @Test
    void mismatchesAreCutToTheirBoundsAndCountedInTheEntrySize() {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            problems.add("$.p" + i + ": " + "x".repeat(2000));
        }
        List<SchemaMismatch> many = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            many.add(new SchemaMismatch("tool 't" + i + "' arguments", problems));
        }
        journal.record(Instant.now(), "GET", "/a", 200, null, null, Map.of(), new byte[0], 1);
        long without = journal.bytes();

        record(many);

        List<SchemaMismatch> kept = journal.entries(-1).get(1).schemaMismatches();
        assertThat(kept).hasSize(8);
        assertThat(kept.get(0).problems()).hasSize(21).last().isEqualTo("... 10 more");
        assertThat(kept.get(0).problems().get(0)).hasSizeLessThanOrEqualTo(515).startsWith("$.p0: xxx");
        assertThat(journal.bytes() - without).isGreaterThan(8L * 20 * 512 * 2);
        assertThat(journal.entries(-1).get(0).schemaMismatches()).isEmpty();
    }

    @Test
    void keysInMismatchesAreMasked() {
        record(List.of(new SchemaMismatch("response_format 'sk-test-subject0123456789'",
                List.of("$: not valid JSON (Unrecognized token 'sk-test-planted0123456789abc')", "$.k: " + KNOWN))));

        SchemaMismatch m = journal.entries(-1).get(0).schemaMismatches().get(0);
        assertThat(m.subject()).doesNotContain("sk-test-subject0123456789");
        assertThat(m.problems().get(0)).doesNotContain("sk-test-planted0123456789abc").contains("sk-...");
        assertThat(m.problems().get(1)).doesNotContain(KNOWN);
    }

    private void record(List<SchemaMismatch> mismatches) {
        journal.record(Instant.now(), "POST", "/v1/chat/completions", 200, "gpt-4o-mini", null, Map.of(), new byte[0], 1,
                mismatches);
    }
}
