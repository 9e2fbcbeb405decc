package dev.gatewaykit.stub.endpoints;

/**
 * The text a request carries, after validation.
 *
 * @param all          every text, newline-joined (what scripts match on)
 * @param lastUser     the last user text (what the default reply echoes)
 * @param promptTokens deterministic prompt token count
 */
public record PromptText(String all, String lastUser, long promptTokens) {
}
