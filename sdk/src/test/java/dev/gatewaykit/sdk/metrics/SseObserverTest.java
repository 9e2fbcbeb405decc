package dev.gatewaykit.sdk.metrics;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Event framing does not depend on how the network slices the bytes: each stream shape is fed split at every
 * possible point, and must give the same usage, end and error verdict as when fed whole.
 */
class SseObserverTest {

    static Stream<Arguments> streams() {
        return Stream.of(
                // name, body, input tokens, output tokens (-1 = none), complete, in-band error
                Arguments.of("chat with usage chunk (OpenAI compact JSON)", """
                        data: {"id":"c","choices":[{"delta":{"content":"hi"}}],"usage":null}

                        data: {"id":"c","choices":[],"usage":{"prompt_tokens":11,"completion_tokens":7,"total_tokens":18}}

                        data: [DONE]

                        """, 11, 7, true, false),
                Arguments.of("chat with usage chunk (LiteLLM spacing, CRLF, usage with choices)", """
                        data: {"id": "c", "choices": [{"delta": {"content": "a"}}]}\r
                        \r
                        data: {"id": "c", "choices": [{"delta": {}}], "usage": {"completion_tokens": 3, "prompt_tokens": 5}}\r
                        \r
                        data: [DONE]\r
                        \r
                        """, 5, 3, true, false),
                Arguments.of("chat without include_usage", """
                        data: {"id":"c","choices":[{"delta":{"content":"hi"}}]}

                        data: [DONE]

                        """, -1, -1, true, false),
                Arguments.of("chat with a mid-stream error and no [DONE]", """
                        data: {"id":"c","choices":[{"delta":{"content":"hi"}}]}

                        data: {"error": {"message": "upstream died", "type": "internal_server_error", "code": "500"}}

                        """, -1, -1, false, true),
                Arguments.of("responses stream ending in response.completed", """
                        event: response.created
                        data: {"type":"response.created","response":{"id":"r","usage":null}}

                        event: response.output_text.delta
                        data: {"type":"response.output_text.delta","delta":"{\\"usage\\":{\\"input_tokens\\":99}}"}

                        : a comment line
                        event: response.completed
                        data: {"type":"response.completed","response":{"id":"r","usage":{"input_tokens":8,"input_tokens_details":{"cached_tokens":4},"output_tokens":6,"total_tokens":14}}}

                        """, 8, 6, true, false),
                Arguments.of("responses stream that failed", """
                        event: response.failed
                        data: {"type":"response.failed","response":{"id":"r","error":{"code":"server_error"},"usage":null}}

                        """, -1, -1, true, true),
                Arguments.of("cut stream", """
                        data: {"id":"c","choices":[{"delta":{"content":"hi"}}],"usage":null}

                        data: {"id":"c","choi""", -1, -1, false, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("streams")
    void sameVerdictWhereverTheBytesAreSplit(String name, String body, long input, long output, boolean complete,
            boolean error) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        IntStream.rangeClosed(0, bytes.length).forEach(split -> {
            TokenUsage usage = new TokenUsage();
            SseObserver observer = new SseObserver(usage);
            observer.onBytes(bytes, 0, split);
            observer.onBytes(bytes, split, bytes.length - split);
            observer.onEnd();
            String at = name + " split at " + split;
            assertThat(usage.input().orElse(-1)).as(at).isEqualTo(input);
            assertThat(usage.output().orElse(-1)).as(at).isEqualTo(output);
            assertThat(observer.complete()).as(at).isEqualTo(complete);
            assertThat(observer.reportsError()).as(at).isEqualTo(error);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("streams")
    void sameVerdictFedOneByteAtATime(String name, String body, long input, long output, boolean complete,
            boolean error) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        TokenUsage usage = new TokenUsage();
        SseObserver observer = new SseObserver(usage);
        for (int i = 0; i < bytes.length; i++) {
            observer.onBytes(bytes, i, 1);
        }
        observer.onEnd();
        assertThat(usage.input().orElse(-1)).isEqualTo(input);
        assertThat(usage.output().orElse(-1)).isEqualTo(output);
        assertThat(observer.complete()).isEqualTo(complete);
        assertThat(observer.reportsError()).isEqualTo(error);
    }
}
