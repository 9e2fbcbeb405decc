package dev.gatewaykit.stub.agent;

import com.openai.client.OpenAIClient;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import dev.gatewaykit.stub.GatewayStub;
import dev.gatewaykit.stub.StubMode;
import dev.gatewaykit.stub.junit.GatewayStubTest;
import dev.gatewaykit.stub.scripting.Script;
import dev.gatewaykit.stub.support.Clients;
import dev.gatewaykit.stub.support.RawHttp;
import dev.gatewaykit.stub.verify.Verification;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The verification API over a real tool loop, on the embedded stub and injected by the JUnit extension. */
@GatewayStubTest(mode = StubMode.LITELLM)
class VerificationTest {

    /** Tool arguments. */
    public record GetWeather(String city) {
    }

    private final GatewayStub stub;
    private final String key = Clients.fakeKey();
    private final OpenAIClient client;

    VerificationTest(GatewayStub stub) {
        this.stub = stub;
        this.client = Clients.openAi(stub, key);
    }

    private void runWeatherLoop(String toolOutput) {
        stub.script(Script.builder().toolCall("GetWeather", "{\"city\":\"Paris\"}").then().reply("Sunny.").build());
        ChatCompletionCreateParams.Builder conversation = ChatCompletionCreateParams.builder().model("gpt-4o-mini")
                .addUserMessage("Weather in Paris?").addTool(GetWeather.class);
        var assistant = client.chat().completions().create(conversation.build()).choices().get(0).message();
        conversation.addMessage(assistant);
        conversation.addMessage(ChatCompletionToolMessageParam.builder()
                .toolCallId(assistant.toolCalls().orElseThrow().get(0).asFunction().id()).content(toolOutput).build());
        client.chat().completions().create(conversation.build());
    }

    @Test
    void toolCallsOutputsAndRequestsAreCountedOverARealLoop(Verification verify) {
        runWeatherLoop("{\"sky\":\"clear\",\"temp\":21}");

        verify.toolCalled("GetWeather").withArguments(a -> a.path("city").asText().equals("Paris")).times(1);
        verify.toolCalled("GetWeather").withArguments(a -> a.path("city").asText().equals("Rome")).never();
        verify.toolOutputSent("GetWeather").withArguments(o -> o.path("temp").asInt() == 21).times(1);
        verify.requests().path("/v1/chat/completions").model("gpt-4o-mini").key(key).times(2);
        verify.requests().path("/embeddings").times(0);
        verify.noSchemaMismatches();
        assertThat(verify.conversation()).hasSize(2);
        assertThat(verify.conversation().get(1).toolResults()).singleElement()
                .satisfies(m -> assertThat(m.toolName()).isEqualTo("GetWeather"));
        assertThat(verify.toolOutputs()).hasSize(1);
        assertThat(stub.verify().transcript()).contains("[call GetWeather {\"city\":\"Paris\"}]").contains("-> Sunny.");
    }

    @Test
    void aFailedCheckDescribesWhatWasSeen() {
        runWeatherLoop("cloudy");

        assertThatThrownBy(() -> stub.verify().toolCalled("GetWeather").times(2))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("expected exactly 2 call(s) of tool 'GetWeather', found 1")
                .hasMessageContaining("tool(GetWeather call_");
        assertThatThrownBy(() -> stub.verify().requests().model("gpt-4o").times(1))
                .hasMessageContaining("expected 1 request(s) for model gpt-4o, found 0");
    }

    @Test
    void recordedCallsNeverShowTheKeyOrSecretsInToolOutputs() {
        runWeatherLoop("token sk-test-live-abcdefghijklmnopqrstuvwxyz0123");

        String admin = RawHttp.get(stub.origin() + "/__stub/calls").body();
        assertThat(admin).doesNotContain(key).doesNotContain("sk-test-live-abcdefghijklmnopqrstuvwxyz0123");
        assertThat(stub.verify().transcript()).doesNotContain("sk-test-live-abcdefghijklmnopqrstuvwxyz0123");
        assertThat(stub.calls()).allSatisfy(c -> assertThat(c.key()).isNotEqualTo(key));
    }

    @Test
    void resetForgetsCallsAndStoredResponses() {
        runWeatherLoop("x");
        stub.reset();
        assertThat(stub.verify().conversation()).isEmpty();
        stub.verify().toolCalled("GetWeather").never();
    }
}
