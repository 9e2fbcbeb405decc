package dev.gatewaykit.sample.demo;

import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatewaykit.sample.ask.StreamEvents;
import dev.gatewaykit.sdk.Role;
import dev.gatewaykit.sdk.settings.GatewaySettings;
import dev.gatewaykit.stub.journal.JournalEntry;
import dev.gatewaykit.stub.keys.KeyMask;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.core.env.Environment;

/**
 * The demo itself: once the app serves, prints the routing table, calls search, ask (streamed), diagnose
 * (structured output), summarize (Spring AI ChatClient), code and agent (a function-call loop) once each over HTTP,
 * prints the answers and what each proxy saw. Its exit code is 0 when every call was answered, else 1 (the failure
 * is printed as the problem detail the app answered with).
 */
class DemoRunner implements ApplicationRunner, ExitCodeGenerator {

    static final String SEARCH_QUERY = "Which key does the embeddings route use?";

    static final String QUESTION = "Why are embeddings requested as float?";

    static final String TASK = "Write a Java method that returns the cosine similarity of two float arrays.";

    static final String PROBLEM = "Search works, but every chat call answers 401.";

    static final String DOCUMENT = "key-rule";

    static final String AGENT_TASK = "Which variable sets the embeddings route?";

    private static final Duration CALL_TIMEOUT_MARGIN = Duration.ofSeconds(10);

    private final DemoGateways gateways;

    private final GatewaySettings settings;

    private final Environment environment;

    private final PrintStream out;

    private volatile int exitCode = 1;

    DemoRunner(DemoGateways gateways, GatewaySettings settings, Environment environment, PrintStream out) {
        this.gateways = gateways;
        this.settings = settings;
        this.environment = environment;
        this.out = out;
    }

    @Override
    public void run(ApplicationArguments args) {
        String origin = "http://localhost:" + this.environment.getRequiredProperty("local.server.port");
        DemoClient client = new DemoClient(origin, this.settings.callTimeout().plus(CALL_TIMEOUT_MARGIN));
        this.out.println();
        this.out.println("openai-gateway-kit demo: the sample app at " + origin
                + ", two in-process LiteLLM stubs as its proxies (no keys, no network)");
        describe(this.gateways.internal(), "EMBEDDINGS");
        describe(this.gateways.external(), "LLM, CODEX");
        this.out.println();
        this.out.println("Routing table:");
        this.settings.routingTable().lines().forEach((line) -> this.out.println("  " + line));
        this.out.println();
        boolean ok = search(client) & ask(client) & diagnose(client) & summarize(client) & code(client)
                & agent(client);
        this.out.println();
        this.out.println("What the proxies saw (keys masked):");
        journal(this.gateways.internal());
        journal(this.gateways.external());
        this.out.println();
        this.exitCode = ok ? 0 : 1;
        this.out.println(ok ? "Demo OK: search, ask, diagnose, summarize, code and agent answered through their routes."
                : "Demo FAILED: see the problem details above.");
        if (this.environment.getProperty(DemoMode.SERVE_PROPERTY, Boolean.class, false)) {
            this.out.println("Serving at " + origin + " until Ctrl+C. Try:");
            this.out.println("  curl -s " + origin
                    + "/api/search -H 'Content-Type: application/json' -d '{\"query\":\"portkey headers\",\"k\":2}'");
            this.out.println("  curl -N '" + origin + "/api/ask/stream?question=What+does+the+key+rule+say%3F'");
            this.out.println("  curl -s " + origin + "/api/agent -H 'Content-Type: application/json' -d '{\"task\":\""
                    + AGENT_TASK + "\"}'");
            this.out.println("  curl -s " + origin + "/actuator/health");
        }
        this.out.flush();
    }

    @Override
    public int getExitCode() {
        return this.exitCode;
    }

    private void describe(DemoGateways.Proxy proxy, String roles) {
        this.out.printf("  %-8s proxy for %-10s %s  virtual key %s  allowed models %s%n", proxy.name(), roles,
                proxy.stub().baseUrl(), proxy.maskedKey(), String.join(", ", proxy.models()));
    }

    private boolean search(DemoClient client) {
        DemoClient.Reply reply = client.post("/api/search", DemoClient.object().put("query", SEARCH_QUERY).put("k", 3));
        if (!reply.ok()) {
            return failed(Role.EMBEDDINGS, "search", reply.status(), reply.body());
        }
        String hits = stream(reply.body().path("hits"))
            .map((hit) -> hit.path("id").asText() + String.format(" (%.3f)", hit.path("score").asDouble()))
            .collect(Collectors.joining(", "));
        this.out.println("[EMBEDDINGS] search \"" + SEARCH_QUERY + "\" -> " + reply.body().path("hits").size()
                + " hits: " + hits);
        this.out.println("             (the stub's vectors are deterministic, not semantic: scores rank by hash, "
                + "a real model ranks by meaning)");
        return true;
    }

    private boolean ask(DemoClient client) {
        DemoClient.EventStream stream = client.stream("/api/ask/stream", "question", QUESTION);
        if (stream.status() != 200) {
            return failed(Role.LLM, "ask", stream.status(), stream.problem());
        }
        List<DemoClient.Event> errors = stream.named(StreamEvents.ERROR);
        if (!errors.isEmpty()) {
            return failed(Role.LLM, "ask (stream broke)", 200, errors.get(0).data());
        }
        List<DemoClient.Event> done = stream.named(StreamEvents.DONE);
        if (done.isEmpty()) {
            this.out.println("[LLM] ask: the stream ended without a \"done\" event");
            return false;
        }
        String answer = stream.named(StreamEvents.DELTA)
            .stream()
            .map((event) -> event.data().path("text").asText())
            .collect(Collectors.joining());
        this.out.println("[LLM] ask (streamed, " + stream.events().size() + " events) \"" + QUESTION + "\" -> "
                + answer);
        return true;
    }

    private boolean code(DemoClient client) {
        DemoClient.Reply reply = client.post("/api/code", DemoClient.object().put("task", TASK));
        if (!reply.ok()) {
            return failed(Role.CODEX, "code", reply.status(), reply.body());
        }
        this.out.println("[CODEX] code (" + reply.body().path("model").asText() + ", Responses API) -> "
                + reply.body().path("code").asText());
        return true;
    }

    private boolean diagnose(DemoClient client) {
        DemoClient.Reply reply = client.post("/api/diagnose", DemoClient.object().put("problem", PROBLEM));
        if (!reply.ok()) {
            return failed(Role.LLM, "diagnose", reply.status(), reply.body());
        }
        JsonNode diagnosis = reply.body().path("diagnosis");
        this.out.println("[LLM] diagnose (structured output, json_schema -> Diagnosis record) \"" + PROBLEM
                + "\" -> route=" + diagnosis.path("route").asText() + " cause=" + diagnosis.path("cause") + " steps="
                + diagnosis.path("steps"));
        this.out.println("      (unscripted: the stub answered JSON it synthesized from the record's schema)");
        return true;
    }

    private boolean summarize(DemoClient client) {
        DemoClient.Reply reply = client.post("/api/summarize", DemoClient.object().put("documentId", DOCUMENT));
        if (!reply.ok()) {
            return failed(Role.LLM, "summarize", reply.status(), reply.body());
        }
        this.out.println("[LLM] summarize (Spring AI ChatClient, " + reply.body().path("model").asText() + ") "
                + DOCUMENT + " -> " + reply.body().path("summary").asText());
        return true;
    }

    private boolean agent(DemoClient client) {
        DemoClient.Reply reply = client.post("/api/agent", DemoClient.object().put("task", AGENT_TASK));
        if (!reply.ok()) {
            return failed(Role.CODEX, "agent", reply.status(), reply.body());
        }
        String calls = stream(reply.body().path("toolCalls"))
            .map((step) -> step.path("name").asText() + step.path("arguments").asText())
            .collect(Collectors.joining(", "));
        this.out.println("[CODEX] agent (Responses API function calls, " + reply.body().path("turns").asInt()
                + " turns) \"" + AGENT_TASK + "\" -> ran " + calls + " -> " + reply.body().path("answer").asText());
        this.out.println("        (scripted model turns: 1 calls read_file, 2 answers after the file's output)");
        return true;
    }

    private boolean failed(Role role, String call, int status, JsonNode problem) {
        this.out.println("[" + role + "] " + call + " FAILED with HTTP " + status + ": "
                + problem.path("kind").asText(problem.path("title").asText("?")));
        this.out.println("  detail: " + problem.path("detail").asText(problem.toString()));
        if (problem.hasNonNull("hint")) {
            this.out.println("  hint:   " + problem.path("hint").asText());
        }
        return false;
    }

    private void journal(DemoGateways.Proxy proxy) {
        List<JournalEntry> entries = proxy.stub().journal();
        Map<String, Long> calls = new LinkedHashMap<>();
        for (JournalEntry entry : entries) {
            calls.merge(entry.method() + " " + entry.path() + " " + entry.status() + " key " + shownKey(proxy, entry),
                    1L, Long::sum);
        }
        this.out.println("  " + proxy.name() + " proxy: " + entries.size() + " requests");
        calls.forEach((call, count) -> this.out.println("    " + count + " x " + call));
    }

    /** The journal's key in the form the rest of the demo prints keys; the stub masks with its own rule. */
    private static String shownKey(DemoGateways.Proxy proxy, JournalEntry entry) {
        if (entry.key() == null) {
            return "(none)";
        }
        return entry.key().equals(KeyMask.mask(proxy.key())) ? proxy.maskedKey() : entry.key();
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }

}
