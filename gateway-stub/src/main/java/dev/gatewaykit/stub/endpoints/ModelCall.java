package dev.gatewaykit.stub.endpoints;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaykit.stub.agent.AgentState;
import dev.gatewaykit.stub.conversation.Conversation;
import dev.gatewaykit.stub.conversation.Message;
import dev.gatewaykit.stub.gateway.GatewayBehaviour;
import dev.gatewaykit.stub.http.SseStream;
import dev.gatewaykit.stub.http.StubRequest;
import dev.gatewaykit.stub.journal.SchemaMismatch;
import dev.gatewaykit.stub.keys.Caller;
import dev.gatewaykit.stub.scripting.RuleBook;
import dev.gatewaykit.stub.scripting.Script;
import dev.gatewaykit.stub.scripting.ScriptStep;
import dev.gatewaykit.stub.scripting.StreamError;
import dev.gatewaykit.stub.tools.ToolChoice;
import dev.gatewaykit.stub.tools.ToolRequest;
import dev.gatewaykit.stub.tools.ToolSpec;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

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
    private final AgentState agent;
    private final StreamError streamError;
    private final List<SchemaMismatch> schemaMismatches = new CopyOnWriteArrayList<>();

    /** A call of {@code model} (as the provider sees it) on {@code endpointPath} (below /v1). */
    public ModelCall(StubRequest request, ObjectNode body, String model, String endpointPath, Caller caller,
                     GatewayBehaviour behaviour, RuleBook<Script> scripts, int cutStreamAfterEvents, AgentState agent,
                     StreamError streamError) {
        this.request = request;
        this.body = body;
        this.model = model;
        this.endpointPath = endpointPath;
        this.caller = caller;
        this.behaviour = behaviour;
        this.scripts = scripts;
        this.cutStreamAfterEvents = cutStreamAfterEvents;
        this.agent = agent;
        this.streamError = streamError;
    }

    /** Where scripted replies of this call broke the schema the request asked for (for its journal entry). */
    public List<SchemaMismatch> schemaMismatches() {
        return List.copyOf(schemaMismatches);
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
     * The reply to a prompt without conversation structure (legacy completions): the first matching script, else
     * {@code "Echo: " + last user text}; cut to {@code maxTokens} (finish reason {@code length}) when given.
     */
    public Reply reply(PromptText prompt, Integer maxTokens) {
        Conversation conversation = new Conversation(List.of(Message.text("user", prompt.lastUser())),
                new ToolRequest(List.of(), ToolChoice.AUTO));
        return reply(new ReplyRequest(prompt, conversation, OutputFormat.TEXT, maxTokens));
    }

    /**
     * The reply: the step of the first matching script, else the default (see {@link ReplyPlanner}); text cut
     * to {@code maxTokens} (finish reason {@code length}) when given. The call is recorded for verification.
     */
    public Reply reply(ReplyRequest r) {
        Conversation conversation = r.conversation();
        ScriptStep[] step = new ScriptStep[1];
        Script script = scripts.take(s -> {
            Optional<ScriptStep> found = s.stepFor(endpointPath, model, r.prompt()::all, conversation);
            found.ifPresent(f -> step[0] = f);
            return found.isPresent();
        }).orElse(null);
        long delay = script != null ? script.chunkDelayMillis() : 0;
        Reply planned = new ReplyPlanner(endpointPath, model, agent.reports(), schemaMismatches)
                .plan(Optional.ofNullable(script == null ? null : step[0]), delay, r);
        Reply reply = truncate(planned, r.maxTokens());
        agent.calls().record(endpointPath, model, request.presentedKey().key(), conversation.messages(),
                conversation.tools().tools().stream().map(ToolSpec::name).toList(), reply.text(), reply.toolCalls());
        return reply;
    }

    private static Reply truncate(Reply reply, Integer maxTokens) {
        if (maxTokens == null) {
            return reply;
        }
        List<String> chunks = reply.chunks();
        String full = String.join("", chunks);
        String cut = Tokens.truncate(full, maxTokens);
        if (cut.length() == full.length()) {
            return reply;
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
        return new Reply(kept, List.of(), reply.delayMillis(), "length");
    }

    /** Stored Responses, recorded calls and reports. */
    public AgentState agent() {
        return agent;
    }

    /** Records usage with the gateway (spend, cost headers); call before sending anything. */
    public void charge(long promptTokens, long completionTokens) {
        behaviour.onModelCall(request, caller, model, promptTokens, completionTokens);
    }

    /** Starts the event stream (cut after k events when a fault says so). */
    public SseStream startStream() throws IOException {
        return request.startEventStream(cutStreamAfterEvents);
    }

    /** Starts the event stream, wrapped to end with an error event when a stream-error fault applies. */
    public StreamEvents startEvents(StreamEvents.Style style) throws IOException {
        return new StreamEvents(startStream(), request, streamError, style);
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
