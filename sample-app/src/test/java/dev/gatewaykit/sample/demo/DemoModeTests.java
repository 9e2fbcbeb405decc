package dev.gatewaykit.sample.demo;

import dev.gatewaykit.sample.SampleApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's first command, minus Maven: the app started as {@code main} starts it with {@code --demo}, its exit
 * code and what it prints.
 */
@ExtendWith(OutputCaptureExtension.class)
class DemoModeTests {

    @Test
    void demoPrintsTheRoutingTableAndEveryAnswerAndExitsZero(CapturedOutput output) {
        int exitCode = runDemo("--demo", "--demo.serve=false");

        assertThat(exitCode).isZero();
        assertThat(output.getOut()).contains("Routing table:")
            .containsPattern("EMBEDDINGS\\s+litellm\\s+http://127\\.0\\.0\\.1:\\d+/v1\\s+text-embedding-3-small\\s+sk-...")
            .containsPattern("LLM\\s+litellm\\s+http://127\\.0\\.0\\.1:\\d+/v1\\s+gpt-4o-mini")
            .containsPattern("CODEX\\s+litellm\\s+http://127\\.0\\.0\\.1:\\d+/v1\\s+gpt-4\\.1-mini")
            .containsPattern("\\[EMBEDDINGS] search \"" + DemoRunner.SEARCH_QUERY.replace("?", "\\?")
                    + "\" -> 3 hits: [a-z-]+ \\(")
            .containsPattern("\\[LLM] ask \\(streamed, \\d+ events\\) \"" + DemoRunner.QUESTION.replace("?", "\\?")
                    + "\" -> Echo: " + DemoRunner.QUESTION.replace("?", "\\?"))
            .contains("[CODEX] code (gpt-4.1-mini, Responses API) -> Echo: " + DemoRunner.TASK)
            .containsPattern("\\[LLM] diagnose \\(structured output, json_schema -> Diagnosis record\\) \".+\" -> "
                    + "route=EMBEDDINGS cause=\"[^\"]+\" steps=\\[\"[^\"]+\"]")
            .contains("[LLM] summarize (Spring AI ChatClient, gpt-4o-mini) key-rule -> Echo: Summarize the document "
                    + "\"Keys stay with their origin\" in one sentence.")
            .contains("[CODEX] agent (Responses API function calls, 2 turns) \"" + DemoRunner.AGENT_TASK
                    + "\" -> ran read_file{\"path\":\"routes\"} -> " + DemoScripts.AGENT_ANSWER)
            .contains("3 x POST /v1/chat/completions 200 key sk-...")
            .contains("3 x POST /v1/responses 200 key sk-...")
            .containsPattern("3 x POST /v1/embeddings 200 key sk-\\.\\.\\.[0-9a-f]{4}")
            // The FROM column names the layer as a newcomer knows it, not an internal seam.
            .contains("baseUrl=OPENAI_EMBEDDINGS_BASE_URL(demo stubs)")
            .doesNotContain("connection-details")
            .contains("Demo OK")
            .doesNotContain("sk-demo-");
        // Plain containers have no locale: whatever the demo prints must survive an ASCII console.
        assertThat(output.getOut()).matches("\\p{ASCII}*");
    }

    @Test
    void demoExitsNonZeroAndPrintsTheProblemWhenACallFails(CapturedOutput output) {
        int exitCode = runDemo("--demo", "--openai.codex.model=no-such-model");

        assertThat(exitCode).isEqualTo(1);
        assertThat(output.getOut()).contains("[EMBEDDINGS] search \"")
            .contains("[LLM] ask (streamed, ")
            .contains("[CODEX] code FAILED with HTTP 502")
            .contains("[CODEX] agent FAILED with HTTP 502")
            .contains("hint:")
            .contains("Demo FAILED");
    }

    @Test
    void withoutDemoArgumentTheAppIsNotInDemoMode() {
        DemoMode mode = DemoMode.of("--server.port=0");

        assertThat(mode.enabled()).isFalse();
        assertThat(mode.exitsAfterRun()).isFalse();
        assertThat(mode.arguments()).containsExactly("--server.port=0");
    }

    @Test
    void serveKeepsTheDemoAppRunning() {
        DemoMode mode = DemoMode.of("--demo", "--demo.serve=true");

        assertThat(mode.enabled()).isTrue();
        assertThat(mode.exitsAfterRun()).isFalse();
        assertThat(mode.arguments()).containsExactly("--gateway.demo.enabled=true", "--demo.serve=true");
    }

    private static int runDemo(String... args) {
        DemoMode mode = DemoMode.of(args);
        ConfigurableApplicationContext context = SampleApplication.application(mode).run(mode.arguments());
        return SpringApplication.exit(context);
    }

}
