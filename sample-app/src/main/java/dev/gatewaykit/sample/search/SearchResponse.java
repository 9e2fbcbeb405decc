package dev.gatewaykit.sample.search;

import java.util.List;

/**
 * Answer of {@code POST /api/search}.
 * @param query the query
 * @param model the embeddings model used
 * @param hits best matches first
 */
public record SearchResponse(String query, String model, List<SearchHit> hits) {
}
