package dev.gatewaykit.stub.agent;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.openai.client.OpenAIClient;
import com.openai.core.http.StreamResponse;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionNamedToolChoice;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.chat.completions.ChatCompletionToolChoiceOption;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import dev.gatewaykit.stub.GatewayStub;
import dev.gatewaykit.stub.StubMode;
import dev.gatewaykit.stub.junit.GatewayStubTest;
import dev.gatewaykit.stub.scripting.Script;
import dev.gatewaykit.stub.support.Clients;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Chat Completions tool calls through openai-java: plain, streamed (accumulated by openai-java), and the loop. */
@GatewayStubTest(mode = StubMode.LITELLM)
class ChatToolCallsTest {

    /** Weather lookup arguments; openai-java derives the tool's strict schema from this record. */
    public record GetWeather(@JsonPropertyDescription("city name") String city, Unit unit, int days) {
    }

    /** Temperature unit. */
    public enum Unit { CELSIUS, FAHRENHEIT }

    /** Second tool for parallel calls. */
    public record GetTime(String timezone) {
    }

    private final GatewayStub stub;
    private final OpenAIClient client;

    ChatToolCallsTest(GatewayStub stub) {
        this.stub = stub;
        this.client = Clients.openAi(stub, Clients.fakeKey());
    }

    private ChatCompletionCreateParams.Builder weatherRequest() {
        return ChatCompletionCreateParams.builder().model("gpt-4o-mini")
                .addUserMessage("What is the weather in Paris?")
                .addTool(GetWeather.class)
                .addTool(GetTime.class);
    }

    @Test
    void requiredToolChoiceCallsTheFirstToolWithArgumentsSynthesizedFromItsSchema() {
        ChatCompletion completion = client.chat().completions().create(weatherRequest()
                .toolChoice(ChatCompletionToolChoiceOption.Auto.REQUIRED).build());

        var choice = completion.choices().get(0);
        assertThat(choice.finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.TOOL_CALLS);
        assertThat(choice.message().content()).isEmpty();
        ChatCompletionMessageFunctionToolCall call = choice.message().toolCalls().orElseThrow().get(0).asFunction();
        assertThat(call.id()).startsWith("call_");
        assertThat(call.function().name()).isEqualTo("GetWeather");
        GetWeather args = call.function().arguments(GetWeather.class);
        assertThat(args.city()).isEqualTo("city");
        assertThat(args.unit()).isEqualTo(Unit.CELSIUS);
    }

    @Test
    void namedToolChoiceCallsThatTool() {
        ChatCompletion completion = client.chat().completions().create(weatherRequest()
                .toolChoice(ChatCompletionNamedToolChoice.builder()
                        .function(ChatCompletionNamedToolChoice.Function.builder().name("GetTime").build()).build())
                .build());

        ChatCompletionMessageFunctionToolCall call = completion.choices().get(0).message().toolCalls().orElseThrow()
                .get(0).asFunction();
        assertThat(call.function().name()).isEqualTo("GetTime");
        assertThat(call.function().arguments(GetTime.class).timezone()).isEqualTo("timezone");
    }

    @Test
    void autoOrNoneToolChoiceAnswersWithText() {
        ChatCompletion auto = client.chat().completions().create(weatherRequest().build());
        ChatCompletion none = client.chat().completions().create(weatherRequest()
                .toolChoice(ChatCompletionToolChoiceOption.Auto.NONE).build());

        assertThat(auto.choices().get(0).message().content()).contains("Echo: What is the weather in Paris?");
        assertThat(auto.choices().get(0).message().toolCalls()).isEmpty();
        assertThat(none.choices().get(0).message().content()).contains("Echo: What is the weather in Paris?");
    }

    @Test
    void scriptedParallelCallsStreamWithArgumentsSplitOverChunksAndAccumulate() {
        stub.script(Script.builder().reply("Checking. ")
                .toolCall("GetWeather", "{\"city\":\"Paris\",\"unit\":\"CELSIUS\",\"days\":3}")
                .toolCall("GetTime", "{\"timezone\":\"Europe/Paris\"}").build());

        ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
        List<ChatCompletionChunk> chunks = new ArrayList<>();
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(weatherRequest()
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build())) {
            stream.stream().forEach(c -> {
                chunks.add(c);
                accumulator.accumulate(c);
            });
        }
        ChatCompletion completion = accumulator.chatCompletion();

        var message = completion.choices().get(0).message();
        assertThat(message.content()).contains("Checking. ");
        List<ChatCompletionMessageFunctionToolCall> calls = message.toolCalls().orElseThrow().stream()
                .map(c -> c.asFunction()).toList();
        assertThat(calls).extracting(c -> c.function().name()).containsExactly("GetWeather", "GetTime");
        assertThat(calls.get(0).function().arguments(GetWeather.class)).isEqualTo(new GetWeather("Paris", Unit.CELSIUS, 3));
        assertThat(calls.get(1).function().arguments(GetTime.class).timezone()).isEqualTo("Europe/Paris");
        assertThat(calls.get(0).id()).isNotEqualTo(calls.get(1).id());
        assertThat(completion.choices().get(0).finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.TOOL_CALLS);
        long argumentChunksOfFirstCall = chunks.stream().filter(c -> !c.choices().isEmpty())
                .flatMap(c -> c.choices().get(0).delta().toolCalls().orElse(List.of()).stream())
                .filter(t -> t.index() == 0 && t.function().flatMap(f -> f.arguments()).map(a -> !a.isEmpty()).orElse(false))
                .count();
        assertThat(argumentChunksOfFirstCall).isGreaterThan(2);
        assertThat(chunks.get(chunks.size() - 1).usage()).isPresent();
    }

    @Test
    void toolLoopAnswersAfterTheToolOutputComesBack() {
        stub.script(Script.builder()
                .toolCall("GetWeather", "{\"city\":\"Paris\",\"unit\":\"CELSIUS\",\"days\":1}")
                .then()
                .reply("It is sunny in Paris.")
                .build());

        ChatCompletionCreateParams.Builder conversation = weatherRequest();
        ChatCompletion first = client.chat().completions().create(conversation.build());
        var assistant = first.choices().get(0).message();
        ChatCompletionMessageFunctionToolCall call = assistant.toolCalls().orElseThrow().get(0).asFunction();
        conversation.addMessage(assistant);
        conversation.addMessage(ChatCompletionToolMessageParam.builder().toolCallId(call.id())
                .content("{\"sky\":\"clear\"}").build());
        ChatCompletion second = client.chat().completions().create(conversation.build());

        assertThat(second.choices().get(0).message().content()).contains("It is sunny in Paris.");
        assertThat(second.choices().get(0).finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
    }

    @Test
    void scriptMatchesOnTheToolResultByFunctionNameAndContent() {
        stub.script(Script.builder().afterToolResult("GetWeather").toolResultContains("rain")
                .reply("Take an umbrella.").build());
        stub.script(Script.builder().lastRole("tool").reply("Enjoy the day.").build());
        stub.script(Script.builder().turn(1).toolCall("GetWeather").build());

        ChatCompletionCreateParams.Builder conversation = weatherRequest();
        var assistant = client.chat().completions().create(conversation.build()).choices().get(0).message();
        String callId = assistant.toolCalls().orElseThrow().get(0).asFunction().id();
        conversation.addMessage(assistant);

        ChatCompletionCreateParams.Builder rainy = conversation.build().toBuilder()
                .addMessage(ChatCompletionToolMessageParam.builder().toolCallId(callId).content("rain all day").build());
        ChatCompletionCreateParams.Builder sunny = conversation.build().toBuilder()
                .addMessage(ChatCompletionToolMessageParam.builder().toolCallId(callId).content("sun").build());

        assertThat(client.chat().completions().create(rainy.build()).choices().get(0).message().content())
                .contains("Take an umbrella.");
        assertThat(client.chat().completions().create(sunny.build()).choices().get(0).message().content())
                .contains("Enjoy the day.");
    }
}
