package dev.gatewaykit.sample.summary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/summarize}.
 * @param documentId the id of a corpus document
 */
public record SummaryRequest(@NotBlank @Size(max = MAX_ID) String documentId) {

    /** Longest accepted id, in characters. */
    public static final int MAX_ID = 100;

}
