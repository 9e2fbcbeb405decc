package dev.gatewaykit.stub.tools;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A function tool offered in a request.
 *
 * @param name       the function name
 * @param parameters its JSON schema (an empty object schema when the request gave none)
 * @param strict     whether the request asked for strict schema adherence
 */
public record ToolSpec(String name, JsonNode parameters, boolean strict) {
}
