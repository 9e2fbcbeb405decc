package dev.gatewaykit.sample.e2e;

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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Real HTTP calls to the running sample app, as an outside client makes them. */
final class AppHttp {

    static final ObjectMapper JSON = new ObjectMapper();

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    private final String origin;

    AppHttp(int port) {
        this.origin = "http://localhost:" + port;
    }

    Reply post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
    }

    Reply postJson(String path, Object body) {
        try {
            return post(path, JSON.writeValueAsString(body));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    Reply get(String path) {
        return send(request(path).GET().build());
    }

    Reply stream(String question) {
        return send(request("/api/ask/stream?question=" + URLEncoder.encode(question, StandardCharsets.UTF_8))
            .header("Accept", "text/event-stream")
            .GET()
            .build());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(this.origin + path)).timeout(TIMEOUT);
    }

    private Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** An answer of the app. */
    record Reply(int status, String contentType, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(this.body);
            }
            catch (IOException ex) {
                throw new AssertionError("Not JSON (HTTP " + this.status + "): " + this.body, ex);
            }
        }

        /** The server-sent events of an event-stream body, in order. */
        List<Event> events() {
            List<Event> events = new ArrayList<>();
            String name = "message";
            StringBuilder data = new StringBuilder();
            for (String line : (this.body + "\n\n").split("\r?\n", -1)) {
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        events.add(new Event(name, data.toString()));
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
            return events;
        }

        @Override
        public String toString() {
            return "HTTP " + this.status + " " + this.contentType + " " + this.body;
        }

    }

    /** One server-sent event. */
    record Event(String name, String data) {

        JsonNode json() {
            try {
                return JSON.readTree(this.data);
            }
            catch (IOException ex) {
                throw new AssertionError("Event data is not JSON: " + this.data, ex);
            }
        }

    }

}
