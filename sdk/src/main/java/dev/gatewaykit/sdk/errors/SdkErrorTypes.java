package dev.gatewaykit.sdk.errors;

/**
 * The {@code error.type} values and headers the sdk's own interceptors put on answers they refuse, so the
 * translator classifies them by type like any gateway error, never by message text.
 */
public final class SdkErrorTypes {

    /** A redirect to another origin was not followed. */
    public static final String REDIRECT_REFUSED = "redirect_refused";

    /** Response header naming the (masked) origin a refused redirect pointed to. */
    public static final String REDIRECT_TARGET_HEADER = "X-Gatewaykit-Redirect-Target";

    /** Marks an answer whose {@code retry-after} could not be read, so it was removed (never read as "retry now"). */
    public static final String RETRY_AFTER_INVALID_HEADER = "X-Gatewaykit-Retry-After-Invalid";

    private SdkErrorTypes() {
    }
}
