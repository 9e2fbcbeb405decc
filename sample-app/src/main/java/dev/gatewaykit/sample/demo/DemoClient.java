package dev.gatewaykit.sample.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Calls the app's own endpoints over real HTTP, as any client would: JSON posts, and the SSE stream read event by
 * event.
 */
final class DemoClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String origin;

    private final Duration timeout;

    DemoClient(String origin, Duration timeout) {
        this.origin = origin;
        this.timeout = timeout;
    }

    /** A JSON POST; the answer whatever its status. */
    Reply post(String path, ObjectNode body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(this.origin + path))
            .timeout(this.timeout)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build();
        HttpResponse<String> response = send(request, HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), parse(response.body()));
    }

    /** A GET of an SSE stream, read to its end. */
    EventStream stream(String path, String parameter, String value) {
        HttpRequest request = HttpRequest
            .newBuilder(URI.create(this.origin + path + "?" + parameter + "="
                    + URLEncoder.encode(value, StandardCharsets.UTF_8)))
            .timeout(this.timeout)
            .header("Accept", "text/event-stream")
            .GET()
            .build();
        HttpResponse<Stream<String>> response = send(request, HttpResponse.BodyHandlers.ofLines());
        List<Event> events = new ArrayList<>();
        try (Stream<String> lines = response.body()) {
            if (response.statusCode() != 200) {
                // Failed before the stream started: the body is a problem detail, not events.
                return new EventStream(response.statusCode(), events,
                        parse(String.join("\n", lines.toList())));
            }
            String name = "message";
            StringBuilder data = new StringBuilder();
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        events.add(new Event(name, parse(data.toString())));
                    }
                    name = "message";
                    data.setLength(0);
                }
                else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                }
                else if (line.startsWith("data:")) {
                    data.append(line.substring(5));
                }
            }
        }
        return new EventStream(response.statusCode(), events, null);
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return this.http.send(request, handler);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot reach the app at " + request.uri(), ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calling " + request.uri(), ex);
        }
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        }
        catch (IOException ex) {
            return JSON.getNodeFactory().textNode(text);
        }
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** An HTTP answer. */
    record Reply(int status, JsonNode body) {

        boolean ok() {
            return this.status == 200;
        }

    }

    /** One server-sent event. */
    record Event(String name, JsonNode data) {
    }

    /** A read SSE stream, or the problem detail that was sent instead of one. */
    record EventStream(int status, List<Event> events, JsonNode problem) {

        List<Event> named(String name) {
            return this.events.stream().filter((event) -> event.name().equals(name)).toList();
        }

    }

}
