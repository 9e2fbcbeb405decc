package dev.gatewaykit.stub.agent;

/**
 * Bounds on what agent features keep in memory.
 *
 * @param storedResponses Responses API objects kept for {@code previous_response_id} and {@code GET /responses/{id}}
 *                        (oldest evicted first)
 * @param storedBytes     approximate size all stored Responses may take together (oldest evicted first)
 * @param recordedCalls   model calls kept for verification (oldest dropped first)
 * @param schemaReports   structured-output mismatch reports kept (oldest dropped first)
 * @param textChars       characters kept per message text in recorded calls; a recorded call keeps at most four
 *                        times this much text in all (its newest messages)
 */
public record AgentLimits(int storedResponses, long storedBytes, int recordedCalls, int schemaReports, int textChars) {

    /**
     * Defaults: 1,000 stored responses within 8 MiB, 500 recorded calls, 100 reports, 4,096 characters per text
     * (at most about 16 MiB of recorded text in the worst case).
     */
    public static final AgentLimits DEFAULTS = new AgentLimits(1000, 8L << 20, 500, 100, 4096);

    /** Validates the bounds. */
    public AgentLimits {
        if (storedBytes < 0) {
            throw new IllegalArgumentException("agent limit storedBytes must be >= 0, got " + storedBytes);
        }
        for (int v : new int[] {storedResponses, recordedCalls, schemaReports, textChars}) {
            if (v < 0) {
                throw new IllegalArgumentException("agent limits must be >= 0, got " + v);
            }
        }
    }
}
