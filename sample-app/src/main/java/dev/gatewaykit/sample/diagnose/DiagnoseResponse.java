package dev.gatewaykit.sample.diagnose;

/**
 * Answer of {@code POST /api/diagnose}.
 * @param problem the problem as described
 * @param diagnosis the model's structured answer, parsed
 * @param model the model used
 */
public record DiagnoseResponse(String problem, Diagnosis diagnosis, String model) {
}
