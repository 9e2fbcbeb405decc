package dev.gatewaykit.sdk.benchmark;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.sun.net.httpserver.HttpServer;
import dev.gatewaykit.sdk.client.GatewayClients;
import dev.gatewaykit.sdk.gateway.GatewayRequestContext;
import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.settings.GatewaySettings;
import dev.gatewaykit.sdk.settings.MapSource;
import dev.gatewaykit.sdk.settings.SettingsSources;
import okhttp3.OkHttpClient;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Per-call cost of a {@link GatewayClients} client (interceptors for headers, attribution, keyless, float encoding)
 * against a bare {@code OpenAIOkHttpClient}, both calling the same local server; compare {@code bare} and
 * {@code gateway} (goal: gateway / bare ≤ 1.03).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 4, time = 4)
// Without nodelay the JDK server stalls ~40 ms per response (Nagle and delayed ACK), hiding any difference.
@Fork(value = 1, jvmArgsAppend = "-Dsun.net.httpserver.nodelay=true")
public class ClientOverheadBenchmark {

    private static final byte[] CHAT = ("{\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion\",\"created\":1,"
            + "\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
            + "\"content\":\"hello\"},\"finish_reason\":\"stop\"}],"
            + "\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1,\"total_tokens\":2}}")
            .getBytes(StandardCharsets.UTF_8);

    private HttpServer server;
    private OpenAIClient bare;
    private OkHttpClient bareHttp;
    private GatewayClients gateway;
    private OpenAIClient gatewayWithContext;
    private final ChatCompletionCreateParams params = ChatCompletionCreateParams.builder().addUserMessage("hi")
            .model("gpt-4o-mini").build();

    @Setup(Level.Trial)
    public void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, CHAT.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(CHAT);
            }
        });
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.start();
        String baseUrl = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";

        bareHttp = new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofMinutes(10)).callTimeout(Duration.ofMinutes(10)).build();
        bare = OpenAIOkHttpClient.builder().okHttpClient(bareHttp).baseUrl(baseUrl)
                .apiKey("sk-test-benchmark-public-0001").maxRetries(2).build();

        GatewaySettings settings = GatewaySettings.resolve(SettingsSources.of(new MapSource("env", Map.of(
                "OPENAI_BASE_URL", baseUrl, "OPENAI_API_KEY", "sk-test-benchmark-public-0001",
                "OPENAI_GATEWAY", "litellm", "OPENAI_LITELLM_TAGS", "bench,java",
                "OPENAI_HEADERS", "X-Team=search"))));
        gateway = GatewayClients.create(settings);
        gatewayWithContext = gateway.client(Role.LLM, GatewayRequestContext.builder().user("bench-user").build());
    }

    @TearDown(Level.Trial)
    public void stop() {
        bare.close();
        bareHttp.dispatcher().executorService().shutdown();
        bareHttp.connectionPool().evictAll();
        gateway.close();
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    @Benchmark
    public String bare() {
        return bare.chat().completions().create(params).id();
    }

    @Benchmark
    public String gateway() {
        return gateway.llm().chat().completions().create(params).id();
    }

    @Benchmark
    public String gatewayWithRequestContext() {
        return gatewayWithContext.chat().completions().create(params).id();
    }
}
