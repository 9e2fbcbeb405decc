package dev.gatewaykit.sdk.errors;

/** A runtime exception carrying an explained {@link GatewayError}; the original exception is the cause. */
public class GatewayException extends RuntimeException {

    private final transient GatewayError error;

    /** Wraps {@code cause}, explained by {@code error}. */
    public GatewayException(GatewayError error, Throwable cause) {
        super(error.describe(), cause);
        this.error = error;
    }

    /** The explanation. */
    public GatewayError error() {
        return error;
    }
}
