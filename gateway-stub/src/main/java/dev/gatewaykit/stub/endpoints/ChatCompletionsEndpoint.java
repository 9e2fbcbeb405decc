package dev.gatewaykit.stub.endpoints;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaykit.stub.conversation.Conversation;
import dev.gatewaykit.stub.conversation.ConversationParser;
import dev.gatewaykit.stub.gateway.Ids;
import dev.gatewaykit.stub.http.Json;
import dev.gatewaykit.stub.tools.ToolCall;
import dev.gatewaykit.stub.tools.ToolRequest;

import java.io.IOException;
import java.util.List;

/**
 * {@code POST /chat/completions}: a JSON completion, or chunks streamed one event at a time with a usage chunk
 * only when {@code stream_options.include_usage} is true, ended by {@code data: [DONE]}. Tool calls come as
 * {@code message.tool_calls[]} with {@code finish_reason: "tool_calls"}; streamed, each call opens with its
 * {@code index}, {@code id}, {@code type} and {@code function.name}, and its arguments follow in several chunks.
 */
public final class ChatCompletionsEndpoint implements ModelEndpoint {

    /** Characters of tool-call arguments per streamed chunk. */
    static final int ARGUMENT_PIECE = 8;

    @Override
    public void serve(ModelCall call) throws IOException {
        ObjectNode body = call.body();
        PromptText prompt = Prompts.chat(body);
        boolean stream = Fields.bool(body, "stream", false);
        boolean includeUsage = Fields.includeUsage(body);
        Fields.number(body, "temperature", 0, 2);
        Fields.number(body, "top_p", 0, 1);
        Fields.integer(body, "n", 1, 128);
        Fields.bool(body, "parallel_tool_calls", true);
        Integer maxTokens = Fields.integer(body, "max_completion_tokens", 1, Integer.MAX_VALUE);
        if (maxTokens == null) {
            maxTokens = Fields.integer(body, "max_tokens", 1, Integer.MAX_VALUE);
        }
        ToolRequest tools = ToolRequest.chat(body);
        Conversation conversation = new Conversation(ConversationParser.chat(body), tools);
        OutputFormat format = OutputFormat.chat(body);
        Reply reply = call.reply(new ReplyRequest(prompt, conversation, format, maxTokens));
        long completionTokens = reply.tokens();
        call.charge(prompt.promptTokens(), completionTokens);
        String id = Ids.withPrefix("chatcmpl-");
        long created = ModelCall.now();
        if (!stream) {
            ObjectNode root = head(id, "chat.completion", created, call.model());
            ObjectNode choice = root.putArray("choices").addObject();
            choice.put("index", 0);
            ObjectNode message = choice.putObject("message");
            message.put("role", "assistant");
            if (reply.hasText() || reply.toolCalls().isEmpty()) {
                message.put("content", reply.text());
            } else {
                message.putNull("content");
            }
            message.putNull("refusal");
            message.putArray("annotations");
            if (!reply.toolCalls().isEmpty()) {
                ArrayNode calls = message.putArray("tool_calls");
                for (ToolCall c : reply.toolCalls()) {
                    ObjectNode tc = calls.addObject();
                    tc.put("id", c.id());
                    tc.put("type", "function");
                    tc.putObject("function").put("name", c.name()).put("arguments", c.arguments());
                }
            }
            choice.putNull("logprobs");
            choice.put("finish_reason", reply.finishReason());
            root.set("usage", Usage.chat(prompt.promptTokens(), completionTokens));
            call.request().sendJson(200, root);
            return;
        }
        StreamEvents events = call.startEvents(StreamEvents.Style.CHAT);
        try {
            stream(call, events, reply, prompt, id, created, includeUsage, completionTokens);
        } catch (StreamEvents.Ended ended) {
            return;
        }
        call.request().finish();
    }

    private static void stream(ModelCall call, StreamEvents events, Reply reply, PromptText prompt, String id,
                               long created, boolean includeUsage, long completionTokens) throws IOException {
        ObjectNode first = chunk(id, created, call.model(), includeUsage);
        ObjectNode firstDelta = first.withArray("choices").addObject();
        firstDelta.put("index", 0);
        ObjectNode opening = firstDelta.putObject("delta").put("role", "assistant");
        if (reply.hasText() || reply.toolCalls().isEmpty()) {
            opening.put("content", "");
        } else {
            opening.putNull("content");
        }
        opening.putNull("refusal");
        firstDelta.putNull("logprobs");
        firstDelta.putNull("finish_reason");
        events.data(first);
        boolean firstPiece = true;
        for (String piece : reply.chunks()) {
            if (!firstPiece) {
                ModelCall.pause(reply.delayMillis());
            }
            firstPiece = false;
            events.data(delta(id, created, call.model(), includeUsage, d -> d.put("content", piece)));
        }
        List<ToolCall> calls = reply.toolCalls();
        for (int index = 0; index < calls.size(); index++) {
            ToolCall c = calls.get(index);
            int i = index;
            events.data(delta(id, created, call.model(), includeUsage, d -> {
                ObjectNode tc = d.putArray("tool_calls").addObject();
                tc.put("index", i);
                tc.put("id", c.id());
                tc.put("type", "function");
                tc.putObject("function").put("name", c.name()).put("arguments", "");
            }));
            for (String piece : Reply.argumentPieces(c.arguments(), ARGUMENT_PIECE)) {
                events.data(delta(id, created, call.model(), includeUsage, d -> {
                    ObjectNode tc = d.putArray("tool_calls").addObject();
                    tc.put("index", i);
                    tc.putObject("function").put("arguments", piece);
                }));
            }
        }
        ObjectNode last = chunk(id, created, call.model(), includeUsage);
        ObjectNode lastChoice = last.withArray("choices").addObject();
        lastChoice.put("index", 0);
        lastChoice.putObject("delta");
        lastChoice.putNull("logprobs");
        lastChoice.put("finish_reason", reply.finishReason());
        events.data(last);
        if (includeUsage) {
            ObjectNode usage = head(id, "chat.completion.chunk", created, call.model());
            usage.putArray("choices");
            usage.set("usage", Usage.chat(prompt.promptTokens(), completionTokens));
            events.data(usage);
        }
        events.done();
    }

    private static ObjectNode delta(String id, long created, String model, boolean includeUsage,
                                    java.util.function.Consumer<ObjectNode> fill) {
        ObjectNode c = chunk(id, created, model, includeUsage);
        ObjectNode choice = c.withArray("choices").addObject();
        choice.put("index", 0);
        fill.accept(choice.putObject("delta"));
        choice.putNull("logprobs");
        choice.putNull("finish_reason");
        return c;
    }

    private static ObjectNode head(String id, String object, long created, String model) {
        ObjectNode root = Json.object();
        root.put("id", id);
        root.put("object", object);
        root.put("created", created);
        root.put("model", model);
        root.put("system_fingerprint", "fp_gateway_stub");
        return root;
    }

    private static ObjectNode chunk(String id, long created, String model, boolean includeUsage) {
        ObjectNode c = head(id, "chat.completion.chunk", created, model);
        c.putArray("choices");
        if (includeUsage) {
            c.putNull("usage");
        }
        return c;
    }
}
