package dev.gatewaykit.sample.diagnose;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/diagnose}.
 * @param problem what goes wrong, as a user describes it
 */
public record DiagnoseRequest(@NotBlank @Size(max = MAX_PROBLEM) String problem) {

    /** Longest accepted description, in characters. */
    public static final int MAX_PROBLEM = 2000;

}
