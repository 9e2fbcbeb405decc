package dev.gatewaykit.sample.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.openai.client.OpenAIClient;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.Embedding;
import com.openai.models.embeddings.EmbeddingCreateParams;
import dev.gatewaykit.sample.gateway.GatewayCalls;
import dev.gatewaykit.sample.gateway.RouteModels;
import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.errors.GatewayException;
import dev.gatewaykit.spring.GatewayClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Cosine similarity search over the {@link Corpus}, with vectors from the EMBEDDINGS route. The corpus is embedded
 * once at startup; if the route is down then, the app still starts and the next search tries again.
 */
@Component
public class SearchIndex {

    private static final Logger logger = LoggerFactory.getLogger(SearchIndex.class);

    private final Corpus corpus;

    private final OpenAIClient embeddings;

    private final GatewayCalls calls;

    private final RouteModels models;

    private volatile List<float[]> documentVectors;

    public SearchIndex(Corpus corpus, @GatewayClient(Role.EMBEDDINGS) OpenAIClient embeddings, GatewayCalls calls,
            RouteModels models) {
        this.corpus = corpus;
        this.embeddings = embeddings;
        this.calls = calls;
        this.models = models;
    }

    @EventListener(ApplicationStartedEvent.class)
    void embedCorpusAtStartup() {
        try {
            documentVectors();
            logger.info("Embedded {} documents with {}", this.corpus.documents().size(), model());
        }
        catch (GatewayException ex) {
            logger.warn("Could not embed the corpus at startup; searches will retry.\n{}", ex.getMessage());
        }
    }

    /**
     * The {@code k} documents most similar to {@code query}.
     * @param query the query text
     * @param k how many to return
     * @return best matches first
     * @throws GatewayException when the EMBEDDINGS route fails
     */
    public SearchResponse search(String query, int k) {
        List<float[]> vectors = documentVectors();
        float[] queryVector = embed(List.of(query)).get(0);
        List<CorpusDocument> documents = this.corpus.documents();
        List<SearchHit> hits = new ArrayList<>(documents.size());
        for (int i = 0; i < documents.size(); i++) {
            CorpusDocument document = documents.get(i);
            hits.add(new SearchHit(document.id(), document.title(), document.text(),
                    Vectors.cosine(queryVector, vectors.get(i))));
        }
        hits.sort(Comparator.comparingDouble(SearchHit::score).reversed());
        return new SearchResponse(query, model(), List.copyOf(hits.subList(0, Math.min(k, hits.size()))));
    }

    private List<float[]> documentVectors() {
        List<float[]> vectors = this.documentVectors;
        if (vectors == null) {
            synchronized (this) {
                vectors = this.documentVectors;
                if (vectors == null) {
                    vectors = embed(this.corpus.documents().stream().map(CorpusDocument::embeddingInput).toList());
                    this.documentVectors = vectors;
                }
            }
        }
        return vectors;
    }

    private List<float[]> embed(List<String> texts) {
        EmbeddingCreateParams params = EmbeddingCreateParams.builder()
            .model(model())
            .inputOfArrayOfStrings(texts)
            // Float, not the SDK's base64 default: base64 breaks LiteLLM in front of Ollama or vLLM.
            .encodingFormat(EmbeddingCreateParams.EncodingFormat.FLOAT)
            .build();
        CreateEmbeddingResponse response = this.calls.call(Role.EMBEDDINGS,
                () -> this.embeddings.embeddings().create(params));
        List<Embedding> data = new ArrayList<>(response.data());
        if (data.size() != texts.size()) {
            throw new IllegalStateException(
                    "Asked for " + texts.size() + " embeddings, received " + data.size() + " from " + model());
        }
        // The API may answer out of order; "index" says which input each vector belongs to.
        data.sort(Comparator.comparingLong(Embedding::index));
        return data.stream().map((embedding) -> Vectors.of(embedding.embedding())).toList();
    }

    private String model() {
        return this.models.model(Role.EMBEDDINGS);
    }

}
