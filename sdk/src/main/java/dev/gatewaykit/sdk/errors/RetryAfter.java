package dev.gatewaykit.sdk.errors;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;

/**
 * A gateway's request to wait before retrying: {@code retry-after-ms} (milliseconds, OpenAI's and LiteLLM's
 * header), else {@code retry-after} (seconds or an HTTP date), in the order openai-java reads them. A value that
 * is not a non-negative number or a date is invalid: it is never shown, nor read as "retry now".
 *
 * @param header the header the value came from
 * @param delay  the wait asked for; empty when the value is invalid
 */
public record RetryAfter(String header, Optional<Duration> delay) {

    /** {@code retry-after-ms}. */
    public static final String MS_HEADER = "retry-after-ms";
    /** {@code retry-after}. */
    public static final String HEADER = "retry-after";

    /** The request in {@code headers}, if either header is present. */
    public static Optional<RetryAfter> of(Function<String, String> headers, Clock clock) {
        String ms = headers.apply(MS_HEADER);
        String seconds = headers.apply(HEADER);
        Optional<Duration> fromMs = ms == null ? Optional.empty() : number(ms, 1_000_000L);
        if (fromMs.isPresent()) {
            return Optional.of(new RetryAfter(MS_HEADER, fromMs));
        }
        if (seconds != null) {
            Optional<Duration> fromSeconds = number(seconds, 1_000_000_000L).or(() -> date(seconds, clock));
            if (fromSeconds.isPresent() || ms == null) {
                return Optional.of(new RetryAfter(HEADER, fromSeconds));
            }
        }
        return ms == null ? Optional.empty() : Optional.of(new RetryAfter(MS_HEADER, Optional.empty()));
    }

    /** Whether the value could be read. */
    public boolean valid() {
        return delay.isPresent();
    }

    /** The wait in the unit the gateway used: {@code 7 s}, {@code 1500 ms}; "an unreadable value" if invalid. */
    public String describe() {
        return delay.map(RetryAfter::format).orElse("an unreadable value");
    }

    /** A wait as people read it: {@code 7 s}, {@code 1500 ms}. */
    public static String format(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static Optional<Duration> number(String raw, long nanosPerUnit) {
        try {
            double value = Double.parseDouble(raw.strip());
            if (!Double.isFinite(value) || value < 0 || value * nanosPerUnit > Long.MAX_VALUE) {
                return Optional.empty();
            }
            return Optional.of(Duration.ofNanos((long) (value * nanosPerUnit)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Duration> date(String raw, Clock clock) {
        try {
            OffsetDateTime at = OffsetDateTime.parse(raw.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration until = Duration.between(OffsetDateTime.now(clock), at);
            return Optional.of(until.isNegative() ? Duration.ZERO : until);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
