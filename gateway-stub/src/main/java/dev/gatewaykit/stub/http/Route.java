package dev.gatewaykit.stub.http;

/** The endpoints the stub serves, each with its one method and its path below {@code /v1}. */
public enum Route {
    /** {@code GET /models}. */
    MODELS("GET", "/models", false),
    /** {@code GET /models/{id}}. */
    MODEL("GET", "/models/{id}", false),
    /** {@code POST /chat/completions}. */
    CHAT_COMPLETIONS("POST", "/chat/completions", true),
    /** {@code POST /embeddings}. */
    EMBEDDINGS("POST", "/embeddings", true),
    /** {@code POST /responses}. */
    RESPONSES("POST", "/responses", true),
    /** {@code GET /responses/{id}}. */
    RESPONSE("GET", "/responses/{id}", false),
    /** {@code DELETE /responses/{id}}. */
    RESPONSE_DELETE("DELETE", "/responses/{id}", false),
    /** {@code GET /responses/{id}/input_items}. */
    RESPONSE_INPUT_ITEMS("GET", "/responses/{id}/input_items", false),
    /** {@code POST /completions}. */
    COMPLETIONS("POST", "/completions", true),
    /** LiteLLM {@code GET /health/liveliness}. */
    HEALTH_LIVELINESS("GET", "/health/liveliness", false),
    /** LiteLLM {@code GET /health/liveness}. */
    HEALTH_LIVENESS("GET", "/health/liveness", false),
    /** LiteLLM {@code GET /health/readiness}. */
    HEALTH_READINESS("GET", "/health/readiness", false),
    /** LiteLLM {@code POST /key/generate}. */
    KEY_GENERATE("POST", "/key/generate", false),
    /** LiteLLM {@code GET /key/info}. */
    KEY_INFO("GET", "/key/info", false),
    /** LiteLLM {@code POST /key/delete}. */
    KEY_DELETE("POST", "/key/delete", false),
    /** LiteLLM {@code POST /key/update}. */
    KEY_UPDATE("POST", "/key/update", false),
    /** LiteLLM {@code POST /key/block}. */
    KEY_BLOCK("POST", "/key/block", false),
    /** LiteLLM {@code POST /key/unblock}. */
    KEY_UNBLOCK("POST", "/key/unblock", false),
    /** Portkey open-source gateway's readiness page {@code GET /}. */
    ROOT("GET", "/", false);

    private final String method;
    private final String path;
    private final boolean modelCall;

    Route(String method, String path, boolean modelCall) {
        this.method = method;
        this.path = path;
        this.modelCall = modelCall;
    }

    /** The only accepted method. */
    public String method() {
        return method;
    }

    /** Path below {@code /v1} (or bare). */
    public String path() {
        return path;
    }

    /** Whether the route calls a model (JSON body with {@code model}, key and budget checks, spend). */
    public boolean modelCall() {
        return modelCall;
    }

    /** Whether the route is LiteLLM key administration with a JSON body. */
    public boolean keyAdminBody() {
        return keyAdmin() && this != KEY_INFO;
    }

    /** Whether the route is LiteLLM key administration. */
    public boolean keyAdmin() {
        return this == KEY_GENERATE || this == KEY_INFO || this == KEY_DELETE || this == KEY_UPDATE || this == KEY_BLOCK
                || this == KEY_UNBLOCK;
    }

    /**
     * Whether LiteLLM registers the route without a {@code /v1} twin: {@code /key/*} and {@code /health/*}
     * ({@code @router.post("/key/generate")} in {@code proxy/management_endpoints/key_management_endpoints.py},
     * {@code @router.get("/health/liveliness")} in {@code proxy/health_endpoints/_health_endpoints.py}).
     */
    public boolean bareOnly() {
        return keyAdmin() || this == HEALTH_LIVELINESS || this == HEALTH_LIVENESS || this == HEALTH_READINESS;
    }

    /** Whether the route is an unauthenticated probe. */
    public boolean probe() {
        return this == HEALTH_LIVELINESS || this == HEALTH_LIVENESS || this == HEALTH_READINESS || this == ROOT;
    }
}
