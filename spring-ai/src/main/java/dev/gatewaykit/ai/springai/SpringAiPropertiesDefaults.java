package dev.gatewaykit.ai.springai;

import org.springframework.ai.model.openai.autoconfigure.OpenAiChatProperties;
import org.springframework.ai.model.openai.autoconfigure.OpenAiEmbeddingProperties;
import org.springframework.ai.openai.OpenAiEmbeddingOptions;

/** Reads {@link SpringAiModelDefaults} from Spring AI's own bound properties; connection properties are not read. */
final class SpringAiPropertiesDefaults {

    private SpringAiPropertiesDefaults() {
    }

    static SpringAiModelDefaults from(OpenAiChatProperties chat, OpenAiEmbeddingProperties embedding) {
        OpenAiEmbeddingOptions.Builder options = OpenAiEmbeddingOptions.builder()
                .dimensions(embedding.getDimensions()).user(embedding.getUser())
                .encodingFormat(embedding.getEncodingFormat());
        options.model(embedding.getModel());
        if (embedding.getExtraBody() != null) {
            options.extraBody(embedding.getExtraBody());
        }
        return new SpringAiModelDefaults(chat.toOptions(), options.build());
    }
}
