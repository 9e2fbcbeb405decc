package dev.gatewaykit.ai.springai;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.gatewaykit.stub.GatewayStub;
import dev.gatewaykit.stub.StubMode;
import dev.gatewaykit.stub.junit.GatewayStubExtension;
import dev.gatewaykit.stub.keys.VirtualKey;
import dev.gatewaykit.stub.scripting.Script;
import dev.gatewaykit.stub.verify.RecordedCall;
import dev.gatewaykit.stub.verify.Verification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.annotation.ToolParam;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Spring AI {@code @Tool} round trip through the LLM route against the gateway stub, plain and streamed. The
 * stub's script plays the model: turn 1 calls {@code currentWeather}, and once the request carries the tool's
 * result, it answers. The stub's verification API checks the call the model made and the output Spring AI sent back.
 */
class SpringAiToolCallingTests {

    private static final String PUBLIC_KEY = "sk-test-public-0123456789publ";

    private static final String ANSWER = "It is 18 C and sunny in Paris.";

    @RegisterExtension
    static GatewayStubExtension proxy = new GatewayStubExtension(GatewayStub.builder().mode(StubMode.LITELLM)
        .port(0).virtualKey(VirtualKey.builder(PUBLIC_KEY).build()));

    /** The application's tool: records each call so the test can see Spring AI ran it. */
    static final class WeatherTools {

        final List<String> calls = new CopyOnWriteArrayList<>();

        @Tool(description = "The current weather in a city")
        String currentWeather(@ToolParam(description = "city name") String city) {
            calls.add(city);
            return "18 C, sunny";
        }

    }

    private static Script weatherConversation() {
        return Script.builder().path("/chat/completions").hasTools(true).turn(1)
            .toolCall("currentWeather", "{\"city\":\"Paris\"}")
            .then().reply(ANSWER).build();
    }

    @Test
    void aToolMethodIsCalledAndItsResultSentBackThroughTheLlmRoute(GatewayStub stub, Verification verify) {
        stub.script(weatherConversation());
        WeatherTools tools = new WeatherTools();

        SpringAiRunners.onRoutes(stub.baseUrl(), PUBLIC_KEY, stub.baseUrl(), PUBLIC_KEY).run(context -> {
            String answer = context.getBean(ChatClient.Builder.class).build().prompt()
                .user("What is the weather in Paris?").tools(tools).call().content();
            assertThat(answer).isEqualTo(ANSWER);
        });

        assertThat(tools.calls).containsExactly("Paris");
        assertRoundTrip(verify);
    }

    @Test
    void aToolMethodIsCalledFromAStreamedToolCallWhoseArgumentsArriveInPieces(GatewayStub stub, Verification verify) {
        stub.script(weatherConversation());
        WeatherTools tools = new WeatherTools();

        SpringAiRunners.onRoutes(stub.baseUrl(), PUBLIC_KEY, stub.baseUrl(), PUBLIC_KEY).run(context -> {
            List<String> parts = context.getBean(ChatClient.Builder.class).build().prompt()
                .user("What is the weather in Paris?").tools(tools).stream().content()
                .collectList().block(Duration.ofSeconds(30));
            assertThat(String.join("", parts)).isEqualTo(ANSWER);
        });

        assertThat(tools.calls).containsExactly("Paris");
        assertRoundTrip(verify);
    }

    private static void assertRoundTrip(Verification verify) {
        verify.toolCalled("currentWeather").withArguments(arguments -> arguments.path("city").asText().equals("Paris"))
            .times(1);
        verify.toolOutputSent("currentWeather").withArguments(output -> output.asText().contains("18 C, sunny"))
            .times(1);
        verify.requests().path("/chat/completions").model("gpt-4o-mini").key(PUBLIC_KEY).times(2);
        verify.noSchemaMismatches();
        List<RecordedCall> conversation = verify.conversation();
        assertThat(conversation).hasSize(2);
        assertThat(conversation.get(0).toolNames()).containsExactly("currentWeather");
        assertThat(conversation.get(1).toolResults()).singleElement()
            .satisfies(result -> assertThat(result.toolCallId()).isEqualTo(conversation.get(0).toolCalls().get(0).id()));
        assertThat(conversation.get(1).replyText()).isEqualTo(ANSWER);
    }
}
