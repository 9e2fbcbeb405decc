package dev.gatewaykit.stub.endpoints;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaykit.stub.http.StubError;

import java.util.Set;

/** Validates and reads the prompt of chat, responses and completions requests. */
public final class Prompts {

    private static final Set<String> ROLES = Set.of("system", "developer", "user", "assistant", "tool", "function");
    /** Per-message overhead, as OpenAI counts it. */
    private static final int MESSAGE_OVERHEAD = 3;

    private Prompts() {
    }

    /** Chat Completions {@code messages}. */
    public static PromptText chat(ObjectNode body) {
        JsonNode messages = Fields.required(body, "messages");
        if (!messages.isArray()) {
            throw Fields.wrongType("messages", "an array", messages);
        }
        if (messages.isEmpty()) {
            throw StubError.invalidRequest("messages", "Invalid 'messages': empty array. Expected an array with "
                    + "minimum length 1, but got an empty array instead.");
        }
        StringBuilder all = new StringBuilder();
        String lastUser = "";
        long tokens = MESSAGE_OVERHEAD;
        for (int i = 0; i < messages.size(); i++) {
            JsonNode m = messages.get(i);
            String where = "messages[" + i + "]";
            if (!m.isObject()) {
                throw Fields.wrongType(where, "an object", m);
            }
            JsonNode role = m.get("role");
            if (role == null || role.isNull()) {
                throw StubError.invalidRequest(where + ".role", "Missing required parameter: '" + where + ".role'.");
            }
            if (!role.isTextual() || !ROLES.contains(role.asText())) {
                throw StubError.invalidRequest(where + ".role", "Invalid value for '" + where + ".role': expected one of "
                        + "'system', 'developer', 'user', 'assistant', 'tool', 'function'.");
            }
            String text = content(m.get("content"), where + ".content", !"assistant".equals(role.asText()));
            if (all.length() > 0) {
                all.append('\n');
            }
            all.append(text);
            if ("user".equals(role.asText())) {
                lastUser = text;
            }
            tokens += Tokens.count(text) + MESSAGE_OVERHEAD;
        }
        return new PromptText(all.toString(), lastUser, tokens);
    }

    /** Responses API {@code input} (string or list of items) and optional {@code instructions}. */
    public static PromptText responses(ObjectNode body) {
        JsonNode input = Fields.required(body, "input");
        String instructions = Fields.string(body, "instructions");
        StringBuilder all = new StringBuilder(instructions == null ? "" : instructions);
        String lastUser = "";
        if (input.isTextual()) {
            lastUser = input.asText();
            append(all, lastUser);
        } else if (input.isArray()) {
            for (int i = 0; i < input.size(); i++) {
                JsonNode item = input.get(i);
                String where = "input[" + i + "]";
                if (!item.isObject()) {
                    throw Fields.wrongType(where, "an object", item);
                }
                JsonNode role = item.get("role");
                JsonNode type = item.get("type");
                if (role == null && (type == null || !type.isTextual())) {
                    throw StubError.invalidRequest(where, "Invalid '" + where + "': an input item needs 'role' and "
                            + "'content', or a 'type'.");
                }
                if (role != null) {
                    if (!role.isTextual() || !ROLES.contains(role.asText())) {
                        throw StubError.invalidRequest(where + ".role", "Invalid value for '" + where
                                + ".role': expected one of 'system', 'developer', 'user', 'assistant'.");
                    }
                    String text = content(item.get("content"), where + ".content", true);
                    append(all, text);
                    if ("user".equals(role.asText())) {
                        lastUser = text;
                    }
                }
            }
        } else {
            throw Fields.wrongType("input", "a string or an array", input);
        }
        String text = all.toString();
        return new PromptText(text, lastUser, Tokens.count(text) + MESSAGE_OVERHEAD);
    }

    /** Legacy Completions {@code prompt}: string, list of strings, token list or list of token lists. */
    public static PromptText completion(ObjectNode body) {
        JsonNode prompt = Fields.required(body, "prompt");
        String text = TextInputs.join(prompt, "prompt");
        return new PromptText(text, text, Tokens.count(text));
    }

    private static void append(StringBuilder all, String text) {
        if (all.length() > 0) {
            all.append('\n');
        }
        all.append(text);
    }

    /** Message content: a string, or an array of parts whose text parts are joined (validated, 400 otherwise). */
    public static String content(JsonNode content, String where, boolean required) {
        if (content == null || content.isNull()) {
            if (required) {
                throw StubError.invalidRequest(where, "Missing required parameter: '" + where + "'.");
            }
            return "";
        }
        if (content.isTextual()) {
            return content.asText();
        }
        if (!content.isArray()) {
            throw Fields.wrongType(where, "a string or an array of content parts", content);
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < content.size(); i++) {
            JsonNode part = content.get(i);
            String partWhere = where + "[" + i + "]";
            if (!part.isObject() || !part.path("type").isTextual()) {
                throw StubError.invalidRequest(partWhere, "Invalid '" + partWhere + "': a content part must be an "
                        + "object with a string 'type'.");
            }
            JsonNode partText = part.get("text");
            if (part.get("type").asText().endsWith("text")) {
                if (partText == null || !partText.isTextual()) {
                    throw StubError.invalidRequest(partWhere + ".text", "Missing required parameter: '" + partWhere
                            + ".text'.");
                }
                text.append(partText.asText());
            }
        }
        return text.toString();
    }
}
