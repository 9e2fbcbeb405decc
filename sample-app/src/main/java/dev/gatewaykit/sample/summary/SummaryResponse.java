package dev.gatewaykit.sample.summary;

/**
 * Answer of {@code POST /api/summarize}.
 * @param documentId the document
 * @param title its title
 * @param summary the model's summary
 * @param model the model that answered
 */
public record SummaryResponse(String documentId, String title, String summary, String model) {
}
