package dev.gatewaykit.sample.ask;

import dev.gatewaykit.sample.search.SearchHit;

/**
 * A corpus document given to the model as context.
 * @param id document id
 * @param title document title
 * @param score similarity to the question
 */
public record Source(String id, String title, double score) {

    static Source of(SearchHit hit) {
        return new Source(hit.id(), hit.title(), hit.score());
    }

}
