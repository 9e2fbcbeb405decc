package dev.gatewaykit.sample.code;

import java.util.stream.Collectors;

import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseOutputText;

/** The answer text of a Responses API response. */
public final class OutputText {

    private OutputText() {
    }

    /**
     * The text parts of the response's message items, joined. Other items (function calls, reasoning) carry no
     * answer text.
     * @param response the response
     * @return the text, empty when the response holds no message
     */
    public static String of(Response response) {
        return response.output()
            .stream()
            .flatMap((item) -> item.message().stream())
            .flatMap((message) -> message.content().stream())
            .flatMap((content) -> content.outputText().stream())
            .map(ResponseOutputText::text)
            .collect(Collectors.joining());
    }

}
