package dev.gatewaykit.sdk.settings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A structural rule on one setting's parsed value (a range, a pattern, a positive duration), kept in the
 * {@link Setting} table beside the setting's type, so the resolver checks each value where it parses it, in plain
 * Java and with the variable's name at hand.
 */
interface ValueCheck {

    /** Accepts every value. */
    ValueCheck NONE = new ValueCheck() {
        @Override
        public List<String> problems(Object value) {
            return List.of();
        }
    };

    /** A duration greater than zero. */
    ValueCheck POSITIVE_DURATION = new ValueCheck() {
        @Override
        public List<String> problems(Object value) {
            Duration duration = (Duration) value;
            return duration.isNegative() || duration.isZero() ? List.of("must be positive") : List.of();
        }

        @Override
        public Optional<String> fix() {
            return Optional.of("use a positive duration such as 30s, 500ms, 2m or PT30S.");
        }
    };

    /** A map whose names are HTTP header names (RFC 9110 tokens); one problem per bad name. */
    ValueCheck HEADER_NAMES = new ValueCheck() {
        @Override
        public List<String> problems(Object value) {
            List<String> problems = new ArrayList<>();
            for (Object key : ((Map<?, ?>) value).keySet()) {
                String name = String.valueOf(key);
                if (!HttpTokens.isHeaderName(name)) {
                    problems.add("entry name '" + name + "' is not a valid header name");
                }
            }
            return List.copyOf(problems);
        }

        @Override
        public Optional<String> fix() {
            return Optional.of("write name=value,name2=value2 with header-safe names (letters, digits, -).");
        }
    };

    /** Text without whitespace, such as a model name. */
    ValueCheck NO_WHITESPACE = new ValueCheck() {
        @Override
        public List<String> problems(Object value) {
            return HttpTokens.hasNoWhitespace((String) value) ? List.of() : List.of("must not contain whitespace");
        }

        @Override
        public Optional<String> fix() {
            return Optional.of("write the model name without spaces, e.g. gpt-4o-mini.");
        }
    };

    /**
     * A whole number from {@code min} to {@code max}; {@code tooLow} and {@code tooHigh} say what is wrong, {@code fix}
     * what to write instead.
     */
    static ValueCheck range(int min, int max, String tooLow, String tooHigh, String fix) {
        return new ValueCheck() {
            @Override
            public List<String> problems(Object value) {
                int number = (Integer) value;
                return number < min ? List.of(tooLow) : number > max ? List.of(tooHigh) : List.of();
            }

            @Override
            public Optional<String> fix() {
                return Optional.of(fix);
            }
        };
    }

    /** What is wrong with a parsed value of the setting, each a phrase without final stop; empty when it is fine. */
    List<String> problems(Object value);

    /** The fix to suggest, when this check knows a better one than the setting's type does. */
    default Optional<String> fix() {
        return Optional.empty();
    }
}
