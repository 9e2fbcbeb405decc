package dev.gatewaykit.stub.responses;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaykit.stub.http.Json;
import dev.gatewaykit.stub.http.StubError;
import dev.gatewaykit.stub.http.StubRequest;
import dev.gatewaykit.stub.keys.KeyAdminEndpoints;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code GET /responses/{id}}, {@code DELETE /responses/{id}} and {@code GET /responses/{id}/input_items}
 * ({@code limit} 1..100, default 20; {@code order} {@code desc} (default) or {@code asc}; {@code after} an item id).
 */
public final class StoredResponsesEndpoint {

    private final ResponseStore store;

    /** Endpoints over {@code store}. */
    public StoredResponsesEndpoint(ResponseStore store) {
        this.store = store;
    }

    /** The stored Response object. */
    public void retrieve(StubRequest request, String id) throws IOException {
        request.sendJson(200, find(id).response());
    }

    /** Deletes it; a later retrieve or {@code previous_response_id} gets the not-found error. */
    public void delete(StubRequest request, String id) throws IOException {
        find(id);
        store.delete(id);
        request.sendJson(200, Json.object().put("id", id).put("object", "response").put("deleted", true));
    }

    /** Its input items, one page. */
    public void inputItems(StubRequest request, String id) throws IOException {
        StoredResponse r = find(id);
        String query = request.rawQuery();
        int limit = limit(KeyAdminEndpoints.queryParam(query, "limit"));
        String order = KeyAdminEndpoints.queryParam(query, "order");
        if (order != null && !order.equals("asc") && !order.equals("desc")) {
            throw StubError.invalidRequest("order", "Invalid value for 'order': expected 'asc' or 'desc', got '"
                    + cut(order) + "'.");
        }
        List<ObjectNode> items = new ArrayList<>(r.inputItems());
        if (order == null || order.equals("desc")) {
            Collections.reverse(items);
        }
        String after = KeyAdminEndpoints.queryParam(query, "after");
        int start = 0;
        if (after != null) {
            start = -1;
            for (int i = 0; i < items.size(); i++) {
                if (after.equals(items.get(i).path("id").asText())) {
                    start = i + 1;
                }
            }
            if (start < 0) {
                throw StubError.invalidRequest("after", "Invalid value for 'after': no input item with id '"
                        + cut(after) + "'.");
            }
        }
        List<ObjectNode> page = items.subList(Math.min(start, items.size()), Math.min(items.size(), start + limit));
        ObjectNode out = Json.object();
        out.put("object", "list");
        ArrayNode data = out.putArray("data");
        page.forEach(data::add);
        out.put("first_id", page.isEmpty() ? null : page.get(0).path("id").asText());
        out.put("last_id", page.isEmpty() ? null : page.get(page.size() - 1).path("id").asText());
        out.put("has_more", start + limit < items.size());
        request.sendJson(200, out);
    }

    private StoredResponse find(String id) {
        return store.get(id).orElseThrow(() -> new StubError(StubError.Kind.INVALID_REQUEST, 404,
                "invalid_request_error", null, null, "Response with id '" + cut(id) + "' not found."));
    }

    private static int limit(String text) {
        if (text == null) {
            return 20;
        }
        try {
            int v = Integer.parseInt(text);
            if (v >= 1 && v <= 100) {
                return v;
            }
        } catch (NumberFormatException e) {
            // fall through to the error
        }
        throw StubError.invalidRequest("limit", "Invalid value for 'limit': expected an integer between 1 and 100, got '"
                + cut(text) + "'.");
    }

    private static String cut(String s) {
        return s.length() > 100 ? s.substring(0, 100) + "..." : s;
    }
}
