package dev.gatewaykit.sample.code;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/code}.
 * @param task what the code should do
 */
public record CodeRequest(@NotBlank @Size(max = MAX_TASK) String task) {

    /** Longest accepted task, in characters. */
    public static final int MAX_TASK = 4000;

}
