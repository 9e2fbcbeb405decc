package dev.gatewaykit.sdk.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaykit.sdk.http.JsonMediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.Buffer;

import java.io.IOException;
import java.util.Optional;

/**
 * Reads and replaces the JSON object body of a POST, for the interceptors that rewrite one field of it. A body that
 * is absent, one-shot, not JSON or not an object is left alone: the call goes out as the caller made it.
 */
final class JsonRequestBodies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonRequestBodies() {
    }

    /** The request's body as a JSON object, when it is a POST with a re-readable JSON object body. */
    static Optional<ObjectNode> objectOf(Request request) throws IOException {
        RequestBody body = request.body();
        if (!"POST".equals(request.method()) || body == null || !JsonMediaType.isJson(body.contentType())
                || body.isOneShot()) {
            return Optional.empty();
        }
        Buffer buffer = new Buffer();
        body.writeTo(buffer);
        JsonNode json;
        try {
            json = JSON.readTree(buffer.readByteArray());
        } catch (IOException notJson) {
            return Optional.empty();
        }
        return json instanceof ObjectNode object ? Optional.of(object) : Optional.empty();
    }

    /** {@code request} with {@code object} as its body, in the original content type. */
    static Request withBody(Request request, ObjectNode object) throws IOException {
        RequestBody body = RequestBody.create(JSON.writeValueAsBytes(object), request.body().contentType());
        return request.newBuilder().post(body).build();
    }
}
