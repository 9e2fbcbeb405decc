package dev.gatewaykit.sample.search;

/**
 * One document of the searchable corpus.
 * @param id stable identifier
 * @param title short title
 * @param text the text that is embedded and returned
 */
public record CorpusDocument(String id, String title, String text) {

    /** The text sent to the embeddings model: title and body together. */
    public String embeddingInput() {
        return this.title + ". " + this.text;
    }

}
