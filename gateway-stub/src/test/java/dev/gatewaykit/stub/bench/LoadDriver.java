package dev.gatewaykit.stub.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** A small keep-alive HTTP/1.1 load driver on raw sockets: one thread and one connection per client. */
final class LoadDriver {

    private LoadDriver() {
    }

    /** The request bytes for a chat completion POST. */
    static byte[] chatRequest(String host, int port, String body) {
        String head = "POST /v1/chat/completions HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n"
                + "Content-Type: application/json\r\nAuthorization: Bearer sk-bench-fake-key-000000\r\n"
                + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n";
        return (head + body).getBytes(StandardCharsets.UTF_8);
    }

    /** Requests per second over {@code seconds}, with {@code connections} clients. */
    static double throughput(String host, int port, byte[] request, int connections, double seconds) throws Exception {
        LongAdder done = new LongAdder();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong errors = new AtomicLong();
        CountDownLatch ready = new CountDownLatch(connections);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            Thread t = new Thread(() -> {
                try (Socket s = new Socket(host, port)) {
                    s.setTcpNoDelay(true);
                    OutputStream out = s.getOutputStream();
                    InputStream in = new BufferedInputStream(s.getInputStream(), 16384);
                    ready.countDown();
                    while (!stop.get()) {
                        out.write(request);
                        out.flush();
                        if (readResponse(in) != 200) {
                            errors.incrementAndGet();
                        }
                        done.increment();
                    }
                } catch (IOException e) {
                    errors.incrementAndGet();
                    ready.countDown();
                }
            });
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        ready.await();
        long before = done.sum();
        long t0 = System.nanoTime();
        Thread.sleep((long) (seconds * 1000));
        long after = done.sum();
        long t1 = System.nanoTime();
        stop.set(true);
        for (Thread t : threads) {
            t.join(10_000);
        }
        if (errors.get() > 0) {
            throw new IllegalStateException(errors.get() + " failed requests during the load run");
        }
        return (after - before) / ((t1 - t0) / 1e9);
    }

    /** Sends exactly {@code total} requests over {@code connections} clients. */
    static void drive(String host, int port, byte[] request, int connections, long total) throws Exception {
        AtomicLong remaining = new AtomicLong(total);
        AtomicLong errors = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            Thread t = new Thread(() -> {
                try (Socket s = new Socket(host, port)) {
                    s.setTcpNoDelay(true);
                    OutputStream out = s.getOutputStream();
                    InputStream in = new BufferedInputStream(s.getInputStream(), 16384);
                    while (remaining.getAndDecrement() > 0) {
                        out.write(request);
                        out.flush();
                        if (readResponse(in) != 200) {
                            errors.incrementAndGet();
                        }
                    }
                } catch (IOException e) {
                    errors.incrementAndGet();
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        if (errors.get() > 0) {
            throw new IllegalStateException(errors.get() + " failed requests during the drive");
        }
    }

    /** Reads one response (Content-Length or chunked) and returns its status. */
    static int readResponse(InputStream in) throws IOException {
        String statusLine = line(in);
        if (statusLine == null) {
            throw new IOException("connection closed");
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        String header;
        while ((header = line(in)) != null && !header.isEmpty()) {
            int colon = header.indexOf(':');
            String name = header.substring(0, colon).trim();
            String value = header.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
                chunked = true;
            }
        }
        if (chunked) {
            while (true) {
                long size = Long.parseLong(line(in).trim(), 16);
                skip(in, size);
                line(in);
                if (size == 0) {
                    break;
                }
            }
        } else if (length > 0) {
            skip(in, length);
        }
        return status;
    }

    private static void skip(InputStream in, long n) throws IOException {
        while (n > 0) {
            long k = in.skip(n);
            if (k <= 0) {
                if (in.read() < 0) {
                    throw new IOException("truncated body");
                }
                k = 1;
            }
            n -= k;
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder(64);
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                int len = sb.length();
                if (len > 0 && sb.charAt(len - 1) == '\r') {
                    sb.setLength(len - 1);
                }
                return sb.toString();
            }
            sb.append((char) c);
        }
        return sb.length() == 0 ? null : sb.toString();
    }
}
