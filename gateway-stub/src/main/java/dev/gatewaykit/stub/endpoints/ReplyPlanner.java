package dev.gatewaykit.stub.endpoints;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatewaykit.stub.gateway.Ids;
import dev.gatewaykit.stub.http.Json;
import dev.gatewaykit.stub.http.StubError;
import dev.gatewaykit.stub.journal.SchemaMismatch;
import dev.gatewaykit.stub.schema.SchemaException;
import dev.gatewaykit.stub.schema.SchemaSynthesizer;
import dev.gatewaykit.stub.schema.SchemaValidator;
import dev.gatewaykit.stub.scripting.Script;
import dev.gatewaykit.stub.scripting.ScriptStep;
import dev.gatewaykit.stub.scripting.ScriptedToolCall;
import dev.gatewaykit.stub.tools.ToolCall;
import dev.gatewaykit.stub.tools.ToolSpec;
import dev.gatewaykit.stub.verify.SchemaReports;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides the reply. A script step answers with its text and tool calls (arguments it leaves out are synthesized
 * from the tool's schema; scripted JSON that breaks the request's schema is reported, not hidden). Without a
 * script: a forced tool ({@code tool_choice} required or named) is called with synthesized arguments; a JSON
 * schema format gets a synthesized value; {@code json_object} gets {@code {"echo": last user text}}; anything
 * else echoes the last user text.
 */
final class ReplyPlanner {

    private final String endpointPath;
    private final String model;
    private final SchemaReports reports;
    private final List<SchemaMismatch> mismatches;

    /** A planner that reports mismatches to {@code reports} and adds them to {@code mismatches} (this request's). */
    ReplyPlanner(String endpointPath, String model, SchemaReports reports, List<SchemaMismatch> mismatches) {
        this.endpointPath = endpointPath;
        this.model = model;
        this.reports = reports;
        this.mismatches = mismatches;
    }

    /** The reply before any token limit is applied. */
    Reply plan(Optional<ScriptStep> step, long delayMillis, ReplyRequest r) {
        if (step.isPresent()) {
            ScriptStep s = step.get();
            if (!s.chunks().isEmpty() && r.format().kind() != OutputFormat.Kind.TEXT) {
                checkJson(s.text(), r.format());
            }
            List<ToolCall> calls = new ArrayList<>();
            for (ScriptedToolCall c : s.toolCalls()) {
                calls.add(scripted(c, r));
            }
            return reply(s.chunks(), calls, delayMillis);
        }
        Optional<ToolSpec> forced = r.conversation().tools().forced();
        if (forced.isPresent()) {
            return reply(List.of(), List.of(new ToolCall(Ids.withPrefix("call_"), forced.get().name(),
                    synthesize(forced.get()))), 0);
        }
        return switch (r.format().kind()) {
            case JSON_SCHEMA -> reply(Reply.argumentPieces(Json.string(r.format().example()), 16), List.of(), 0);
            case JSON_OBJECT -> reply(Reply.argumentPieces(Json.string(Json.object().put("echo",
                    r.prompt().lastUser())), 16), List.of(), 0);
            case TEXT -> reply(Script.splitWords("Echo: " + r.prompt().lastUser()), List.of(), 0);
        };
    }

    private static Reply reply(List<String> chunks, List<ToolCall> calls, long delay) {
        return new Reply(chunks, calls, delay, calls.isEmpty() ? "stop" : "tool_calls");
    }

    private ToolCall scripted(ScriptedToolCall c, ReplyRequest r) {
        String id = c.id() != null ? c.id() : Ids.withPrefix("call_");
        Optional<ToolSpec> spec = r.conversation().tools().tool(c.name());
        if (c.arguments() == null) {
            return new ToolCall(id, c.name(), spec.map(this::synthesize).orElse("{}"));
        }
        spec.ifPresent(t -> {
            List<String> problems;
            try {
                problems = SchemaValidator.validate(Json.parse(c.arguments()), t.parameters());
            } catch (IOException | RuntimeException e) {
                problems = List.of("$: not valid JSON (" + firstLine(e.getMessage()) + ")");
            }
            if (!problems.isEmpty()) {
                report("tool '" + t.name() + "' arguments", problems);
            }
        });
        return new ToolCall(id, c.name(), c.arguments());
    }

    private void checkJson(String text, OutputFormat format) {
        JsonNode value;
        try {
            value = Json.parse(text);
        } catch (IOException | RuntimeException e) {
            report(format.subject(), List.of("$: not valid JSON (" + firstLine(e.getMessage()) + ")"));
            return;
        }
        List<String> problems = format.kind() == OutputFormat.Kind.JSON_SCHEMA
                ? SchemaValidator.validate(value, format.schema())
                : (value != null && value.isObject() ? List.of() : List.of("$: expected a JSON object"));
        if (!problems.isEmpty()) {
            report(format.subject(), problems);
        }
    }

    private void report(String subject, List<String> problems) {
        reports.add(endpointPath, model, subject, problems);
        mismatches.add(new SchemaMismatch(subject, problems));
    }

    private String synthesize(ToolSpec tool) {
        try {
            return Json.string(SchemaSynthesizer.synthesize(tool.parameters()));
        } catch (SchemaException e) {
            throw new StubError(StubError.Kind.INVALID_REQUEST, 400, "invalid_request_error", "tools",
                    "invalid_function_parameters", "Invalid schema for function '" + tool.name() + "': "
                    + e.getMessage() + " No value can satisfy this schema.");
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "parse error";
        }
        String line = message.split("\n")[0];
        return line.length() > 120 ? line.substring(0, 120) : line;
    }
}
