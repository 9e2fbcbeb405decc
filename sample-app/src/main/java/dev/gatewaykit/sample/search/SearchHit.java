package dev.gatewaykit.sample.search;

/**
 * A document found by a search.
 * @param id document id
 * @param title document title
 * @param text document text
 * @param score cosine similarity to the query, in [-1, 1]
 */
public record SearchHit(String id, String title, String text, double score) {
}
