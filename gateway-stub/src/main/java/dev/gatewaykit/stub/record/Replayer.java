package dev.gatewaykit.stub.record;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatewaykit.stub.http.Json;
import dev.gatewaykit.stub.http.Route;
import dev.gatewaykit.stub.http.SseStream;
import dev.gatewaykit.stub.http.StubError;
import dev.gatewaykit.stub.http.StubRequest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serves model calls from fixtures, never forwarding; fixtures are indexed by their {@link ReplayMatcher#key}, so a
 * request costs one lookup however many fixtures are loaded. Several fixtures matching the same request are served in
 * turn (a recording of the same prompt twice replays both answers, in order). A miss is an OpenAI-shaped 404
 * naming the closest fixture and how it differs.
 */
public final class Replayer implements Passthrough {

    private final Path dir;
    private final List<Fixture> fixtures;
    private final ReplayMatcher matcher;
    private final Redactor redactor;
    private final Map<String, List<Fixture>> byKey = new HashMap<>();
    private final ConcurrentHashMap<String, AtomicInteger> turns = new ConcurrentHashMap<>();

    /**
     * Loads every fixture of {@code dir}.
     *
     * @throws IllegalArgumentException naming the directory, or the file and line, that cannot be read
     */
    public Replayer(Path dir, ReplayMatcher matcher, Redactor redactor) {
        this.dir = dir;
        this.fixtures = List.copyOf(FixtureFiles.load(dir));
        this.matcher = matcher;
        this.redactor = redactor;
        for (Fixture f : fixtures) {
            byKey.computeIfAbsent(matcher.key(f.method(), f.path(), f.model(), f.body()), k -> new ArrayList<>()).add(f);
        }
    }

    /** Fixtures loaded. */
    public int size() {
        return fixtures.size();
    }

    @Override
    public void serve(StubRequest request, Route route, int cutAfter) throws IOException {
        JsonNode body = redactor.json(request.json());
        String model = body.path("model").isTextual() ? body.get("model").asText() : null;
        String key = matcher.key(request.method(), route.path(), model, body);
        List<Fixture> matches = byKey.get(key);
        if (matches == null) {
            throw miss(request, route, model, body);
        }
        int turn = turns.computeIfAbsent(key, k -> new AtomicInteger()).getAndIncrement();
        send(request, matches.get(Math.floorMod(turn, matches.size())), cutAfter);
    }

    private StubError miss(StubRequest request, Route route, String model, JsonNode body) {
        String closest = null;
        String closestDifference = null;
        int closestScore = -1;
        for (Fixture f : fixtures) {
            Optional<String> d = matcher.difference(f, request.method(), route.path(), model, body);
            if (d.isEmpty()) {
                continue; // cannot happen: an equal fixture has the same key
            }
            int score = (f.method().equals(request.method()) ? 4 : 0) + (f.path().equals(route.path()) ? 2 : 0)
                    + (java.util.Objects.equals(f.model(), model) ? 1 : 0);
            if (score > closestScore) {
                closestScore = score;
                closest = f.file();
                closestDifference = d.get();
            }
        }
        return new StubError(StubError.Kind.INVALID_REQUEST, 404, "invalid_request_error", null, "fixture_not_found",
                "Replay: no fixture in " + dir + " matches " + request.method() + " " + route.path() + " model="
                + model + (closest == null ? " (the directory has no fixtures)."
                : ". Closest: " + closest + ", which differs in " + closestDifference + "."));
    }

    private static void send(StubRequest request, Fixture f, int cutAfter) throws IOException {
        f.headers().forEach((k, v) -> request.responseHeaders().set(k, v));
        if (!f.streamed()) {
            JsonNode b = f.response();
            if (b != null && b.isTextual()) {
                request.send(f.status(), f.headers().getOrDefault("content-type", "text/plain; charset=utf-8"),
                        b.asText().getBytes(StandardCharsets.UTF_8));
            } else {
                request.send(f.status(), "application/json", b == null ? new byte[0] : Json.bytes(b));
            }
            return;
        }
        SseStream out = request.startEventStream(cutAfter);
        List<Fixture.Event> events = f.events();
        for (int i = 0; i < events.size(); i++) {
            Fixture.Event e = events.get(i);
            boolean last = i == events.size() - 1;
            if (e.data() != null && e.data().isTextual() && "[DONE]".equals(e.data().asText())) {
                out.done();
            } else if (e.event() != null) {
                if (last) {
                    out.lastEvent(e.event(), e.data());
                } else {
                    out.event(e.event(), e.data());
                }
            } else {
                out.data(e.data());
            }
        }
        request.finish();
    }
}
