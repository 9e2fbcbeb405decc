package dev.gatewaykit.ai.springai;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.annotation.ToolParam;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Spring AI {@code @Tool} round trip through the LLM route. The gateway stub does not answer with tool calls, so
 * WireMock plays the proxy with the raw Chat Completions replies: first a {@code tool_calls} reply, then, once the
 * request carries the tool's result, the final answer.
 */
class SpringAiToolCallingTests {

    private static final String PUBLIC_KEY = "sk-test-public-0123456789publ";

    private static final String TOOL_CALL_REPLY = """
            {"id":"chatcmpl-tool-1","object":"chat.completion","created":1,"model":"gpt-4o-mini",
             "choices":[{"index":0,"finish_reason":"tool_calls","message":{"role":"assistant","content":null,
               "tool_calls":[{"id":"call_weather_1","type":"function",
                 "function":{"name":"currentWeather","arguments":"{\\"city\\":\\"Paris\\"}"}}]}}],
             "usage":{"prompt_tokens":20,"completion_tokens":5,"total_tokens":25}}""";

    private static final String FINAL_REPLY = """
            {"id":"chatcmpl-tool-2","object":"chat.completion","created":2,"model":"gpt-4o-mini",
             "choices":[{"index":0,"finish_reason":"stop",
               "message":{"role":"assistant","content":"It is 18 C and sunny in Paris."}}],
             "usage":{"prompt_tokens":40,"completion_tokens":9,"total_tokens":49}}""";

    @RegisterExtension
    static WireMockExtension proxy = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    /** The application's tool: records each call so the test can see Spring AI ran it. */
    static final class WeatherTools {

        final List<String> calls = new CopyOnWriteArrayList<>();

        @Tool(description = "The current weather in a city")
        String currentWeather(@ToolParam(description = "city name") String city) {
            calls.add(city);
            return "18 C, sunny";
        }

    }

    @Test
    void aToolMethodIsCalledAndItsResultSentBackThroughTheLlmRoute() {
        proxy.stubFor(post(urlPathEqualTo("/v1/chat/completions")).atPriority(2).willReturn(okJson(TOOL_CALL_REPLY)));
        proxy.stubFor(post(urlPathEqualTo("/v1/chat/completions")).atPriority(1)
            .withRequestBody(matchingJsonPath("$.messages[?(@.role == 'tool')]"))
            .willReturn(okJson(FINAL_REPLY)));
        WeatherTools tools = new WeatherTools();

        SpringAiRunners.onRoutes(proxy.baseUrl() + "/v1", PUBLIC_KEY, proxy.baseUrl() + "/v1", PUBLIC_KEY)
            .run(context -> {
                String answer = context.getBean(ChatClient.Builder.class).build().prompt()
                    .user("What is the weather in Paris?").tools(tools).call().content();
                assertThat(answer).isEqualTo("It is 18 C and sunny in Paris.");
            });

        assertThat(tools.calls).containsExactly("Paris");
        List<LoggedRequest> requests = proxy.findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
            .withHeader("Authorization", equalTo("Bearer " + PUBLIC_KEY)));
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).getBodyAsString()).contains("\"tools\"").contains("currentWeather");
        assertThat(requests.get(1).getBodyAsString()).contains("\"tool_call_id\":\"call_weather_1\"")
            .contains("18 C, sunny");
    }
}
