package dev.gatewaykit.sdk.http;

import okhttp3.MediaType;

import java.util.Locale;

/** Whether a body is JSON by its media type ({@code application/json}, {@code application/problem+json}, ...). */
public final class JsonMediaType {

    private JsonMediaType() {
    }

    /** True for any media type whose subtype names JSON; false for none. */
    public static boolean isJson(MediaType type) {
        return type != null && type.subtype().toLowerCase(Locale.ROOT).contains("json");
    }
}
