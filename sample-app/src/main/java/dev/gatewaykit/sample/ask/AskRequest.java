package dev.gatewaykit.sample.ask;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/ask}.
 * @param question the question to answer from the corpus
 */
public record AskRequest(@NotBlank @Size(max = MAX_QUESTION) String question) {

    /** Longest accepted question, in characters. */
    public static final int MAX_QUESTION = 2000;

}
