package dev.gatewaykit.stub.endpoints;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaykit.stub.http.Json;
import dev.gatewaykit.stub.http.StubError;

import java.io.IOException;
import java.util.List;

/**
 * {@code POST /embeddings}: deterministic unit vectors per input, {@code dimensions}, and
 * {@code encoding_format} float (JSON numbers) or base64 (little-endian float32).
 */
public final class EmbeddingsEndpoint implements ModelEndpoint {

    /** Most vector components in one reply (inputs × dimensions), so one request cannot take much memory. */
    public static final int MAX_COMPONENTS = 262_144;

    @Override
    public void serve(ModelCall call) throws IOException {
        ObjectNode body = call.body();
        List<String> inputs = TextInputs.list(Fields.required(body, "input"), "input");
        for (int i = 0; i < inputs.size(); i++) {
            if (inputs.get(i).isEmpty()) {
                throw StubError.invalidRequest("input", "Invalid 'input[" + i + "]': empty string. Expected a "
                        + "non-empty string.");
            }
        }
        Integer dimensions = Fields.integer(body, "dimensions", 1, EmbeddingVectors.MAX_DIMENSIONS);
        int size = dimensions != null ? dimensions : EmbeddingVectors.defaultDimensions(call.model());
        if ((long) size * inputs.size() > MAX_COMPONENTS) {
            throw StubError.invalidRequest("input", "Too much to embed: " + inputs.size() + " inputs × " + size
                    + " dimensions exceeds the stub's limit of " + MAX_COMPONENTS + " components per request.");
        }
        String format = Fields.string(body, "encoding_format");
        boolean base64 = "base64".equals(format);
        if (format != null && !base64 && !"float".equals(format)) {
            throw StubError.invalidRequest("encoding_format", "Invalid value for 'encoding_format': expected one of "
                    + "'float' or 'base64', but got '" + (format.length() > 40 ? format.substring(0, 40) : format) + "'.");
        }
        long tokens = 0;
        for (String input : inputs) {
            tokens += Tokens.count(input);
        }
        call.charge(tokens, 0);
        ObjectNode root = Json.object();
        root.put("object", "list");
        ArrayNode data = root.putArray("data");
        for (int i = 0; i < inputs.size(); i++) {
            float[] vector = EmbeddingVectors.vector(inputs.get(i), size);
            ObjectNode item = data.addObject();
            item.put("object", "embedding");
            item.put("index", i);
            if (base64) {
                item.put("embedding", EmbeddingVectors.base64(vector));
            } else {
                ArrayNode values = item.putArray("embedding");
                for (float v : vector) {
                    values.add(v);
                }
            }
        }
        root.put("model", call.model());
        root.putObject("usage").put("prompt_tokens", tokens).put("total_tokens", tokens);
        call.request().sendJson(200, root);
    }
}
