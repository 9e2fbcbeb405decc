package dev.gatewaykit.sdk.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A raw-socket HTTP/1.1 server that answers every request with a fixed JSON body and keeps connections alive, but
 * closes a connection that stays idle longer than its idle timeout, as Node (the Portkey gateway) and uvicorn
 * (LiteLLM) do after 5 s. Counts what happened, and signals each close so tests wait on it instead of sleeping.
 */
public final class IdleClosingServer implements AutoCloseable {

    private final ServerSocket server;
    private final Duration idleTimeout;
    private final byte[] body;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "idle-closing-server");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final Semaphore serverClosedIdle = new Semaphore(0);
    private final Semaphore clientClosed = new Semaphore(0);
    private volatile boolean dropFirstRequestOfEachConnection;

    private IdleClosingServer(Duration idleTimeout, String json) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.idleTimeout = idleTimeout;
        this.body = json.getBytes(StandardCharsets.UTF_8);
        threads.execute(this::acceptLoop);
    }

    /** Starts a server closing connections idle longer than {@code idleTimeout}, answering {@code json}. */
    public static IdleClosingServer start(Duration idleTimeout, String json) throws IOException {
        return new IdleClosingServer(idleTimeout, json);
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** From now on, the first request on every new connection is read and then the connection is closed unanswered. */
    public void dropFirstRequestOfEachConnection() {
        this.dropFirstRequestOfEachConnection = true;
    }

    /** Connections accepted so far. */
    public int connections() {
        return connections.get();
    }

    /** Requests read so far (answered or dropped). */
    public int requests() {
        return requests.get();
    }

    /** Waits until the server has closed one more connection for idleness; false if none within {@code timeout}. */
    public boolean awaitIdleClose(Duration timeout) throws InterruptedException {
        return serverClosedIdle.tryAcquire(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** Waits until a client has closed one more connection; false if none within {@code timeout}. */
    public boolean awaitClientClose(Duration timeout) throws InterruptedException {
        return clientClosed.tryAcquire(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.incrementAndGet();
                threads.execute(() -> serve(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setSoTimeout((int) idleTimeout.toMillis());
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            boolean first = true;
            while (true) {
                String requestLine;
                try {
                    requestLine = readLine(in);
                } catch (SocketTimeoutException idle) {
                    serverClosedIdle.release();
                    return;
                }
                if (requestLine == null) {
                    clientClosed.release();
                    return;
                }
                readRequestRest(in);
                requests.incrementAndGet();
                if (first && dropFirstRequestOfEachConnection) {
                    return;
                }
                first = false;
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                        + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
            }
        } catch (IOException e) {
            // the client went away mid-request; nothing to answer
        }
    }

    private static void readRequestRest(InputStream in) throws IOException {
        long length = 0;
        boolean chunked = false;
        for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).strip());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        if (chunked) {
            for (long size = Long.parseLong(readLine(in).strip(), 16); size > 0;
                 size = Long.parseLong(readLine(in).strip(), 16)) {
                in.readNBytes((int) size + 2);
            }
            readLine(in);
        } else {
            in.readNBytes((int) length);
        }
    }

    /** One CRLF- or LF-terminated line, or null at the end of the stream. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.US_ASCII);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow();
    }
}
