package dev.gatewaykit.stub.scripting;

import java.util.Objects;
import java.util.Optional;

/**
 * A tool call a script makes the model reply with.
 *
 * @param name      the function to call
 * @param arguments arguments as a JSON string; {@code null} = synthesized from the tool's schema in the request
 * @param id        call id to use; {@code null} = a fresh {@code call_…} id
 */
public record ScriptedToolCall(String name, String arguments, String id) {

    /** Validates the name. */
    public ScriptedToolCall {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a scripted tool call needs a function name");
        }
    }

    /** The scripted arguments, if given. */
    public Optional<String> argumentsJson() {
        return Optional.ofNullable(arguments);
    }
}
