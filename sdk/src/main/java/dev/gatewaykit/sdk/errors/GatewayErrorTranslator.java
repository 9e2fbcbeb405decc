package dev.gatewaykit.sdk.errors;

import dev.gatewaykit.sdk.http.ConnectFailures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.core.ObjectMappers;
import com.openai.errors.OpenAIServiceException;
import dev.gatewaykit.sdk.gateway.Gateway;
import dev.gatewaykit.sdk.gateway.Diagnosis;
import dev.gatewaykit.sdk.gateway.FailureCause;
import dev.gatewaykit.sdk.gateway.GatewayFailure;
import dev.gatewaykit.sdk.gateway.RouteProvenance;
import dev.gatewaykit.sdk.GatewayKind;
import dev.gatewaykit.sdk.settings.ApiKey;
import dev.gatewaykit.sdk.settings.GatewaySettings;
import dev.gatewaykit.sdk.settings.RouteSettings;
import dev.gatewaykit.sdk.settings.Secrets;
import dev.gatewaykit.sdk.settings.Setting;
import dev.gatewaykit.sdk.settings.SettingsProblem;

import dev.gatewaykit.sdk.settings.TransportLimits;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import javax.net.ssl.SSLException;

/**
 * Explains failed calls: turns openai-java exceptions, I/O failures and raw HTTP responses into a
 * {@link GatewayError} with a kind and a hint. What a gateway's error types, codes and statuses mean is that
 * gateway's knowledge ({@link Gateway#diagnose}); this class reads the wire, asks the route's gateway, and falls
 * back on OpenAI's vocabulary and the HTTP status.
 */
public final class GatewayErrorTranslator {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** OpenAI's own vocabulary for a refused key; gateways' own types are read by their {@link Gateway}. */
    private static final Set<String> AUTH = Set.of("invalid_api_key", "authentication_error");
    private static final int MAX_MESSAGE = 500;

    private GatewayErrorTranslator() {
    }

    /** Explains a failure of a call on {@code route}. */
    public static GatewayError translate(Throwable failure, RouteSettings route) {
        return translate(failure, route, null);
    }

    /**
     * Explains a failure of a call on {@code route}; with the full settings the hint also says when the routes
     * differ (the "embeddings work but LLM calls fail" situation).
     */
    public static GatewayError translate(Throwable failure, RouteSettings route, GatewaySettings settings) {
        GatewayException explained = find(failure, GatewayException.class);
        if (explained != null) {
            return explained.error();
        }
        OpenAIServiceException service = find(failure, OpenAIServiceException.class);
        GatewayError error;
        if (service != null) {
            error = fromResponse(service.statusCode(), service.headers().asMap(), bodyOf(service), route,
                    ceiling(settings), Optional.empty());
        } else {
            error = fromIo(failure, route);
        }
        return settings == null ? error : withRouteComparison(error, route, settings);
    }

    /**
     * Explains why a call on {@code route} was not sent: the route needs a key and has none
     * ({@link RouteSettings#missingKey()}). The message and hint name the variable and the fix.
     */
    public static GatewayError notConfigured(RouteSettings route, SettingsProblem missing) {
        return new GatewayError(GatewayErrorKind.NOT_CONFIGURED, route.role(), route.gateway(), route.origin(), null,
                null, route.role() + " has no key, so the call was not sent: " + missing.message(),
                missing.fix() + " " + missing.variable() + " can be set in the environment, a .env file or (with"
                        + " Spring) as a property; set " + Setting.REQUIRE_KEYS.variable() + "=true to find this at startup"
                        + " instead.");
    }

    /** Explains a raw HTTP error response received on {@code route} (health probes, custom calls). */
    public static GatewayError translateResponse(int status, Map<String, List<String>> headers, String body,
                                                 RouteSettings route) {
        return fromResponse(status, headers, body, route, TransportLimits.DEFAULT_MAX_RETRY_AFTER, Optional.empty());
    }

    /**
     * Explains a raw HTTP error response to a request for {@code requestPath} on {@code route}; the path lets a
     * gateway tell a refused admin route from a refused key.
     */
    public static GatewayError translateResponse(int status, Map<String, List<String>> headers, String body,
                                                 RouteSettings route, String requestPath) {
        return fromResponse(status, headers, body, route, TransportLimits.DEFAULT_MAX_RETRY_AFTER,
                Optional.ofNullable(requestPath));
    }

    private static Duration ceiling(GatewaySettings settings) {
        return settings == null ? TransportLimits.DEFAULT_MAX_RETRY_AFTER : settings.limits().maxRetryAfter();
    }

    // ---- responses -------------------------------------------------------------------------------------------

    private static GatewayError fromResponse(int status, Map<String, List<String>> rawHeaders, String body,
                                             RouteSettings route, Duration ceiling, Optional<String> path) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(rawHeaders);
        Function<String, String> header = name -> first(headers, name);
        Map<String, String> firstValues = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> {
            if (name != null && !values.isEmpty()) {
                firstValues.put(name, values.get(0));
            }
        });
        GatewayFailure failure = parse(status, body, route, path, firstValues);
        Gateway gateway = Gateway.forRoute(route);
        Optional<Diagnosis> diagnosis = diagnose(gateway, failure, route);
        GatewayErrorKind kind = diagnosis.flatMap(Diagnosis::cause).map(GatewayErrorTranslator::kindOf)
                .orElseGet(() -> classify(failure));
        String hint = hint(kind, failure, diagnosis.flatMap(Diagnosis::hint), route, header, ceiling);
        return new GatewayError(kind, route.role(), route.gateway(), route.origin(), status,
                gateway.requestId(header).orElse(null), failure.message(), hint);
    }

    /**
     * The route's gateway explains the failure; when it names no cause, the generic gateway may still recognise
     * one (a gateway detected as another kind still answers in its own vocabulary).
     */
    private static Optional<Diagnosis> diagnose(Gateway gateway, GatewayFailure failure, RouteSettings route) {
        if (SdkErrorTypes.REDIRECT_REFUSED.equals(failure.type().orElse(null))) {
            return Optional.empty();
        }
        Optional<Diagnosis> own = gateway.diagnose(failure, route);
        if (own.flatMap(Diagnosis::cause).isPresent() || gateway.kind() == GatewayKind.GENERIC) {
            return own;
        }
        Optional<Diagnosis> recognised = Gateway.of(GatewayKind.GENERIC).diagnose(failure, route)
                .filter(d -> d.cause().isPresent());
        if (recognised.isEmpty()) {
            return own;
        }
        return Optional.of(new Diagnosis(recognised.get().cause(),
                recognised.get().hint().or(() -> own.flatMap(Diagnosis::hint))));
    }

    private static GatewayErrorKind kindOf(FailureCause cause) {
        return switch (cause) {
            case KEY_REJECTED, KEY_UNKNOWN, KEY_EXPIRED, KEY_MALFORMED -> GatewayErrorKind.AUTHENTICATION;
            case PERMISSION_DENIED -> GatewayErrorKind.PERMISSION_DENIED;
            case MODEL_NOT_ALLOWED -> GatewayErrorKind.MODEL_NOT_ALLOWED;
            case BUDGET_EXCEEDED -> GatewayErrorKind.BUDGET_EXCEEDED;
            case RATE_LIMITED -> GatewayErrorKind.RATE_LIMITED;
            case REQUEST_REFUSED -> GatewayErrorKind.BAD_REQUEST;
            case PROVIDER_NOT_CONFIGURED -> GatewayErrorKind.UPSTREAM;
        };
    }

    /** The kind when no gateway names a cause: the sdk's own types, OpenAI's vocabulary, then the status. */
    private static GatewayErrorKind classify(GatewayFailure failure) {
        int status = failure.status().orElse(0);
        String type = failure.type().orElse("").toLowerCase(Locale.ROOT);
        String code = failure.code().orElse("").toLowerCase(Locale.ROOT);
        if (SdkErrorTypes.REDIRECT_REFUSED.equals(type)) {
            return GatewayErrorKind.REDIRECT_REFUSED;
        }
        if (status == 401 || status == 403 || AUTH.contains(type) || AUTH.contains(code)) {
            return GatewayErrorKind.AUTHENTICATION;
        }
        if (status == 429) {
            return GatewayErrorKind.RATE_LIMITED;
        }
        if (status >= 400 && status < 500) {
            return GatewayErrorKind.BAD_REQUEST;
        }
        return GatewayErrorKind.UPSTREAM;
    }

    private static GatewayFailure parse(int status, String body, RouteSettings route, Optional<String> path,
                                        Map<String, String> headers) {
        String type = null;
        String code = null;
        String message = null;
        String provider = null;
        boolean gatewayOwn = false;
        try {
            JsonNode json = body == null || body.isBlank() ? null : JSON.readTree(body);
            if (json != null && json.isObject()) {
                JsonNode error = json.get("error");
                provider = text(json.get("provider"));
                if (error != null && error.isObject()) {
                    type = text(error.get("type"));
                    code = text(error.get("code"));
                    message = text(error.get("message"));
                } else if (error != null && error.isTextual()) {
                    message = error.asText();
                } else if ("failure".equals(text(json.get("status")))) {
                    message = text(json.get("message"));
                    gatewayOwn = true;
                } else if (json.has("detail")) {
                    message = text(json.get("detail"));
                } else if (json.has("message") || json.has("type") || json.has("code")) {
                    // openai-java's exceptions expose the inner "error" object as their body
                    type = text(json.get("type"));
                    code = text(json.get("code"));
                    message = text(json.get("message"));
                }
            }
        } catch (IOException notJson) {
            // plain-text bodies are shown as they are
        }
        if (message == null) {
            message = body == null || body.isBlank() ? "HTTP " + status + " with an empty body" : body;
        }
        return new GatewayFailure(OptionalInt.of(status), Optional.ofNullable(type), Optional.ofNullable(code),
                mask(message, route), gatewayOwn, Optional.ofNullable(provider), path, headers);
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        // LiteLLM sends code as a string ("401"), OpenAI as a string or null, and some messages are JSON objects.
        return node.isValueNode() ? node.asText() : node.toString();
    }

    private static String hint(GatewayErrorKind kind, GatewayFailure failure, Optional<String> gatewayHint,
                               RouteSettings route, Function<String, String> header, Duration ceiling) {
        int status = failure.status().orElse(0);
        String key = route.apiKey().map(Object::toString).orElse("(none)");
        String maxRetries = Setting.MAX_RETRIES.variable();
        if (kind == GatewayErrorKind.REDIRECT_REFUSED) {
            String target = Optional.ofNullable(header.apply(SdkErrorTypes.REDIRECT_TARGET_HEADER))
                    .orElse("another origin");
            return route.origin() + " redirected the call to " + target + ". The client does not follow"
                    + " redirects to another origin, so neither the key nor the request left " + route.origin()
                    + ". If " + target + " is where the API lives, set the base URL to it ("
                    + RouteProvenance.baseUrlSetBy(route) + ", e.g. " + Setting.BASE_URL.variable()
                    + ") with a key for that origin.";
        }
        if (kind == GatewayErrorKind.RATE_LIMITED) {
            return "Too many requests" + retryAdvice(header, ceiling).orElse(". The client retries with"
                    + " back-off (" + maxRetries + ")") + "; " + gatewayHint.orElse("lower concurrency or raise"
                    + " the key's rpm/tpm limits.");
        }
        if (gatewayHint.isPresent()) {
            return gatewayHint.get();
        }
        switch (kind) {
            case AUTHENTICATION:
                if (route.keyless()) {
                    return "This route sends no Authorization header (keyless), but " + route.origin() + " wants a"
                            + " key: set " + Setting.roleApiKey(route.role()).variable() + ", or remove "
                            + Setting.roleAuth(route.role()).variable() + "=none.";
                }
                return "The server rejected the key " + key + " (" + RouteProvenance.keySetBy(route) + ")."
                        + " Check that the key belongs to " + route.origin() + " and has not expired.";
            case PERMISSION_DENIED:
                return "The key " + key + " is valid but may not do this: use a key with the permission, or ask the"
                        + " gateway's admin for it.";
            case BAD_REQUEST:
                if (status == 404 && !route.baseUrl().endsWith("/v1")) {
                    return "Nothing at this path: most OpenAI-compatible servers serve the API under /v1; try "
                            + route.baseUrl() + "/v1 (" + RouteProvenance.baseUrlSetBy(route) + ").";
                }
                if (status == 404) {
                    return "Nothing at this path or no such model on " + route.origin() + ": check the model name"
                            + route.model().map(m -> " (" + m + ")").orElse("") + " and the base URL.";
                }
                return "The gateway refused the request as invalid; the message above names the parameter.";
            default:
                String id = Gateway.forRoute(route).requestId(header).orElse(null);
                String lookUp = " Look the call up in the gateway's logs" + (id == null ? "." : " by request id " + id
                        + ".");
                if (status >= 200 && status < 300) {
                    // openai-java raises an error event of a 200 stream after the stream began: nothing is retried.
                    return "The gateway answered HTTP " + status + " and then reported this error inside the event"
                            + " stream; the stream had begun, so the call was not retried." + lookUp;
                }
                return "The gateway or the provider behind it failed (HTTP " + status + ")" + retryAdvice(header,
                        ceiling).orElse("; the client retried per " + maxRetries) + "." + lookUp;
        }
    }

    /**
     * What the client did about the gateway's {@code retry-after}, when it sent one: waited (within
     * {@code OPENAI_MAX_RETRY_AFTER}), did not retry (longer), or ignored an unreadable value, which is never echoed.
     */
    private static Optional<String> retryAdvice(Function<String, String> header, Duration ceiling) {
        if (header.apply(SdkErrorTypes.RETRY_AFTER_INVALID_HEADER) != null) {
            return Optional.of("; the gateway's retry-after was not a valid delay, so the client used its own"
                    + " back-off (" + Setting.MAX_RETRIES.variable() + ")");
        }
        return RetryAfter.of(header, Clock.systemUTC()).map(retryAfter -> {
            Duration delay = retryAfter.delay().orElse(Duration.ZERO);
            if (!retryAfter.valid()) {
                return "; the gateway's retry-after was not a valid delay, so the client used its own back-off";
            }
            if (delay.compareTo(ceiling) > 0) {
                return "; the gateway asked to wait " + retryAfter.describe() + ", longer than " + Setting.MAX_RETRY_AFTER.variable() + " ("
                        + RetryAfter.format(ceiling) + "), so the call was not retried."
                        + " Retry later, or raise " + Setting.MAX_RETRY_AFTER.variable();
            }
            return "; the gateway asked to wait " + retryAfter.describe() + ", which the client waits before each"
                    + " retry (" + Setting.MAX_RETRIES.variable() + ")";
        });
    }

    // ---- I/O failures ----------------------------------------------------------------------------------------

    private static GatewayError fromIo(Throwable failure, RouteSettings route) {
        String origin = route.origin();
        String probe = Gateway.forRoute(route).probeCommand(route);
        String container = " Inside a container, localhost is the container itself, not the host: use"
                + " host.docker.internal or the compose service name.";
        UnexpectedBodyException body = find(failure, UnexpectedBodyException.class);
        if (body != null) {
            return new GatewayError(GatewayErrorKind.UPSTREAM, route.role(), route.gateway(), origin, body.status(),
                    null, mask(describe(failure), route), "The gateway answered " + body.status() + " with a body that"
                    + " is not the API's JSON (" + body.reason() + "; content type " + body.contentType() + "; first"
                    + " bytes: " + body.firstBytes() + "). A login or error page of a proxy in between, or a base URL"
                    + " that is not the OpenAI-compatible API, answers like this: check " + route.baseUrl() + " ("
                    + RouteProvenance.baseUrlSetBy(route) + ") and the gateway's logs.");
        }
        ResponseTooLargeException tooLarge = find(failure, ResponseTooLargeException.class);
        if (tooLarge != null) {
            String maxBytes = Setting.MAX_RESPONSE_BYTES.variable();
            return new GatewayError(GatewayErrorKind.UPSTREAM, route.role(), route.gateway(), origin, null, null,
                    mask(describe(failure), route), "From " + origin + ", " + tooLarge.subject() + " holds more than "
                    + tooLarge.limit() + " " + tooLarge.unit() + ", the limit " + maxBytes + " sets, so the"
                    + " client stopped reading it instead of filling the heap. If such answers are expected (very"
                    + " large embedding batches), raise " + maxBytes + " (e.g. 256MB, with the heap to"
                    + " match); otherwise check what the gateway sends.");
        }
        GatewayErrorKind kind;
        String hint;
        if (find(failure, ConnectException.class) != null || find(failure, NoRouteToHostException.class) != null) {
            kind = GatewayErrorKind.UNREACHABLE;
            hint = "Connection refused by " + origin + ": is the proxy running? Try " + probe + "." + container;
        } else if (find(failure, UnknownHostException.class) != null) {
            kind = GatewayErrorKind.UNREACHABLE;
            hint = "The host of " + origin + " does not resolve: check the spelling of the base URL ("
                    + RouteProvenance.baseUrlSetBy(route) + ")." + container;
        } else if (find(failure, SSLException.class) != null) {
            kind = GatewayErrorKind.UNREACHABLE;
            hint = "TLS handshake with " + origin + " failed: use http:// for a plain-HTTP proxy, or trust its"
                    + " certificate.";
        } else if (isConnectTimeout(failure)) {
            kind = GatewayErrorKind.UNREACHABLE;
            hint = "No connection to " + origin + " within " + Setting.CONNECT_TIMEOUT.variable() + ": a firewall or a wrong host or"
                    + " port. Try " + probe + "." + container;
        } else if (find(failure, InterruptedIOException.class) != null) {
            kind = GatewayErrorKind.UPSTREAM;
            hint = "No complete answer from " + origin + " in time (" + Setting.READ_TIMEOUT.variable() + " / "
                    + Setting.TIMEOUT.variable() + ", or " + Setting.roleTimeout(route.role()).variable() + "): raise the timeout for slow models, or"
                    + " check the gateway's upstream.";
        } else if (find(failure, IOException.class) != null) {
            kind = GatewayErrorKind.UPSTREAM;
            hint = "The connection to " + origin + " broke mid-call: check the gateway's logs and any proxy or load"
                    + " balancer in between.";
        } else {
            kind = GatewayErrorKind.UPSTREAM;
            hint = "An unexpected failure; the message names it.";
        }
        return new GatewayError(kind, route.role(), route.gateway(), origin, null, null,
                mask(describe(failure), route), hint);
    }

    private static boolean isConnectTimeout(Throwable failure) {
        SocketTimeoutException timeout = find(failure, SocketTimeoutException.class);
        return timeout != null && ConnectFailures.isConnectTimeout(timeout);
    }

    private static String describe(Throwable failure) {
        List<String> parts = new ArrayList<>();
        for (Throwable t = failure; t != null && parts.size() < 4; t = t.getCause()) {
            parts.add(t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage()));
            if (t.getCause() == t) {
                break;
            }
        }
        return String.join(" <- ", parts);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private static GatewayError withRouteComparison(GatewayError error, RouteSettings route,
                                                    GatewaySettings settings) {
        if (error.kind() != GatewayErrorKind.AUTHENTICATION && error.kind() != GatewayErrorKind.UNREACHABLE
                && error.kind() != GatewayErrorKind.MODEL_NOT_ALLOWED && error.kind() != GatewayErrorKind.BAD_REQUEST) {
            return error;
        }
        List<String> others = new ArrayList<>();
        for (RouteSettings other : settings.routes().values()) {
            if (other.role() != route.role() && !other.origin().equals(route.origin())) {
                others.add(other.role() + " goes to " + other.origin() + " (" + RouteProvenance.baseUrlSetBy(other) + ")");
            }
        }
        if (others.isEmpty()) {
            return error;
        }
        String internal = Setting.INTERNAL_BASE_URL.variable();
        String base = Setting.BASE_URL.variable();
        String hint = error.hint() + " Routes differ: " + route.role() + " goes to " + route.origin() + " ("
                + RouteProvenance.baseUrlSetBy(route) + "), while " + String.join(" and ", others) + ". Embeddings use"
                + " " + internal + ", LLM and CODEX use " + base + ": if one works and the other fails, point both"
                + " at the same proxy, or leave " + internal + " empty so embeddings follow " + base + ".";
        return new GatewayError(error.kind(), error.role().orElse(null), error.gateway(), error.origin(),
                error.status().isPresent() ? error.status().getAsInt() : null, error.requestId().orElse(null),
                error.message(), hint);
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static String bodyOf(OpenAIServiceException e) {
        try {
            return ObjectMappers.jsonMapper().writeValueAsString(e.body());
        } catch (IOException | RuntimeException unserialisable) {
            return String.valueOf(e.getMessage());
        }
    }

    static String mask(String message, RouteSettings route) {
        String result = Secrets.maskIn(message, route.keys().stream().map(ApiKey::reveal).toList());
        return result.length() > MAX_MESSAGE ? result.substring(0, MAX_MESSAGE) + "..." : result;
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 10; t = t.getCause(), depth++) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
