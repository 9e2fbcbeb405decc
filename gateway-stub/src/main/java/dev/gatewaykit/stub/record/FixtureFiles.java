package dev.gatewaykit.stub.record;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaykit.stub.http.Json;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Reads and writes fixture files; a bad file is an error naming the file, and the line where JSON parsing stopped. */
public final class FixtureFiles {

    private static final JsonFactory FACTORY = new JsonFactory();

    private FixtureFiles() {
    }

    /**
     * Every {@code *.json} fixture in {@code dir}, by file name.
     *
     * @throws IllegalArgumentException naming the directory or the file (and line) that cannot be read
     */
    public static List<Fixture> load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("replay directory " + dir + " does not exist or is not a directory");
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalArgumentException("replay directory " + dir + " cannot be read: " + e.getMessage());
        }
        List<Fixture> out = new ArrayList<>();
        for (Path f : files) {
            out.add(read(f));
        }
        return out;
    }

    /** One fixture file. */
    public static Fixture read(Path file) {
        String name = file.getFileName().toString();
        JsonNode root;
        try {
            root = Json.parse(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new IllegalArgumentException("fixture " + file + " line " + (at == null ? "?" : at.getLineNr())
                    + ", column " + (at == null ? "?" : at.getColumnNr()) + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException("fixture " + file + " cannot be read: " + e.getMessage());
        }
        try {
            return fixture(name, root);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("fixture " + file + ": " + e.getMessage());
        }
    }

    private static Fixture fixture(String name, JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("a fixture must be a JSON object with 'request' and 'response'");
        }
        JsonNode req = object(root, "request");
        JsonNode res = object(root, "response");
        String method = text(req, "request.method");
        String path = text(req, "request.path");
        String model = req.path("model").isTextual() ? req.get("model").asText() : null;
        JsonNode status = res.get("status");
        if (status == null || !status.isIntegralNumber()) {
            throw new IllegalArgumentException("'response.status' must be an integer");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> h = res.path("headers").fields();
        while (h.hasNext()) {
            Map.Entry<String, JsonNode> e = h.next();
            headers.put(e.getKey(), e.getValue().asText());
        }
        List<Fixture.Event> events = null;
        if (res.has("events")) {
            if (!res.get("events").isArray()) {
                throw new IllegalArgumentException("'response.events' must be an array of {event, data}");
            }
            events = new ArrayList<>();
            for (JsonNode e : res.get("events")) {
                events.add(new Fixture.Event(e.path("event").isTextual() ? e.get("event").asText() : null, e.get("data")));
            }
        } else if (!res.has("body")) {
            throw new IllegalArgumentException("'response' needs 'body' or 'events'");
        }
        return new Fixture(name, method, path, model, req.get("body"), status.asInt(), headers, res.get("body"), events);
    }

    /** Writes {@code fixture} as pretty-printed JSON to {@code dir/fixture.file()}. */
    public static Path write(Path dir, Fixture fixture) {
        ObjectNode root = Json.object();
        ObjectNode req = root.putObject("request");
        req.put("method", fixture.method());
        req.put("path", fixture.path());
        req.put("model", fixture.model());
        if (fixture.body() != null) {
            req.set("body", fixture.body());
        }
        ObjectNode res = root.putObject("response");
        res.put("status", fixture.status());
        ObjectNode headers = res.putObject("headers");
        fixture.headers().forEach(headers::put);
        if (fixture.streamed()) {
            ArrayNode events = res.putArray("events");
            for (Fixture.Event e : fixture.events()) {
                ObjectNode n = events.addObject();
                if (e.event() != null) {
                    n.put("event", e.event());
                }
                n.set("data", e.data());
            }
        } else {
            res.set("body", fixture.response());
        }
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(fixture.file());
            Path tmp = dir.resolve(fixture.file() + ".tmp");
            Files.writeString(tmp, pretty(root) + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write fixture " + fixture.file() + " to " + dir, e);
        }
    }

    private static String pretty(JsonNode node) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonParser p = FACTORY.createParser(Json.string(node)); JsonGenerator g = FACTORY.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            p.nextToken();
            g.copyCurrentStructure(p);
        }
        return out.toString();
    }

    private static JsonNode object(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isObject()) {
            throw new IllegalArgumentException("'" + field + "' must be an object");
        }
        return v;
    }

    private static String text(JsonNode n, String field) {
        String leaf = field.substring(field.indexOf('.') + 1);
        JsonNode v = n.get(leaf);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("'" + field + "' must be a string");
        }
        return v.asText();
    }
}
