package dev.gatewaykit.sample.ask;

import java.io.IOException;
import java.util.Iterator;
import java.util.concurrent.Executor;

import com.openai.errors.OpenAIException;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.completions.CompletionUsage;
import dev.gatewaykit.sample.gateway.GatewayCalls;
import dev.gatewaykit.sample.problem.GatewayProblems;
import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.errors.GatewayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Relays an {@link AnswerStream} to a browser as server-sent events, chunk by chunk as the gateway sends them, on a
 * worker thread so no request thread waits for the model.
 */
@Component
class AnswerStreamer {

    private static final Logger logger = LoggerFactory.getLogger(AnswerStreamer.class);

    private static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    private final Executor executor;

    private final GatewayCalls calls;

    private final GatewayProblems problems;

    AnswerStreamer(@Qualifier("applicationTaskExecutor") Executor executor, GatewayCalls calls,
            GatewayProblems problems) {
        this.executor = executor;
        this.calls = calls;
        this.problems = problems;
    }

    SseEmitter relay(AnswerStream stream, long timeoutMillis) {
        SseEmitter emitter = new SseEmitter(timeoutMillis);
        // The client went away or the emitter timed out: closing the stream releases the gateway connection.
        emitter.onCompletion(() -> stream.chunks().close());
        emitter.onTimeout(() -> stream.chunks().close());
        this.executor.execute(() -> pump(stream, emitter));
        return emitter;
    }

    private void pump(AnswerStream stream, SseEmitter emitter) {
        int deltas = 0;
        String finishReason = null;
        CompletionUsage usage = null;
        try (var chunks = stream.chunks()) {
            Iterator<ChatCompletionChunk> it = chunks.stream().iterator();
            while (it.hasNext()) {
                ChatCompletionChunk chunk = it.next();
                for (ChatCompletionChunk.Choice choice : chunk.choices()) {
                    String text = choice.delta().content().orElse("");
                    if (!text.isEmpty()) {
                        emitter.send(SseEmitter.event()
                            .name(StreamEvents.DELTA)
                            .data(new StreamEvents.Delta(text), MediaType.APPLICATION_JSON));
                        deltas++;
                    }
                    if (choice.finishReason().isPresent()) {
                        finishReason = choice.finishReason().get().asString();
                    }
                }
                if (chunk.usage().isPresent()) {
                    usage = chunk.usage().get();
                }
            }
            emitter.send(SseEmitter.event()
                .name(StreamEvents.DONE)
                .data(new StreamEvents.Done(stream.model(), deltas, finishReason, stream.sources(),
                        (usage != null) ? usage.promptTokens() : null,
                        (usage != null) ? usage.completionTokens() : null), MediaType.APPLICATION_JSON));
            emitter.complete();
        }
        catch (IOException clientGone) {
            // Nobody is listening any more; closing the gateway stream (above) is all that is left to do.
            logger.debug("Client left the answer stream: {}", clientGone.getMessage());
        }
        catch (RuntimeException ex) {
            sendFailure(emitter, ex);
        }
    }

    private void sendFailure(SseEmitter emitter, RuntimeException ex) {
        try {
            if (ex instanceof OpenAIException || ex instanceof GatewayException) {
                GatewayException explained = this.calls.explain(Role.LLM, ex);
                logger.warn("Answer stream failed: {}", explained.getMessage());
                emitter.send(SseEmitter.event()
                    .name(StreamEvents.ERROR)
                    .data(this.problems.of(explained.error()), PROBLEM_JSON));
                emitter.complete();
            }
            else {
                emitter.completeWithError(ex);
            }
        }
        catch (IOException | IllegalStateException clientGone) {
            // IllegalStateException: the emitter already completed because the client disconnected.
            logger.debug("Client left before the failure could be sent: {}", clientGone.getMessage());
        }
    }

}
