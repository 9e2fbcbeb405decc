package dev.gatewaykit.sdk.doctor;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.gatewaykit.sdk.settings.Secrets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.gatewaykit.sdk.testing.Fixtures.closedPort;
import static dev.gatewaykit.sdk.testing.TestLayers.fakeKey;
import static dev.gatewaykit.sdk.testing.TestLayers.layers;
import static org.assertj.core.api.Assertions.assertThat;

/** The doctor end to end: a separate JVM with a controlled environment and working files, output and exit code. */
class DoctorTest {

    @RegisterExtension
    static WireMockExtension proxy = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();
    @RegisterExtension
    static WireMockExtension internal = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path dir;

    private record Run(int exitCode, String output) {
    }

    /** Runs {@code Doctor.main} in a fresh JVM with exactly {@code env} and {@code dir} holding the .env files. */
    private Run doctor(Map<String, String> env) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                Doctor.class.getName(), "--dir", dir.toString()).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }

    @Test
    void healthyConfigurationPrintsRoutesLayersAndProbesAndExitsZero() throws Exception {
        String key = fakeKey();
        String internalKey = fakeKey();
        proxy.stubFor(get("/health/liveliness").willReturn(aResponse().withBody("\"I'm alive!\"")));
        // the LLM route's key is proved by LiteLLM's keyed model list, served with and without /v1
        proxy.stubFor(get("/models").willReturn(aResponse().withBody("{\"object\":\"list\",\"data\":[]}")));
        internal.stubFor(get("/v1/models").willReturn(aResponse().withBody("{\"object\":\"list\",\"data\":[]}")));
        Files.writeString(dir.resolve(".env"), "export OPENAI_INTERNAL_BASE_URL=" + internal.baseUrl() + "/v1\n"
                + "OPENAI_INTERNAL_API_KEY=\"" + internalKey + "\"\n");
        Files.writeString(dir.resolve(".env.default"), "OPENAI_API_KEY=\nOPENAI_BASE_URL=https://api.openai.com/v1\n"
                + "OPENAI_INTERNAL_BASE_URL=\nOPENAI_LLM_MODEL=openai/gpt-4o-mini\n");

        Run run = doctor(Map.of("OPENAI_BASE_URL", proxy.baseUrl(), "OPENAI_API_KEY", key,
                "OPENAI_LITELLM_TAGS", "doctor-test"));

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output())
                .contains("env > system > .env (" + dir.toRealPath())
                .containsPattern("LLM +litellm +" + proxy.baseUrl() + " +openai/gpt-4o-mini +sk-...")
                // a LiteLLM setting belongs to OPENAI_BASE_URL's origin: the internal route elsewhere stays generic
                .containsPattern("EMBEDDINGS +generic +" + internal.baseUrl() + "/v1")
                .contains("baseUrl=OPENAI_BASE_URL(env)", "apiKey=OPENAI_API_KEY(env)",
                        "baseUrl=OPENAI_INTERNAL_BASE_URL(.env)", "apiKey=OPENAI_INTERNAL_API_KEY(.env)",
                        "model=OPENAI_LLM_MODEL(.env.default)")
                .contains("Settings: OK")
                .containsPattern("LLM +UP +\\d+ ms +" + proxy.baseUrl() + "/health/liveliness")
                .containsPattern("EMBEDDINGS +UP +\\d+ ms +" + internal.baseUrl() + "/v1/models")
                .contains("Result: OK")
                .doesNotContain(key).doesNotContain(internalKey);
        // Run with no locale at all (a plain container): the report must read the same, so it is ASCII.
        assertThat(run.output()).matches("\\p{ASCII}*");
        proxy.verify(0, anyRequestedFor(urlEqualTo("/health")));
        proxy.verify(getRequestedFor(urlEqualTo("/models")).withHeader("Authorization", equalTo("Bearer " + key)));
        internal.verify(getRequestedFor(urlEqualTo("/v1/models"))
                .withHeader("Authorization", equalTo("Bearer " + internalKey)));
    }

    @Test
    void brokenConfigurationListsEveryProblemAndProbeFailureAndExitsNonZero() throws Exception {
        String key = fakeKey();
        int deadPort = closedPort();
        Files.writeString(dir.resolve(".env"), "OPENAI_INTERNAL_BASE_URL=http://127.0.0.1:" + deadPort
                + "/v1/embeddings\nOPENAI_TIMEOUT=30\n");

        Run run = doctor(Map.of("OPENAI_BASE_URL", "http://127.0.0.1:" + deadPort, "OPENAI_API_KEY",
                "Bearer " + key, "OPENAI_GATEWAY", "litellm"));

        assertThat(run.exitCode()).as(run.output()).isEqualTo(Doctor.PROBLEMS);
        assertThat(run.output())
                .contains("Settings problems (3):")
                .contains("OPENAI_INTERNAL_BASE_URL='http://127.0.0.1:" + deadPort + "/v1/embeddings': ends with the"
                        + " endpoint path /embeddings")
                .contains("OPENAI_API_KEY='" + Secrets.mask("Bearer " + key) + "': starts with 'Bearer '")
                .contains("OPENAI_TIMEOUT='30': is not a duration")
                .containsPattern("LLM +DOWN")
                .contains("UNREACHABLE", "is the proxy running", "/health/liveliness")
                .contains("Result: something is wrong")
                .doesNotContain(key);
    }

    @Test
    void seedCiDotenvStartsButTheDoctorFailsForTheRouteWithoutAKeyAndListsDuplicates() throws Exception {
        String internalKey = fakeKey();
        // .env.default copied, then the CI step's appended lines.
        String dotenv = "OPENAI_API_KEY=\nOPENAI_BASE_URL=https://api.openai.com/v1\nOPENAI_INTERNAL_BASE_URL=\n"
                + "OPENAI_INTERNAL_API_KEY=\nOPENAI_INTERNAL_API_KEY=" + internalKey + "\nOPENAI_INTERNAL_BASE_URL="
                + internal.baseUrl() + "\n";
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();

        int exit = Doctor.run(layers().dotenv(dotenv).sources(dir), new PrintStream(buffer, true,
                StandardCharsets.UTF_8), false);

        String output = buffer.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(output).isEqualTo(Doctor.PROBLEMS);
        assertThat(output).contains("Set more than once (the last line wins):")
                .containsPattern("OPENAI_INTERNAL_API_KEY in .env on lines 4, 5 \\(line 5 is used\\)")
                .containsPattern("OPENAI_INTERNAL_BASE_URL in .env on lines 3, 6 \\(line 6 is used\\)")
                .contains("Settings problems (1):", "OPENAI_API_KEY=(not set)")
                .doesNotContain(internalKey);
    }

    @Test
    void runReturnsTheExitCodeInProcess() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int exit = Doctor.run(layers().env("OPENAI_BASE_URL", "http://127.0.0.1:" + closedPort())
                .sources(dir), new PrintStream(buffer, true, StandardCharsets.UTF_8), false);

        assertThat(exit).isEqualTo(Doctor.PROBLEMS);
        assertThat(buffer.toString(StandardCharsets.UTF_8)).contains("OPENAI_API_KEY=(not set)",
                "OPENAI_INTERNAL_API_KEY=(not set)").doesNotContain("Health:");
        assertThat(List.of(Doctor.OK, Doctor.PROBLEMS)).doesNotHaveDuplicates();
    }
}
