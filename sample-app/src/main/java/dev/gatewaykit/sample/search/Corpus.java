package dev.gatewaykit.sample.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/** The small document collection bundled with the app ({@code corpus/documents.json}). */
@Component
public class Corpus {

    private static final String LOCATION = "corpus/documents.json";

    private final List<CorpusDocument> documents;

    public Corpus() {
        this(new ClassPathResource(LOCATION));
    }

    Corpus(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            this.documents = List.copyOf(new ObjectMapper().readValue(in, new TypeReference<List<CorpusDocument>>() {
            }));
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot read the corpus " + resource.getDescription(), ex);
        }
        if (this.documents.isEmpty()) {
            throw new IllegalStateException("The corpus " + resource.getDescription() + " holds no documents");
        }
    }

    /** The documents, in file order. */
    public List<CorpusDocument> documents() {
        return this.documents;
    }

}
