package dev.gatewaykit.stub.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaykit.stub.http.Json;
import dev.gatewaykit.stub.http.StubError;
import dev.gatewaykit.stub.schema.StrictSchemaCheck;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code tools} and {@code tool_choice} of a request, validated the way OpenAI validates them: every function
 * has a name and an object schema, names are unique, a named choice names an offered function, strict schemas
 * follow the strict rules.
 *
 * @param tools  offered function tools, in request order
 * @param choice the tool choice
 */
public record ToolRequest(List<ToolSpec> tools, ToolChoice choice) {

    /** Most tools per request, as OpenAI allows. */
    public static final int MAX_TOOLS = 128;

    /** Chat Completions shape: {@code {"type":"function","function":{"name","parameters","strict"}}}. */
    public static ToolRequest chat(ObjectNode body) {
        return parse(body, true);
    }

    /** Responses shape: {@code {"type":"function","name","parameters","strict"}}; other tool types are ignored. */
    public static ToolRequest responses(ObjectNode body) {
        return parse(body, false);
    }

    /** The offered tool called {@code name}. */
    public Optional<ToolSpec> tool(String name) {
        return tools.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** The tool the request forces, if {@code tool_choice} is {@code required} (the first) or names a function. */
    public Optional<ToolSpec> forced() {
        return switch (choice.mode()) {
            case REQUIRED -> tools.stream().findFirst();
            case FUNCTION -> tool(choice.function());
            default -> Optional.empty();
        };
    }

    private static ToolRequest parse(ObjectNode body, boolean chat) {
        JsonNode node = body.get("tools");
        List<ToolSpec> tools = new ArrayList<>();
        if (node != null && !node.isNull()) {
            if (!node.isArray()) {
                throw StubError.invalidRequest("tools", "Invalid type for 'tools': expected an array, but got "
                        + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " instead.");
            }
            if (node.size() > MAX_TOOLS) {
                throw StubError.invalidRequest("tools", "Invalid 'tools': array too long. Expected an array with "
                        + "maximum length " + MAX_TOOLS + ", but got an array with length " + node.size() + " instead.");
            }
            Set<String> names = new HashSet<>();
            for (int i = 0; i < node.size(); i++) {
                ToolSpec spec = tool(node.get(i), i, chat);
                if (spec == null) {
                    continue;
                }
                if (!names.add(spec.name())) {
                    throw StubError.invalidRequest("tools", "Invalid 'tools': duplicate function name '"
                            + spec.name() + "'. Function names must be unique.");
                }
                tools.add(spec);
            }
        }
        return new ToolRequest(List.copyOf(tools), choice(body.get("tool_choice"), tools, chat));
    }

    private static ToolSpec tool(JsonNode t, int i, boolean chat) {
        String where = "tools[" + i + "]";
        if (!t.isObject()) {
            throw StubError.invalidRequest(where, "Invalid type for '" + where + "': expected an object.");
        }
        JsonNode type = t.get("type");
        if (type == null || !type.isTextual()) {
            throw StubError.invalidRequest(where + ".type", "Missing required parameter: '" + where + ".type'.");
        }
        if (!"function".equals(type.asText())) {
            if (chat && !"custom".equals(type.asText())) {
                throw StubError.invalidRequest(where + ".type", "Invalid value: '" + cut(type.asText())
                        + "'. Supported values are: 'function' and 'custom'.");
            }
            return null;
        }
        JsonNode fn = chat ? t.get("function") : t;
        String fnWhere = chat ? where + ".function" : where;
        if (chat && (fn == null || !fn.isObject())) {
            throw StubError.invalidRequest(fnWhere, "Missing required parameter: '" + fnWhere + "'.");
        }
        JsonNode name = fn.get("name");
        if (name == null || name.isNull()) {
            throw StubError.invalidRequest(fnWhere + ".name", "Missing required parameter: '" + fnWhere + ".name'.");
        }
        if (!name.isTextual() || !name.asText().matches("[a-zA-Z0-9_-]{1,64}")) {
            throw StubError.invalidRequest(fnWhere + ".name", "Invalid '" + fnWhere + ".name': string does not match "
                    + "pattern. Expected a string that matches the pattern '^[a-zA-Z0-9_-]+$' (at most 64 characters).");
        }
        JsonNode parameters = fn.get("parameters");
        if (parameters == null || parameters.isNull()) {
            parameters = Json.object().put("type", "object").set("properties", Json.object());
        } else if (!parameters.isObject() || (parameters.has("type") && !"object".equals(parameters.path("type").asText()))) {
            throw new StubError(StubError.Kind.INVALID_REQUEST, 400, "invalid_request_error", fnWhere + ".parameters",
                    "invalid_function_parameters", "Invalid schema for function '" + name.asText()
                    + "': schema must be a JSON Schema of 'type: \"object\"', got 'type: \""
                    + (parameters.isObject() ? parameters.path("type").asText() : parameters.getNodeType().name().toLowerCase(java.util.Locale.ROOT))
                    + "\"'.");
        }
        JsonNode strictNode = fn.get("strict");
        boolean strict = strictNode != null && strictNode.asBoolean(false);
        if (strict) {
            Optional<String> violation = StrictSchemaCheck.violation(parameters);
            if (violation.isPresent()) {
                throw new StubError(StubError.Kind.INVALID_REQUEST, 400, "invalid_request_error", fnWhere + ".parameters",
                        "invalid_function_parameters", "Invalid schema for function '" + name.asText() + "': "
                        + violation.get());
            }
        }
        return new ToolSpec(name.asText(), parameters, strict);
    }

    private static ToolChoice choice(JsonNode c, List<ToolSpec> tools, boolean chat) {
        if (c == null || c.isNull()) {
            return ToolChoice.AUTO;
        }
        if (c.isTextual()) {
            ToolChoice choice = switch (c.asText()) {
                case "none" -> new ToolChoice(ToolChoice.Mode.NONE, null);
                case "auto" -> ToolChoice.AUTO;
                case "required" -> new ToolChoice(ToolChoice.Mode.REQUIRED, null);
                default -> throw StubError.invalidRequest("tool_choice", "Invalid value: '" + cut(c.asText())
                        + "'. Supported values are: 'none', 'auto', and 'required'.");
            };
            if (choice.mode() == ToolChoice.Mode.REQUIRED && tools.isEmpty()) {
                throw StubError.invalidRequest("tool_choice", "Invalid value for 'tool_choice': 'tool_choice' is "
                        + "only allowed when 'tools' are specified.");
            }
            return choice;
        }
        if (!c.isObject()) {
            throw StubError.invalidRequest("tool_choice", "Invalid type for 'tool_choice': expected a string or an object.");
        }
        JsonNode nameNode = chat ? c.path("function").get("name") : c.get("name");
        if (!"function".equals(c.path("type").asText()) || nameNode == null || !nameNode.isTextual()) {
            if (!chat && c.path("type").isTextual() && !"function".equals(c.path("type").asText())) {
                return ToolChoice.AUTO; // hosted tools (web_search, file_search, …) are not simulated
            }
            throw StubError.invalidRequest(chat ? "tool_choice.function.name" : "tool_choice.name",
                    "Missing required parameter: '" + (chat ? "tool_choice.function.name" : "tool_choice.name") + "'.");
        }
        String name = nameNode.asText();
        if (tools.stream().noneMatch(t -> t.name().equals(name))) {
            throw StubError.invalidRequest("tool_choice", "Invalid value for 'tool_choice': function '" + cut(name)
                    + "' is not in 'tools'. Offered functions: " + tools.stream().map(ToolSpec::name).toList() + ".");
        }
        return new ToolChoice(ToolChoice.Mode.FUNCTION, name);
    }

    private static String cut(String s) {
        return s.length() > 100 ? s.substring(0, 100) + "..." : s;
    }
}
