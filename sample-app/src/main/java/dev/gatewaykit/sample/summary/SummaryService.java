package dev.gatewaykit.sample.summary;

import java.util.Objects;

import dev.gatewaykit.sample.gateway.GatewayCalls;
import dev.gatewaykit.sample.gateway.RouteModels;
import dev.gatewaykit.sample.search.Corpus;
import dev.gatewaykit.sample.search.CorpusDocument;
import dev.gatewaykit.sdk.Role;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.stereotype.Service;

/**
 * Summarizes a corpus document with Spring AI's {@code ChatClient}, the one service of the app written against
 * Spring AI instead of openai-java. The auto-configured {@code ChatClient.Builder} sits on the gateway bridge's
 * {@code OpenAiChatModel}, so the call takes the LLM route: its URL, key, headers, failover and metrics.
 */
@Service
public class SummaryService {

    private static final String INSTRUCTIONS = "You summarize one document of the openai-gateway-kit documentation "
            + "in one sentence for a Java developer.\n\nDocument \"{title}\":\n{text}";

    private final ChatClient chat;

    private final Corpus corpus;

    private final GatewayCalls calls;

    private final RouteModels models;

    public SummaryService(ChatClient.Builder chat, Corpus corpus, GatewayCalls calls, RouteModels models) {
        this.chat = chat.build();
        this.corpus = corpus;
        this.calls = calls;
        this.models = models;
    }

    /**
     * Summarizes a document.
     * @param documentId the document's id
     * @return the summary
     * @throws UnknownDocumentException when no document has that id
     */
    public SummaryResponse summarize(String documentId) {
        CorpusDocument document = this.corpus.documents()
            .stream()
            .filter((candidate) -> candidate.id().equals(documentId))
            .findFirst()
            .orElseThrow(() -> new UnknownDocumentException(documentId,
                    this.corpus.documents().stream().map(CorpusDocument::id).toList()));
        // The route's model when OPENAI_LLM_MODEL sets one, else the app's default (the bridge only knows the former).
        ChatOptions.Builder<?> options = ChatOptions.builder().model(this.models.model(Role.LLM));
        // Template parameters, not concatenation: the document's text is never parsed as a template.
        ChatResponse response = this.calls.call(Role.LLM, () -> this.chat.prompt()
            .options(options)
            .system((system) -> system.text(INSTRUCTIONS)
                .param("title", document.title())
                .param("text", document.text()))
            .user((user) -> user.text("Summarize the document \"{title}\" in one sentence.")
                .param("title", document.title()))
            .call()
            .chatResponse());
        ChatResponse answered = Objects.requireNonNull(response, "ChatClient returned no response");
        return new SummaryResponse(document.id(), document.title(), answered.getResult().getOutput().getText(),
                answered.getMetadata().getModel());
    }

}
