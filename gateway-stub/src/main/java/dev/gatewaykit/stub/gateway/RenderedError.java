package dev.gatewaykit.stub.gateway;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An error as one gateway would send it.
 *
 * @param status HTTP status
 * @param body   JSON body
 */
public record RenderedError(int status, JsonNode body) {
}
