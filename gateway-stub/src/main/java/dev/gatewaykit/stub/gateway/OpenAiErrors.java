package dev.gatewaykit.stub.gateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaykit.stub.http.Json;

/** Builds the OpenAI error body {@code {"error":{"message","type","param","code"}}}. */
final class OpenAiErrors {

    private OpenAiErrors() {
    }

    static ObjectNode body(String message, String type, String param, String code) {
        ObjectNode root = Json.object();
        ObjectNode error = root.putObject("error");
        error.put("message", message);
        error.put("type", type);
        error.put("param", param);
        error.put("code", code);
        return root;
    }
}
