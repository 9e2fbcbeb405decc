package dev.gatewaykit.stub.endpoints;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaykit.stub.http.Json;
import dev.gatewaykit.stub.http.StubError;
import dev.gatewaykit.stub.http.StubRequest;

import java.io.IOException;

/** {@code GET /models} and {@code GET /models/{id}} from the catalog. */
public final class ModelsEndpoint {

    private static final long CREATED = 1_700_000_000L;

    private final ModelCatalog catalog;

    /** Lists {@code catalog}. */
    public ModelsEndpoint(ModelCatalog catalog) {
        this.catalog = catalog;
    }

    /** The list. */
    public void list(StubRequest request) throws IOException {
        ObjectNode root = Json.object();
        root.put("object", "list");
        ArrayNode data = root.putArray("data");
        for (String id : catalog.models()) {
            data.add(model(id));
        }
        request.sendJson(200, root);
    }

    /** One model, or 404 {@code model_not_found}. */
    public void retrieve(StubRequest request, String id) throws IOException {
        if (!catalog.known(id)) {
            throw new StubError(StubError.Kind.RESOURCE_NOT_FOUND, 404, "invalid_request_error", "model",
                    "model_not_found", "The model `" + (id.length() > 200 ? id.substring(0, 200) : id)
                    + "` does not exist or you do not have access to it.").subject(id);
        }
        request.sendJson(200, model(id));
    }

    private static ObjectNode model(String id) {
        ObjectNode m = Json.object();
        m.put("id", id);
        m.put("object", "model");
        m.put("created", CREATED);
        m.put("owned_by", "openai");
        return m;
    }
}
