package dev.gatewaykit.sdk.metrics;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Only the reply's own usage counts, wherever the network splits the bytes: not usage-like text or nested objects. */
class JsonObserverTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            chat completion      | {"id":"c","choices":[{"message":{"content":"x"}}],"usage":{"prompt_tokens":12,"completion_tokens":5,"total_tokens":17},"system_fingerprint":"f"} | 12 | 5
            embeddings           | {"object":"list","data":[{"embedding":[0.1,-2.5e-3]}],"model":"m","usage":{"prompt_tokens":4,"total_tokens":4}} | 4 | -1
            responses            | {"id":"r","output":[{"content":[{"text":"usage"}]}],"usage":{"input_tokens":9,"input_tokens_details":{"cached_tokens":3},"output_tokens":2},"user":null} | 9 | 2
            usage-like text      | {"choices":[{"message":{"content":"{\\"usage\\":{\\"prompt_tokens\\":50}}"}}],"usage":{"prompt_tokens":1,"completion_tokens":1}} | 1 | 1
            nested usage ignored | {"choices":[{"usage":{"prompt_tokens":70}}],"meta":{"usage":{"completion_tokens":80}}} | -1 | -1
            no usage             | {"id":"c","usage":null} | -1 | -1
            """)
    void readsTheTopLevelUsageOnly(String name, String json, long input, long output) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        for (int split = 0; split <= bytes.length; split++) {
            TokenUsage usage = new TokenUsage();
            JsonObserver observer = new JsonObserver(usage);
            observer.onBytes(bytes, 0, split);
            observer.onBytes(bytes, split, bytes.length - split);
            assertThat(observer.complete()).as("split at %d", split).isTrue();
            assertThat(usage.input().orElse(-1)).as("split at %d", split).isEqualTo(input);
            assertThat(usage.output().orElse(-1)).as("split at %d", split).isEqualTo(output);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"usage":{"prompt_tokens":3},"choices":[{"message":{"content":"cut he
            {"usage":{"prompt_tokens":3}
            """)
    void aTruncatedReplyIsNotComplete(String json) {
        TokenUsage usage = new TokenUsage();
        JsonObserver observer = new JsonObserver(usage);
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        observer.onBytes(bytes, 0, bytes.length);
        assertThat(observer.complete()).isFalse();
        assertThat(usage.input()).hasValue(3);
    }
}
