package dev.gatewaykit.sample.ask;

import java.time.Duration;

import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.settings.GatewaySettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code POST /api/ask} and {@code GET /api/ask/stream}: answers from the corpus through the LLM route, in one
 * piece or as server-sent events ({@code delta}… then {@code done}, or {@code error}).
 */
@RestController
public class AskController {

    // Headroom over the gateway call timeout, so the gateway's own timeout fires first and is explained.
    private static final Duration STREAM_TIMEOUT_MARGIN = Duration.ofSeconds(5);

    private final AskService service;

    private final AnswerStreamer streamer;

    private final long streamTimeoutMillis;

    AskController(AskService service, AnswerStreamer streamer, GatewaySettings settings) {
        this.service = service;
        this.streamer = streamer;
        this.streamTimeoutMillis = settings.route(Role.LLM).timeout().orElse(settings.callTimeout()).plus(STREAM_TIMEOUT_MARGIN).toMillis();
    }

    /**
     * Answers a question in one piece.
     * @param request the question
     * @return the answer
     */
    @PostMapping("/api/ask")
    public AskResponse ask(@Valid @RequestBody AskRequest request) {
        return this.service.answer(request.question());
    }

    /**
     * Answers a question as a stream of server-sent events.
     * @param question the question
     * @return the event stream
     */
    @GetMapping(path = "/api/ask/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter stream(@RequestParam @NotBlank @Size(max = AskRequest.MAX_QUESTION) String question) {
        return this.streamer.relay(this.service.open(question), this.streamTimeoutMillis);
    }

}
