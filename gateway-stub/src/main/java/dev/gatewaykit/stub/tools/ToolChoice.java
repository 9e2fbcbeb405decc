package dev.gatewaykit.stub.tools;

/**
 * What the request lets the model do with its tools.
 *
 * @param mode     none, auto, required, or a named function
 * @param function the function name when {@code mode} is {@link Mode#FUNCTION}, else {@code null}
 */
public record ToolChoice(Mode mode, String function) {

    /** The default when {@code tool_choice} is absent. */
    public static final ToolChoice AUTO = new ToolChoice(Mode.AUTO, null);

    /** Tool choice modes. */
    public enum Mode {
        /** Never call a tool. */
        NONE,
        /** The model decides (the stub answers with text unless scripted). */
        AUTO,
        /** Must call some tool (the stub calls the first). */
        REQUIRED,
        /** Must call {@link ToolChoice#function()}. */
        FUNCTION
    }
}
