package dev.gatewaykit.stub.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayStubMainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return GatewayStubMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void helpPrintsUsageAndExits0() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage:").contains("--port");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--bogus", "--port=abc", "--port=70000", "--mode=kong", "--port"})
    void badArgumentsPrintUsageAndExit2(String arg) {
        assertThat(run(arg)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("gateway-stub:").contains("Usage:");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void anUnknownModeExits2NamingEveryAcceptedMode() {
        assertThat(run("--port=0", "--mode", "portkey-cloud")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("mode 'portkey-cloud' is not one of openai, litellm, portkey, portkey-oss");
    }

    @Test
    void anUnknownLiteLlmVersionExits2NamingTheLines() {
        assertThat(run("--port=0", "--litellm-version", "1.99")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("LiteLLM version '1.99' is not one of 1.60 (alias old), 1.75 (alias new)").contains("Usage:");
    }

    @Test
    void theLiteLlmVersionFlagParses() {
        assertThat(CliArguments.parse(new String[]{"--litellm-version=1.60"}).liteLlmVersion()).isEqualTo("1.60");
    }

    @Test
    void portInUseIsOneClearLineAndExit2() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            assertThat(run("--port", String.valueOf(taken.getLocalPort()))).isEqualTo(2);
            String message = err.toString(StandardCharsets.UTF_8).trim();
            assertThat(message).doesNotContain("\n").contains(String.valueOf(taken.getLocalPort())).contains("in use");
        }
    }

    @Test
    void argumentsParseBothForms() {
        CliArguments a = CliArguments.parse(new String[]{"--port=0", "--mode", "portkey", "--host", "127.0.0.1",
                "--master-key=k", "--config", "stub.json"});
        assertThat(a.port()).isZero();
        assertThat(a.mode()).isEqualTo("portkey");
        assertThat(a.masterKey()).isEqualTo("k");
        assertThat(a.configFile()).isPresent();
    }

    @Test
    void recordNeedsAnUpstreamAndExcludesReplay() {
        assertThat(run("--port=0", "--record", "fixtures")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--record needs --upstream URL");
        assertThatIllegal(new String[]{"--record", "a", "--upstream", "http://x", "--replay", "b"}, "exclude each other");
        CliArguments a = CliArguments.parse(new String[]{"--record=fx", "--upstream=http://localhost:4000"});
        assertThat(a.record()).hasToString("fx");
        assertThat(a.upstream()).isEqualTo("http://localhost:4000");
    }

    @Test
    void replayOfAMissingDirectoryIsAStartupErrorNamingIt() {
        assertThat(run("--port=0", "--replay", "no-such-fixtures-dir")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("replay directory no-such-fixtures-dir does not exist");
    }

    private static void assertThatIllegal(String[] args, String message) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CliArguments.parse(args))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }
}
