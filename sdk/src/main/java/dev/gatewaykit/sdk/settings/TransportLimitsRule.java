package dev.gatewaykit.sdk.settings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code OPENAI_POOL_KEEP_ALIVE} (positive), {@code OPENAI_MAX_RETRY_AFTER} (not negative) and
 * {@code OPENAI_MAX_RESPONSE_BYTES} (a positive size); a bad value is a problem and its default is used.
 */
final class TransportLimitsRule {

    private TransportLimitsRule() {
    }

    static Checked<TransportLimits> read(SettingsLookup lookup) {
        List<SettingsProblem> problems = new ArrayList<>();
        Duration keepAlive = lookup.duration(Setting.POOL_KEEP_ALIVE).orElse(TransportLimits.DEFAULT_POOL_KEEP_ALIVE);
        if (keepAlive.isZero() || keepAlive.isNegative()) {
            problems.add(new SettingsProblem(Setting.POOL_KEEP_ALIVE.variable(), lookup.text(Setting.POOL_KEEP_ALIVE),
                    "must be positive.", "use a duration below the gateway's idle timeout, such as 4s."));
            keepAlive = TransportLimits.DEFAULT_POOL_KEEP_ALIVE;
        }
        Duration maxRetryAfter = lookup.duration(Setting.MAX_RETRY_AFTER)
                .orElse(TransportLimits.DEFAULT_MAX_RETRY_AFTER);
        if (maxRetryAfter.isNegative()) {
            problems.add(new SettingsProblem(Setting.MAX_RETRY_AFTER.variable(), lookup.text(Setting.MAX_RETRY_AFTER),
                    "must not be negative.", "use a duration such as 60s, or 0s to never wait for retry-after."));
            maxRetryAfter = TransportLimits.DEFAULT_MAX_RETRY_AFTER;
        }
        long maxBytes = TransportLimits.DEFAULT_MAX_RESPONSE_BYTES;
        Optional<FoundValue> size = lookup.find(Setting.MAX_RESPONSE_BYTES);
        if (size.isPresent()) {
            try {
                maxBytes = SettingValues.parseSize(size.get().value());
            } catch (IllegalArgumentException e) {
                maxBytes = 0;
            }
            if (maxBytes <= 0) {
                problems.add(new SettingsProblem(Setting.MAX_RESPONSE_BYTES.variable(), size.get().value(),
                        "is not a positive size.", "use a number of bytes or a unit: 1048576, 512KB, 64MB, 1GB."));
                maxBytes = TransportLimits.DEFAULT_MAX_RESPONSE_BYTES;
            }
        }
        return new Checked<>(new TransportLimits(keepAlive, maxRetryAfter, maxBytes), problems);
    }
}
