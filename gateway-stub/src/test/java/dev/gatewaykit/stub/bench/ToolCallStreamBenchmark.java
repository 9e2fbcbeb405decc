package dev.gatewaykit.stub.bench;

import dev.gatewaykit.stub.GatewayStub;
import dev.gatewaykit.stub.StubMode;
import dev.gatewaykit.stub.scripting.Script;

/**
 * Requests per second of a streamed tool-call reply (Chat Completions, two parallel calls, arguments split over
 * chunks, usage chunk, [DONE]) from an embedded stub, next to a streamed text reply and a forced call with
 * schema-synthesized arguments, in the same run. Run:
 * {@code java -cp <test classpath> dev.gatewaykit.stub.bench.ToolCallStreamBenchmark [connections] [seconds]}.
 */
public final class ToolCallStreamBenchmark {

    private static final String TOOLS = "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\","
            + "\"parameters\":{\"type\":\"object\",\"additionalProperties\":false,\"required\":[\"city\",\"unit\"],"
            + "\"properties\":{\"city\":{\"type\":\"string\"},\"unit\":{\"enum\":[\"celsius\",\"fahrenheit\"]}}}}}]";

    private ToolCallStreamBenchmark() {
    }

    /** Prints req/s per scenario. */
    public static void main(String[] args) throws Exception {
        int connections = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 5;
        try (GatewayStub stub = GatewayStub.builder().mode(StubMode.LITELLM).journalCapacity(1000)
                .script(Script.builder().contains("scripted").reply("Checking both. ")
                        .toolCall("get_weather", "{\"city\":\"Paris\",\"unit\":\"celsius\"}")
                        .toolCall("get_weather", "{\"city\":\"Rome\",\"unit\":\"celsius\"}").build())
                .start()) {
            String host = stub.host();
            int port = stub.port();
            String stream = "\"stream\":true,\"stream_options\":{\"include_usage\":true}";
            byte[] text = LoadDriver.chatRequest(host, port, "{\"model\":\"gpt-4o-mini\"," + stream
                    + ",\"messages\":[{\"role\":\"user\",\"content\":\"one two three four five six\"}]}");
            byte[] scripted = LoadDriver.chatRequest(host, port, "{\"model\":\"gpt-4o-mini\"," + stream + ","
                    + TOOLS + ",\"messages\":[{\"role\":\"user\",\"content\":\"scripted weather\"}]}");
            byte[] forced = LoadDriver.chatRequest(host, port, "{\"model\":\"gpt-4o-mini\"," + stream + ","
                    + TOOLS + ",\"tool_choice\":\"required\",\"messages\":[{\"role\":\"user\",\"content\":\"weather\"}]}");
            for (byte[] warm : new byte[][] {text, scripted, forced}) {
                LoadDriver.throughput(host, port, warm, connections, Math.min(2, seconds));
            }
            System.out.printf("connections=%d seconds=%.1f java=%s cores=%d%n", connections, seconds,
                    System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
            System.out.printf("streamed text reply          : %8.0f req/s%n",
                    LoadDriver.throughput(host, port, text, connections, seconds));
            System.out.printf("streamed scripted tool calls : %8.0f req/s%n",
                    LoadDriver.throughput(host, port, scripted, connections, seconds));
            System.out.printf("streamed forced tool call    : %8.0f req/s%n",
                    LoadDriver.throughput(host, port, forced, connections, seconds));
        }
    }
}
