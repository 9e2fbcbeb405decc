package dev.gatewaykit.sample.search;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/search}.
 * @param query what to look for
 * @param k how many documents to return (default 3)
 */
public record SearchRequest(@NotBlank @Size(max = MAX_QUERY) String query, @Min(1) @Max(MAX_K) Integer k) {

    /** Longest accepted query, in characters. */
    public static final int MAX_QUERY = 1000;

    /** Most documents one search returns. */
    public static final int MAX_K = 10;

    /** Documents returned when {@code k} is absent. */
    public static final int DEFAULT_K = 3;

    /** {@code k}, or the default. */
    public int kOrDefault() {
        return (this.k != null) ? this.k : DEFAULT_K;
    }

}
