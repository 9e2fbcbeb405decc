package dev.gatewaykit.sample.search;

import jakarta.validation.Valid;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/search}: similarity search over the bundled corpus through the EMBEDDINGS route. */
@RestController
public class SearchController {

    private final SearchIndex index;

    public SearchController(SearchIndex index) {
        this.index = index;
    }

    /**
     * Finds the documents closest to the query.
     * @param request query and k
     * @return the hits
     */
    @PostMapping("/api/search")
    public SearchResponse search(@Valid @RequestBody SearchRequest request) {
        return this.index.search(request.query(), request.kOrDefault());
    }

}
