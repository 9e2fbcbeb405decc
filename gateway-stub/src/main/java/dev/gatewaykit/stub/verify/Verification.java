package dev.gatewaykit.stub.verify;

import dev.gatewaykit.stub.conversation.Message;
import dev.gatewaykit.stub.journal.JournalEntry;

import java.util.List;
import java.util.function.Supplier;

/**
 * Assertions over what a stub saw and answered, for tests: which tools the model (the stub) called with which
 * arguments, which tool outputs the agent sent back, and how many requests went to a route, model or key.
 * It reads the stub's bounded, masked records each time a check runs, so one instance can be kept for a test.
 * Failed checks throw {@link AssertionError} describing what was seen.
 *
 * <pre>{@code
 * stub.verify().toolCalled("get_weather").withArguments(a -> a.path("city").asText().equals("Paris")).times(1);
 * stub.verify().toolOutputSent("get_weather").atLeastOnce();
 * stub.verify().requests().path("/chat/completions").model("gpt-4o-mini").times(2);
 * }</pre>
 */
public final class Verification {

    private final Supplier<List<RecordedCall>> calls;
    private final Supplier<List<JournalEntry>> journal;
    private final Supplier<List<SchemaReport>> reports;

    /** A verification over live suppliers of the stub's records. */
    public Verification(Supplier<List<RecordedCall>> calls, Supplier<List<JournalEntry>> journal,
                        Supplier<List<SchemaReport>> reports) {
        this.calls = calls;
        this.journal = journal;
        this.reports = reports;
    }

    /** Calls of {@code function} the stub made the model reply with. */
    public ToolCallCheck toolCalled(String function) {
        return ToolCallCheck.replies(function, calls);
    }

    /** Outputs of {@code function} calls the agent sent back (tool messages, {@code function_call_output}s). */
    public ToolCallCheck toolOutputSent(String function) {
        return ToolCallCheck.outputs(function, calls);
    }

    /** Requests of any route, narrowed by {@link RequestCheck}'s methods. */
    public RequestCheck requests() {
        return new RequestCheck(journal, null, null, null);
    }

    /** The model calls in order: each conversation sent and the reply given. */
    public List<RecordedCall> conversation() {
        return calls.get();
    }

    /** Tool outputs sent back, in order, each once (a later request repeating earlier outputs does not count). */
    public List<Message> toolOutputs() {
        return ToolCallCheck.distinctOutputs(calls.get(), null);
    }

    /** The conversation as readable text, for failure messages. */
    public String transcript() {
        return Transcript.of(calls.get());
    }

    /** Passes when no scripted reply broke the schema of its request. */
    public Verification noSchemaMismatches() {
        List<SchemaReport> all = reports.get();
        if (!all.isEmpty()) {
            StringBuilder sb = new StringBuilder("expected no schema mismatches, got " + all.size() + ":");
            all.forEach(r -> sb.append("\n  ").append(r.path()).append(' ').append(r.subject()).append(": ")
                    .append(r.problems()));
            throw new AssertionError(sb.toString());
        }
        return this;
    }
}
