package dev.gatewaykit.sdk.metrics;

import dev.gatewaykit.sdk.http.JsonMediaType;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.Buffer;

import java.io.IOException;

/**
 * The {@code model} a JSON request body asks for. Read before sending, so failures that never reach the server
 * (connection refused) still carry the model. The body is serialised once into bytes and those bytes are sent,
 * so openai-java's body is not written twice; only the top-level fields are walked, nested values are skipped.
 *
 * @param request the request to send (with the already-serialised body when one was read)
 * @param model   the requested model, or {@link MetricNames#UNKNOWN_MODEL}
 */
record RequestModel(Request request, String model) {

    private static final JsonFactory JSON = new JsonFactory();

    static RequestModel of(Request request) throws IOException {
        RequestBody body = request.body();
        if (body == null || body.isOneShot() || body.isDuplex() || !JsonMediaType.isJson(body.contentType())) {
            return new RequestModel(request, MetricNames.UNKNOWN_MODEL);
        }
        Buffer buffer = new Buffer();
        body.writeTo(buffer);
        byte[] bytes = buffer.readByteArray();
        Request sent = request.newBuilder().method(request.method(), RequestBody.create(bytes, body.contentType()))
                .build();
        return new RequestModel(sent, topLevelModel(bytes));
    }

    static String topLevelModel(byte[] json) {
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return MetricNames.UNKNOWN_MODEL;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("model".equals(name) && value == JsonToken.VALUE_STRING) {
                    String model = parser.getText().strip();
                    return model.isEmpty() ? MetricNames.UNKNOWN_MODEL : model;
                }
                parser.skipChildren();
            }
        } catch (IOException malformed) {
            // not JSON after all: the server will say so; the metric just lacks the model
        }
        return MetricNames.UNKNOWN_MODEL;
    }

}
