package dev.gatewaykit.stub.bench;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.common.Notifier;
import com.github.tomakehurst.wiremock.core.Options;
import dev.gatewaykit.stub.GatewayStub;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * Child-process entry points for the benchmark: {@code startup stub|wiremock} prints milliseconds from
 * process code start to the first 200; {@code serve wiremock BODYFILE} runs WireMock with the canned reply.
 */
public final class BenchServers {

    static final String CHAT_BODY = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"benchmark\"}]}";

    private BenchServers() {
    }

    public static void main(String[] args) throws Exception {
        String what = args[0];
        String server = args[1];
        if (what.equals("startup")) {
            long t0 = System.nanoTime();
            int port;
            AutoCloseable stop;
            if (server.equals("stub")) {
                GatewayStub stub = GatewayStub.builder().port(0).start();
                port = stub.port();
                stop = stub;
            } else {
                WireMockServer wm = wireMock(new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of(args[2]))));
                port = wm.port();
                stop = wm::stop;
            }
            int status = firstRequest(port);
            long t1 = System.nanoTime();
            if (status != 200) {
                throw new IllegalStateException("first request got " + status);
            }
            System.out.println("startup-ms " + (t1 - t0) / 1e6);
            stop.close();
            System.exit(0);
        }
        WireMockServer wm = wireMock(new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of(args[2]))));
        System.out.println("wiremock ready: " + wm.port());
        System.out.flush();
        Thread.currentThread().join();
    }

    static WireMockServer wireMock(String cannedBody) {
        WireMockServer wm = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1")
                .disableRequestJournal()
                .useChunkedTransferEncoding(Options.ChunkedEncodingPolicy.NEVER)
                .notifier(new Notifier() {
                    @Override
                    public void info(String message) {
                    }

                    @Override
                    public void error(String message) {
                    }

                    @Override
                    public void error(String message, Throwable t) {
                    }
                }));
        wm.start();
        wm.stubFor(WireMock.post("/v1/chat/completions").willReturn(WireMock.okJson(cannedBody)));
        return wm;
    }

    private static int firstRequest(int port) throws Exception {
        byte[] request = LoadDriver.chatRequest("127.0.0.1", port, CHAT_BODY);
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setTcpNoDelay(true);
            OutputStream out = s.getOutputStream();
            out.write(request);
            out.flush();
            InputStream in = s.getInputStream();
            return LoadDriver.readResponse(in);
        }
    }
}
