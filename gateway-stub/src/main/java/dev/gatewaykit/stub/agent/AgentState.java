package dev.gatewaykit.stub.agent;

import dev.gatewaykit.stub.record.Passthrough;
import dev.gatewaykit.stub.responses.ResponseStore;
import dev.gatewaykit.stub.verify.CallLog;
import dev.gatewaykit.stub.verify.SchemaReports;

import java.util.Collection;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What a running stub keeps for agent flows: stored Responses, the calls tests verify, structured-output reports.
 */
public final class AgentState {

    private final AgentLimits limits;
    private final ResponseStore responses;
    private final CallLog calls;
    private final SchemaReports reports;
    private final Passthrough passthrough;

    /**
     * State bounded by {@code limits}; {@code secrets} lists keys to mask in recorded texts; {@code passthrough}
     * (record or replay) serves model calls instead of the stub's own replies, or {@code null}.
     */
    public AgentState(AgentLimits limits, Supplier<Collection<String>> secrets, Passthrough passthrough) {
        this.limits = limits;
        this.passthrough = passthrough;
        this.responses = new ResponseStore(limits.storedResponses(), limits.storedBytes());
        this.calls = new CallLog(limits.recordedCalls(), limits.textChars(), secrets);
        this.reports = new SchemaReports(limits.schemaReports());
    }

    /** The bounds. */
    public AgentLimits limits() {
        return limits;
    }

    /** Stored Responses API objects. */
    public ResponseStore responses() {
        return responses;
    }

    /** Recorded model calls. */
    public CallLog calls() {
        return calls;
    }

    /** Structured-output mismatch reports. */
    public SchemaReports reports() {
        return reports;
    }

    /** The recorder or replayer serving model calls, if any. */
    public Optional<Passthrough> passthrough() {
        return Optional.ofNullable(passthrough);
    }

    /** Forgets everything (part of the stub's reset). */
    public void reset() {
        responses.clear();
        calls.clear();
        reports.clear();
    }
}
