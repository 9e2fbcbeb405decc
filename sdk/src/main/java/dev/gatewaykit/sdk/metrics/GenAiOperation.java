package dev.gatewaykit.sdk.metrics;

import okhttp3.Request;

import java.util.Optional;

/**
 * The GenAI operations worth measuring, told apart by endpoint, with their OpenTelemetry
 * {@code gen_ai.operation.name}. The Responses API is {@code chat}: the convention says a predefined value that
 * applies MUST be used, and {@code chat} is the one for OpenAI's conversational generation ({@code generate_content}
 * names Gemini-style multimodal generation). The {@code gateway.role} tag ({@code codex}) still tells it apart.
 */
enum GenAiOperation {
    CHAT("chat", "/chat/completions"),
    RESPONSES("chat", "/responses"),
    EMBEDDINGS("embeddings", "/embeddings"),
    TEXT_COMPLETION("text_completion", "/completions");

    private final String otelName;
    private final String pathSuffix;

    GenAiOperation(String otelName, String pathSuffix) {
        this.otelName = otelName;
        this.pathSuffix = pathSuffix;
    }

    /** The value of {@code gen_ai.operation.name}. */
    String otelName() {
        return otelName;
    }

    /**
     * The operation a request performs; empty for anything else (model listings, health probes, fetching a stored
     * response), which is not measured. Declaration order matters: {@code /chat/completions} before {@code /completions}.
     */
    static Optional<GenAiOperation> of(Request request) {
        if (!"POST".equals(request.method())) {
            return Optional.empty();
        }
        String path = request.url().encodedPath();
        for (GenAiOperation operation : values()) {
            if (path.endsWith(operation.pathSuffix)) {
                return Optional.of(operation);
            }
        }
        return Optional.empty();
    }
}
