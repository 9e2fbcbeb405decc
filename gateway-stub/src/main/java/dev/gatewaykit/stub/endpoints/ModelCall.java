package dev.gatewaykit.stub.endpoints;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaykit.stub.gateway.GatewayBehaviour;
import dev.gatewaykit.stub.http.SseStream;
import dev.gatewaykit.stub.http.StubRequest;
import dev.gatewaykit.stub.keys.Caller;
import dev.gatewaykit.stub.scripting.RuleBook;
import dev.gatewaykit.stub.scripting.Script;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;

/** A validated call to a model endpoint, with what an endpoint needs to answer it. */
public final class ModelCall {

    private final StubRequest request;
    private final ObjectNode body;
    private final String model;
    private final String endpointPath;
    private final Caller caller;
    private final GatewayBehaviour behaviour;
    private final RuleBook<Script> scripts;
    private final int cutStreamAfterEvents;

    /** A call of {@code model} (as the provider sees it) on {@code endpointPath} (below /v1). */
    public ModelCall(StubRequest request, ObjectNode body, String model, String endpointPath, Caller caller,
                     GatewayBehaviour behaviour, RuleBook<Script> scripts, int cutStreamAfterEvents) {
        this.request = request;
        this.body = body;
        this.model = model;
        this.endpointPath = endpointPath;
        this.caller = caller;
        this.behaviour = behaviour;
        this.scripts = scripts;
        this.cutStreamAfterEvents = cutStreamAfterEvents;
    }

    /** The exchange. */
    public StubRequest request() {
        return request;
    }

    /** The JSON body. */
    public ObjectNode body() {
        return body;
    }

    /** The model as the provider sees it (what replies name). */
    public String model() {
        return model;
    }

    /**
     * The reply: the first matching script, else {@code "Echo: " + last user text}; cut to {@code maxTokens}
     * (finish reason {@code length}) when given.
     */
    public Reply reply(PromptText prompt, Integer maxTokens) {
        Script script = scripts.take(s -> s.match().matches(endpointPath, model, prompt::all)).orElse(null);
        List<String> chunks = script != null ? script.chunks() : Script.splitWords("Echo: " + prompt.lastUser());
        long delay = script != null ? script.chunkDelayMillis() : 0;
        if (maxTokens == null) {
            return new Reply(chunks, delay, "stop");
        }
        String full = String.join("", chunks);
        String cut = Tokens.truncate(full, maxTokens);
        if (cut.length() == full.length()) {
            return new Reply(chunks, delay, "stop");
        }
        List<String> kept = new ArrayList<>();
        int used = 0;
        for (String c : chunks) {
            if (used + c.length() <= cut.length()) {
                kept.add(c);
                used += c.length();
            } else {
                if (used < cut.length()) {
                    kept.add(cut.substring(used));
                }
                break;
            }
        }
        return new Reply(kept, delay, "length");
    }

    /** Records usage with the gateway (spend, cost headers); call before sending anything. */
    public void charge(long promptTokens, long completionTokens) {
        behaviour.onModelCall(request, caller, model, promptTokens, completionTokens);
    }

    /** Starts the event stream (cut after k events when a fault says so). */
    public SseStream startStream() throws IOException {
        return request.startEventStream(cutStreamAfterEvents);
    }

    /** Waits between streamed pieces. */
    public static void pause(long millis) throws IOException {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("stub stopping");
        }
    }

    /** Seconds since the epoch, for {@code created} fields. */
    public static long now() {
        return System.currentTimeMillis() / 1000;
    }
}
