package dev.gatewaykit.sample.problem;

import java.net.URI;
import java.util.Locale;

import dev.gatewaykit.sdk.errors.GatewayError;
import dev.gatewaykit.sdk.errors.GatewayErrorKind;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Turns an explained gateway failure into an RFC 9457 problem detail. The failure is the gateway's or this app's
 * configuration's, never the caller's, so statuses are 502 Bad Gateway, 503 when the gateway cannot be reached
 * and 429 when it rate-limits; extension properties carry the explanation: {@code kind}, {@code hint},
 * {@code role}, {@code gateway}, {@code origin}, {@code requestId} and {@code upstreamStatus}.
 */
@Component
public class GatewayProblems {

    /** Prefix of the {@code type} URI; the kind follows, e.g. {@code urn:gatewaykit:gateway-error:authentication}. */
    public static final String TYPE_PREFIX = "urn:gatewaykit:gateway-error:";

    /**
     * The problem detail for an error.
     * @param error the explained failure
     * @return the problem detail
     */
    public ProblemDetail of(GatewayError error) {
        HttpStatus status = status(error.kind());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, error.message());
        String kind = error.kind().name();
        problem.setType(URI.create(TYPE_PREFIX + kind.toLowerCase(Locale.ROOT).replace('_', '-')));
        problem.setTitle("Gateway call failed: " + kind);
        problem.setProperty("kind", kind);
        problem.setProperty("hint", error.hint());
        error.role().ifPresent((role) -> problem.setProperty("role", role.name()));
        problem.setProperty("gateway", error.gateway().id());
        problem.setProperty("origin", error.origin());
        error.requestId().ifPresent((id) -> problem.setProperty("requestId", id));
        error.status().ifPresent((upstream) -> problem.setProperty("upstreamStatus", upstream));
        return problem;
    }

    /**
     * The HTTP status this app answers with for a kind of gateway failure.
     * @param kind the kind
     * @return the status
     */
    public HttpStatus status(GatewayErrorKind kind) {
        return switch (kind) {
            case UNREACHABLE, NOT_CONFIGURED -> HttpStatus.SERVICE_UNAVAILABLE;
            case RATE_LIMITED -> HttpStatus.TOO_MANY_REQUESTS;
            default -> HttpStatus.BAD_GATEWAY;
        };
    }

}
