package dev.gatewaykit.stub.tools;

import java.util.Objects;

/**
 * A function call the model makes (in a reply) or made (in the conversation a client sends back).
 *
 * @param id        the call id ({@code call_…}); Responses calls it {@code call_id}
 * @param name      the function name
 * @param arguments the arguments as a JSON string, as the API carries them
 */
public record ToolCall(String id, String name, String arguments) {

    /** Validates that every part is present. */
    public ToolCall {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(arguments, "arguments");
    }
}
