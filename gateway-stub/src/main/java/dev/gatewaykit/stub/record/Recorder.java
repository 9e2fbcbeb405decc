package dev.gatewaykit.stub.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.gatewaykit.stub.http.Json;
import dev.gatewaykit.stub.http.Route;
import dev.gatewaykit.stub.http.SseStream;
import dev.gatewaykit.stub.http.StubError;
import dev.gatewaykit.stub.http.StubRequest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Forwards model calls to a real gateway (LiteLLM, Portkey or OpenAI) and writes each exchange as a fixture once it
 * completed: streams are passed on event by event as they arrive and kept event by event. The client's own key
 * headers are forwarded, never written. An unreachable upstream is a 502 in the gateway's error shape and writes
 * nothing.
 */
public final class Recorder implements Passthrough {

    private static final Set<String> NOT_FORWARDED = Set.of("host", "content-length", "connection", "transfer-encoding",
            "expect", "upgrade", "keep-alive", "accept-encoding", "te", "trailer", "proxy-connection");
    private static final Set<String> NOT_RETURNED = Set.of("content-length", "connection", "transfer-encoding",
            "keep-alive", "date", "server", "content-encoding");

    private final Path dir;
    private final URI upstream;
    private final Redactor redactor;
    private final HttpClient http;
    private final AtomicInteger sequence;

    /** Records into {@code dir} what {@code upstreamBaseUrl} (a base URL; {@code /v1} is added when missing) answers. */
    public Recorder(Path dir, String upstreamBaseUrl, Redactor redactor) {
        this.dir = dir;
        this.upstream = base(upstreamBaseUrl);
        this.redactor = redactor;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.sequence = new AtomicInteger(highestNumber(dir));
    }

    private static URI base(String url) {
        String u = url.trim();
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        if (!u.endsWith("/v1")) {
            u = u + "/v1";
        }
        URI uri = URI.create(u);
        if (uri.getScheme() == null || !uri.getScheme().startsWith("http") || uri.getHost() == null) {
            throw new IllegalArgumentException("record upstream must be an http(s) URL such as http://localhost:4000, got '"
                    + url + "'");
        }
        return uri;
    }

    private static int highestNumber(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.matches("\\d{4,}-.*\\.json"))
                    .mapToInt(n -> Integer.parseInt(n.substring(0, n.indexOf('-')))).max().orElse(0);
        } catch (IOException e) {
            throw new IllegalArgumentException("record directory " + dir + " cannot be read: " + e.getMessage());
        }
    }

    @Override
    public void serve(StubRequest request, Route route, int cutAfter) throws IOException {
        HttpRequest.Builder forward = HttpRequest.newBuilder(URI.create(upstream + route.path()))
                .timeout(Duration.ofMinutes(5))
                .method(request.method(), HttpRequest.BodyPublishers.ofByteArray(request.body()));
        List<String> secrets = new ArrayList<>();
        request.headers().forEach((name, values) -> {
            if (NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                return;
            }
            for (String v : values) {
                forward.header(name, v);
                if (Redactor.secretHeader(name)) {
                    secrets.add(v.startsWith("Bearer ") ? v.substring(7).trim() : v);
                }
            }
        });
        Redactor redact = redactor.with(secrets);
        HttpResponse<InputStream> response;
        try {
            response = http.send(forward.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            // Kind INJECTED: each gateway mode renders it in its own shape with the status given here.
            throw new StubError(StubError.Kind.INJECTED, 502, "server_error", null, "502", "Record mode: the upstream "
                    + "gateway " + upstream + " cannot be reached (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + redact.text(e.getMessage())) + "). Nothing was recorded.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the upstream", e);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        response.headers().map().forEach((name, values) -> {
            String n = name.toLowerCase(Locale.ROOT);
            if (values.isEmpty() || NOT_RETURNED.contains(n) || n.startsWith(":")) {
                return;
            }
            request.responseHeaders().set(name, values.get(0));
            if (!Redactor.secretHeader(n)) {
                headers.put(n, redact.text(values.get(0)));
            }
        });
        JsonNode body = redact.json(request.json());
        String model = body.path("model").isTextual() ? body.get("model").asText() : null;
        String file = String.format(Locale.ROOT, "%04d-%s-%s.json", sequence.incrementAndGet(), slug(route.path()),
                slug(model == null ? "none" : model));
        String contentType = response.headers().firstValue("content-type").orElse("");
        if (contentType.startsWith("text/event-stream")) {
            List<Fixture.Event> events = relay(response.body(), request.startEventStream(cutAfter), redact);
            request.finish();
            FixtureFiles.write(dir, new Fixture(file, request.method(), route.path(), model, body, response.statusCode(),
                    headers, null, events));
            return;
        }
        byte[] bytes;
        try (InputStream in = response.body()) {
            bytes = in.readAllBytes();
        }
        JsonNode recorded = parseOrText(new String(bytes, StandardCharsets.UTF_8));
        FixtureFiles.write(dir, new Fixture(file, request.method(), route.path(), model, body, response.statusCode(),
                headers, redact.json(recorded), null));
        request.send(response.statusCode(), contentType.isEmpty() ? "application/json" : contentType, bytes);
    }

    private static List<Fixture.Event> relay(InputStream in, SseStream out, Redactor redact) throws IOException {
        List<Fixture.Event> events = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String name = null;
            StringBuilder data = new StringBuilder();
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isEmpty()) {
                    if (data.length() > 0 || name != null) {
                        Fixture.Event e = new Fixture.Event(name, parseOrText(data.toString()));
                        send(out, e);
                        events.add(new Fixture.Event(name, redact.json(e.data())));
                    }
                    name = null;
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    if (data.length() > 0) {
                        data.append('\n');
                    }
                    data.append(line.substring(5).stripLeading());
                }
            }
        }
        return events;
    }

    private static void send(SseStream out, Fixture.Event e) throws IOException {
        if (e.data().isTextual() && "[DONE]".equals(e.data().asText())) {
            out.done();
        } else if (e.event() != null) {
            out.event(e.event(), e.data());
        } else {
            out.data(e.data());
        }
    }

    private static JsonNode parseOrText(String text) {
        if (text.isEmpty()) {
            return JsonNodeFactory.instance.textNode("");
        }
        try {
            JsonNode n = Json.parse(text);
            return n == null ? JsonNodeFactory.instance.textNode(text) : n;
        } catch (IOException | RuntimeException e) {
            return JsonNodeFactory.instance.textNode(text);
        }
    }

    private static String slug(String s) {
        String out = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return out.length() > 40 ? out.substring(0, 40) : out.isEmpty() ? "x" : out;
    }
}
