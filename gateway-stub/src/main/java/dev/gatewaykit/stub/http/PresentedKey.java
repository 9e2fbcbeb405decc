package dev.gatewaykit.stub.http;

import com.sun.net.httpserver.Headers;

/**
 * The key a client presented, found the way LiteLLM looks for it (first wins): {@code x-litellm-api-key},
 * {@code Authorization: Bearer}, {@code API-Key}, {@code x-api-key}.
 *
 * @param key       the secret, or {@code null} when none was sent
 * @param malformed whether {@code Authorization} carried a value without the {@code Bearer } scheme
 */
public record PresentedKey(String key, boolean malformed) {

    private static final PresentedKey NONE = new PresentedKey(null, false);

    /** Reads the key from request headers (see GATEWAY-FACTS: LiteLLM's accepted key headers). */
    public static PresentedKey from(Headers headers) {
        String litellm = first(headers, "x-litellm-api-key");
        if (litellm != null) {
            return new PresentedKey(stripBearer(litellm), false);
        }
        String authorization = first(headers, "authorization");
        if (authorization != null) {
            if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                String key = authorization.substring(7).trim();
                return key.isEmpty() ? new PresentedKey(null, true) : new PresentedKey(key, false);
            }
            return new PresentedKey(authorization, true);
        }
        String apiKey = first(headers, "api-key");
        if (apiKey != null) {
            return new PresentedKey(stripBearer(apiKey), false);
        }
        String xApiKey = first(headers, "x-api-key");
        if (xApiKey != null) {
            return new PresentedKey(stripBearer(xApiKey), false);
        }
        return NONE;
    }

    /** Whether any key was sent. */
    public boolean present() {
        return key != null;
    }

    private static String stripBearer(String value) {
        String v = value.trim();
        return v.regionMatches(true, 0, "Bearer ", 0, 7) ? v.substring(7).trim() : v;
    }

    private static String first(Headers headers, String name) {
        String value = headers.getFirst(name);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
