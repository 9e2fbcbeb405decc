package dev.gatewaykit.stub.agent;

/**
 * Bounds on what agent features keep in memory.
 *
 * @param storedResponses Responses API objects kept for {@code previous_response_id} and {@code GET /responses/{id}}
 *                        (oldest evicted first)
 * @param recordedCalls   model calls kept for verification (oldest dropped first)
 * @param schemaReports   structured-output mismatch reports kept (oldest dropped first)
 * @param textChars       characters kept per message text in recorded calls
 */
public record AgentLimits(int storedResponses, int recordedCalls, int schemaReports, int textChars) {

    /** Defaults: 1,000 stored responses and recorded calls, 100 reports, 8,192 characters per text. */
    public static final AgentLimits DEFAULTS = new AgentLimits(1000, 1000, 100, 8192);

    /** Validates the bounds. */
    public AgentLimits {
        for (int v : new int[] {storedResponses, recordedCalls, schemaReports, textChars}) {
            if (v < 0) {
                throw new IllegalArgumentException("agent limits must be >= 0, got " + v);
            }
        }
    }
}
