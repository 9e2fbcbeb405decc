package dev.gatewaykit.stub.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.gatewaykit.stub.http.BodyReader;
import dev.gatewaykit.stub.http.Json;
import dev.gatewaykit.stub.http.ReadPhase;
import dev.gatewaykit.stub.http.StubError;
import dev.gatewaykit.stub.journal.JournalEntry;
import dev.gatewaykit.stub.journal.SchemaMismatch;
import dev.gatewaykit.stub.journal.StubStats;
import dev.gatewaykit.stub.keys.KeyAdminEndpoints;
import dev.gatewaykit.stub.scripting.Fault;
import dev.gatewaykit.stub.scripting.RuleJson;
import dev.gatewaykit.stub.scripting.Script;
import dev.gatewaykit.stub.server.StubContext;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import java.util.function.Supplier;

/**
 * The stub's own API under {@code /__stub/} (no auth, every mode): ready, reset, journal, stats, scripts, faults.
 * Errors use the OpenAI shape whatever the mode, since this API is the stub's, not the gateway's.
 */
public final class AdminEndpoints implements HttpHandler {

    private final StubContext ctx;
    private final Supplier<String> baseUrl;

    /** Admin API over {@code ctx}; {@code baseUrl} is reported by {@code /__stub/ready}. */
    public AdminEndpoints(StubContext ctx, Supplier<String> baseUrl) {
        this.ctx = ctx;
        this.baseUrl = baseUrl;
    }

    /** Serves one admin exchange. */
    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (BodyReader.Body read = readBody(exchange)) {
            String path = exchange.getRequestURI().getRawPath();
            String method = exchange.getRequestMethod();
            byte[] body = read.bytes();
            switch (path) {
                case "/__stub/ready" -> only(method, "GET", () -> send(exchange, 200, ready()));
                case "/__stub/reset" -> only(method, "POST", () -> {
                    ctx.reset();
                    send(exchange, 200, Json.object().put("status", "reset"));
                });
                case "/__stub/journal" -> only(method, "GET", () -> send(exchange, 200, journal(exchange)));
                case "/__stub/stats" -> only(method, "GET", () -> send(exchange, 200, stats(ctx.stats().snapshot())));
                case "/__stub/scripts" -> rules(exchange, method, body, true);
                case "/__stub/faults" -> rules(exchange, method, body, false);
                case "/__stub/schema-reports" -> only(method, "GET", () -> send(exchange, 200, AgentViews.schemaReports(ctx)));
                case "/__stub/calls" -> only(method, "GET", () -> send(exchange, 200, AgentViews.calls(ctx)));
                default -> throw new AdminError(404, "Unknown admin path " + cut(path)
                        + "; known: /__stub/ready, /__stub/reset, /__stub/journal, /__stub/stats, /__stub/scripts, /__stub/faults, /__stub/schema-reports, /__stub/calls");
            }
        } catch (AdminError e) {
            ObjectNode root = Json.object();
            ObjectNode error = root.putObject("error");
            error.put("message", e.getMessage());
            error.put("type", "invalid_request_error");
            error.putNull("param");
            error.putNull("code");
            if (e.status == 405) {
                exchange.getResponseHeaders().set("Allow", e.allow);
            }
            send(exchange, e.status, root);
        }
    }

    private ObjectNode ready() {
        ObjectNode out = Json.object();
        out.put("status", "ready");
        out.put("mode", ctx.mode().id());
        out.put("baseUrl", baseUrl.get());
        return out;
    }

    private ObjectNode journal(HttpExchange exchange) {
        String limitText = KeyAdminEndpoints.queryParam(exchange.getRequestURI().getRawQuery(), "limit");
        int limit = -1;
        if (limitText != null) {
            try {
                limit = Integer.parseInt(limitText);
            } catch (NumberFormatException e) {
                limit = -2;
            }
            if (limit < 0) {
                throw new AdminError(400, "Query parameter 'limit' must be an integer >= 0, got '" + cut(limitText) + "'");
            }
        }
        ObjectNode out = Json.object();
        out.put("capacity", ctx.journal().capacity());
        out.put("dropped", ctx.journal().dropped());
        ArrayNode entries = out.putArray("entries");
        for (JournalEntry e : ctx.journal().entries(limit)) {
            entries.add(entry(e));
        }
        return out;
    }

    /** The JSON form of a journal entry. */
    public static ObjectNode entry(JournalEntry e) {
        ObjectNode n = Json.object();
        n.put("seq", e.seq());
        n.put("timestamp", e.timestamp().toString());
        n.put("method", e.method());
        n.put("path", e.path());
        n.put("status", e.status());
        n.put("model", e.model());
        n.put("key", e.key());
        ObjectNode headers = n.putObject("headers");
        e.headers().forEach(headers::put);
        n.put("requestBody", e.requestBody());
        n.put("durationMillis", Math.round(e.durationMillis() * 1000) / 1000.0);
        if (!e.schemaMismatches().isEmpty()) {
            ArrayNode mismatches = n.putArray("schemaMismatches");
            for (SchemaMismatch m : e.schemaMismatches()) {
                ObjectNode item = mismatches.addObject();
                item.put("subject", m.subject());
                ArrayNode problems = item.putArray("problems");
                m.problems().forEach(problems::add);
            }
        }
        return n;
    }

    private static ObjectNode stats(StubStats.Snapshot s) {
        ObjectNode out = Json.object();
        out.put("requests", s.requests());
        out.put("errors", s.errors());
        ObjectNode byPath = out.putObject("byPath");
        s.byPath().forEach(byPath::put);
        ObjectNode byStatus = out.putObject("byStatus");
        s.byStatus().forEach(byStatus::put);
        return out;
    }

    private void rules(HttpExchange exchange, String method, byte[] body, boolean scripts) throws IOException {
        String what = scripts ? "scripts" : "faults";
        switch (method) {
            case "GET" -> {
                ObjectNode out = Json.object();
                ArrayNode list = out.putArray(what);
                (scripts ? ctx.scripts().rules() : ctx.faults().rules()).forEach(r -> list.add(r.toString()));
                send(exchange, 200, out);
            }
            case "DELETE" -> {
                if (scripts) {
                    ctx.scripts().clear();
                } else {
                    ctx.faults().clear();
                }
                send(exchange, 200, Json.object().put(what, 0));
            }
            case "POST" -> {
                JsonNode node;
                try {
                    node = Json.parse(body, ctx.limits().maxJsonValues());
                } catch (Json.TooManyValues e) {
                    throw new AdminError(413, "Body has more than " + e.limit() + " JSON values (limit maxJsonValues)");
                } catch (IOException e) {
                    throw new AdminError(400, "Body is not valid JSON: " + cut(String.valueOf(e.getMessage()).split("\n")[0]));
                }
                int added;
                try {
                    if (scripts) {
                        List<Script> parsed = RuleJson.scripts(node);
                        ctx.scripts().addAll(parsed);
                        added = parsed.size();
                    } else {
                        List<Fault> parsed = RuleJson.faults(node);
                        parsed.forEach(FaultCheck::requireValid);
                        ctx.faults().addAll(parsed);
                        added = parsed.size();
                    }
                } catch (IllegalArgumentException | IllegalStateException e) {
                    throw new AdminError(400, "Invalid " + what + ": " + e.getMessage());
                }
                int total = scripts ? ctx.scripts().rules().size() : ctx.faults().rules().size();
                send(exchange, 200, Json.object().put("added", added).put(what, total));
            }
            default -> throw new AdminError(405, "Method " + cut(method) + " is not allowed for /__stub/" + what
                    + "; use GET, POST or DELETE", "GET, POST, DELETE");
        }
    }

    private BodyReader.Body readBody(HttpExchange exchange) throws IOException {
        try {
            return BodyReader.read(exchange, ctx.limits().maxBodyBytes(), ctx.bodies());
        } catch (StubError e) {
            e.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            throw new AdminError(e.status(), e.getMessage());
        }
    }

    private static void only(String method, String allowed, IoAction action) throws IOException {
        if (!allowed.equals(method)) {
            throw new AdminError(405, "Method " + cut(method) + " is not allowed here; use " + allowed, allowed);
        }
        action.run();
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        ReadPhase.replying();
        byte[] bytes = Json.bytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String cut(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private static final class AdminError extends RuntimeException {
        final int status;
        final String allow;

        AdminError(int status, String message) {
            this(status, message, null);
        }

        AdminError(int status, String message, String allow) {
            super(message, null, false, false);
            this.status = status;
            this.allow = allow;
        }
    }

}
