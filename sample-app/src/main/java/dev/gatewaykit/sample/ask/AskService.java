package dev.gatewaykit.sample.ask;

import java.util.List;

import com.openai.client.OpenAIClient;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import dev.gatewaykit.sample.gateway.GatewayCalls;
import dev.gatewaykit.sample.gateway.RouteModels;
import dev.gatewaykit.sample.search.SearchHit;
import dev.gatewaykit.sample.search.SearchIndex;
import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.spring.GatewayClient;

import org.springframework.stereotype.Service;

/**
 * Answers questions from the corpus: retrieves context through the EMBEDDINGS route, asks the LLM route.
 */
@Service
public class AskService {

    private static final int CONTEXT_DOCUMENTS = 3;

    private final SearchIndex index;

    private final OpenAIClient llm;

    private final GatewayCalls calls;

    private final RouteModels models;

    public AskService(SearchIndex index, @GatewayClient(Role.LLM) OpenAIClient llm, GatewayCalls calls,
            RouteModels models) {
        this.index = index;
        this.llm = llm;
        this.calls = calls;
        this.models = models;
    }

    /**
     * Answers in one piece.
     * @param question the question
     * @return the answer with its sources
     */
    public AskResponse answer(String question) {
        List<SearchHit> context = context(question);
        String model = this.models.model(Role.LLM);
        ChatCompletion completion = this.calls.call(Role.LLM,
                () -> this.llm.chat().completions().create(GroundedPrompt.of(model, question, context).build()));
        ChatCompletion.Choice choice = completion.choices().stream().findFirst().orElseThrow(
                () -> new IllegalStateException("The gateway answered without choices for model " + model));
        return new AskResponse(question, choice.message().content().orElse(""), model,
                choice.finishReason().asString(), sources(context));
    }

    /**
     * Opens a streaming answer. Failures before the first chunk (bad key, model not allowed, proxy down) are thrown
     * here, so they can still be answered with a proper HTTP status.
     * @param question the question
     * @return the open stream
     */
    AnswerStream open(String question) {
        List<SearchHit> context = context(question);
        String model = this.models.model(Role.LLM);
        var params = GroundedPrompt.of(model, question, context)
            .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build())
            .build();
        return new AnswerStream(question, model, sources(context),
                this.calls.call(Role.LLM, () -> this.llm.chat().completions().createStreaming(params)));
    }

    private List<SearchHit> context(String question) {
        return this.index.search(question, CONTEXT_DOCUMENTS).hits();
    }

    private static List<Source> sources(List<SearchHit> context) {
        return context.stream().map(Source::of).toList();
    }

}
