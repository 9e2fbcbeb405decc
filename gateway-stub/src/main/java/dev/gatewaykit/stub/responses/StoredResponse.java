package dev.gatewaykit.stub.responses;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaykit.stub.conversation.Message;

import java.util.List;

/**
 * A Responses API object kept because the request had {@code store} true (the default).
 *
 * @param id         {@code resp_…}
 * @param previousId the {@code previous_response_id} it continued, or {@code null}
 * @param response   the final Response object, as served
 * @param inputItems this request's input items, with ids, as {@code GET /responses/{id}/input_items} lists them
 * @param turn       this request's input and output as conversation messages (instructions excluded: they do
 *                   not carry over to a continuation)
 * @param bytes      approximate memory it takes (request body plus reply), for the store's size bound
 */
public record StoredResponse(String id, String previousId, ObjectNode response, List<ObjectNode> inputItems,
                             List<Message> turn, long bytes) {
}
