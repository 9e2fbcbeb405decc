package dev.gatewaykit.stub.responses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaykit.stub.gateway.Ids;
import dev.gatewaykit.stub.http.Json;

import java.util.ArrayList;
import java.util.List;

/** Turns a Responses {@code input} into the stored items {@code GET /responses/{id}/input_items} lists, with ids. */
public final class InputItems {

    private InputItems() {
    }

    /** The items of {@code input} (a string becomes one user message), each with an {@code id}. */
    public static List<ObjectNode> of(JsonNode input) {
        List<ObjectNode> out = new ArrayList<>();
        if (input.isTextual()) {
            out.add(message("user", textContent("user", input.asText())));
            return out;
        }
        for (JsonNode item : input) {
            String type = item.path("type").asText(item.has("role") ? "message" : "");
            ObjectNode copy = ((ObjectNode) item).deepCopy();
            switch (type) {
                case "message" -> {
                    String role = item.path("role").asText();
                    JsonNode content = item.get("content");
                    ObjectNode m = message(role, content.isTextual() ? textContent(role, content.asText())
                            : (ArrayNode) content.deepCopy());
                    if (item.path("id").isTextual()) {
                        m.put("id", item.get("id").asText());
                    }
                    out.add(m);
                }
                case "function_call_output" -> {
                    copy.put("type", "function_call_output");
                    if (!copy.path("id").isTextual()) {
                        copy.put("id", Ids.withPrefix("fco_"));
                    }
                    if (!copy.has("status")) {
                        copy.put("status", "completed");
                    }
                    out.add(copy);
                }
                default -> {
                    if (!copy.path("id").isTextual()) {
                        copy.put("id", Ids.withPrefix(type.equals("function_call") ? "fc_" : "item_"));
                    }
                    out.add(copy);
                }
            }
        }
        return out;
    }

    private static ObjectNode message(String role, ArrayNode content) {
        ObjectNode m = Json.object();
        m.put("id", Ids.withPrefix("msg_"));
        m.put("type", "message");
        m.put("role", role);
        m.put("status", "completed");
        m.set("content", content);
        return m;
    }

    private static ArrayNode textContent(String role, String text) {
        ArrayNode content = Json.array();
        ObjectNode part = content.addObject();
        if ("assistant".equals(role)) {
            part.put("type", "output_text");
            part.put("text", text);
            part.putArray("annotations");
        } else {
            part.put("type", "input_text");
            part.put("text", text);
        }
        return content;
    }
}
