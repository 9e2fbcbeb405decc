package dev.gatewaykit.stub.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaykit.stub.conversation.Message;
import dev.gatewaykit.stub.http.Json;
import dev.gatewaykit.stub.server.StubContext;
import dev.gatewaykit.stub.tools.ToolCall;
import dev.gatewaykit.stub.verify.RecordedCall;
import dev.gatewaykit.stub.verify.SchemaReport;

import java.util.List;

/** JSON views of agent state for the admin API: {@code /__stub/schema-reports} and {@code /__stub/calls}. */
final class AgentViews {

    private AgentViews() {
    }

    static ObjectNode schemaReports(StubContext ctx) {
        ObjectNode out = Json.object();
        ArrayNode reports = out.putArray("reports");
        for (SchemaReport r : ctx.agent().reports().all()) {
            ObjectNode n = reports.addObject();
            n.put("timestamp", r.timestamp().toString());
            n.put("path", r.path());
            n.put("model", r.model());
            n.put("subject", r.subject());
            ArrayNode problems = n.putArray("problems");
            r.problems().forEach(problems::add);
        }
        return out;
    }

    static ObjectNode calls(StubContext ctx) {
        ObjectNode out = Json.object();
        out.put("dropped", ctx.agent().calls().dropped());
        ArrayNode calls = out.putArray("calls");
        for (RecordedCall c : ctx.agent().calls().calls()) {
            ObjectNode n = calls.addObject();
            n.put("seq", c.seq());
            n.put("timestamp", c.timestamp().toString());
            n.put("path", c.path());
            n.put("model", c.model());
            n.put("key", c.key());
            ArrayNode tools = n.putArray("tools");
            c.toolNames().forEach(tools::add);
            ArrayNode messages = n.putArray("messages");
            for (Message m : c.messages()) {
                ObjectNode mn = messages.addObject();
                mn.put("role", m.role());
                mn.put("text", m.text());
                if (m.toolCallId() != null) {
                    mn.put("toolCallId", m.toolCallId());
                    mn.put("toolName", m.toolName());
                }
                if (!m.toolCalls().isEmpty()) {
                    mn.set("toolCalls", toolCalls(m.toolCalls()));
                }
            }
            ObjectNode reply = n.putObject("reply");
            reply.put("text", c.replyText());
            reply.set("toolCalls", toolCalls(c.toolCalls()));
        }
        return out;
    }

    private static ArrayNode toolCalls(List<ToolCall> calls) {
        ArrayNode out = Json.array();
        for (ToolCall t : calls) {
            out.addObject().put("id", t.id()).put("name", t.name()).put("arguments", t.arguments());
        }
        return out;
    }
}
