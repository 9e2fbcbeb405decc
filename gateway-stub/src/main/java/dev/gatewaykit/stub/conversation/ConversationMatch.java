package dev.gatewaykit.stub.conversation;

import java.util.Objects;

/**
 * Conditions on the whole conversation; every {@code null} part matches anything.
 *
 * @param turn               the model turn ({@link Conversation#turn()}), 1-based
 * @param lastRole           role of the last message, e.g. {@code tool}
 * @param toolResultName     a tool output just sent back answers a call of this function
 * @param toolResultCallId   a tool output just sent back answers this call id
 * @param toolResultContains a tool output just sent back contains this text
 * @param hasTools           whether the request offers tools
 * @param instructionsContain system/developer prompt text (or Responses {@code instructions}) contains this
 */
public record ConversationMatch(Integer turn, String lastRole, String toolResultName, String toolResultCallId,
                                String toolResultContains, Boolean hasTools, String instructionsContain) {

    /** Matches every conversation. */
    public static final ConversationMatch ANY = new ConversationMatch(null, null, null, null, null, null, null);

    /** Validates the turn number. */
    public ConversationMatch {
        if (turn != null && turn < 1) {
            throw new IllegalArgumentException("turn must be >= 1, got " + turn);
        }
    }

    /** Whether any condition is set. */
    public boolean isAny() {
        return equals(ANY);
    }

    /** Whether {@code c} meets every condition. */
    public boolean matches(Conversation c) {
        if (turn != null && turn != c.turn()) {
            return false;
        }
        if (lastRole != null && !lastRole.equals(c.lastRole())) {
            return false;
        }
        if (hasTools != null && hasTools != !c.tools().tools().isEmpty()) {
            return false;
        }
        if (instructionsContain != null && !c.instructions().contains(instructionsContain)) {
            return false;
        }
        if (toolResultName == null && toolResultCallId == null && toolResultContains == null) {
            return true;
        }
        return c.latestToolResults().stream().anyMatch(m -> (toolResultName == null || toolResultName.equals(m.toolName()))
                && (toolResultCallId == null || toolResultCallId.equals(m.toolCallId()))
                && (toolResultContains == null || m.text().contains(toolResultContains)));
    }

    /** A copy with the turn replaced. */
    public ConversationMatch withTurn(Integer value) {
        return new ConversationMatch(value, lastRole, toolResultName, toolResultCallId, toolResultContains, hasTools, instructionsContain);
    }

    /** A copy with the last role replaced. */
    public ConversationMatch withLastRole(String value) {
        return new ConversationMatch(turn, value, toolResultName, toolResultCallId, toolResultContains, hasTools, instructionsContain);
    }

    /** A copy with the tool result's function name replaced. */
    public ConversationMatch withToolResultName(String value) {
        return new ConversationMatch(turn, lastRole, value, toolResultCallId, toolResultContains, hasTools, instructionsContain);
    }

    /** A copy with the tool result's call id replaced. */
    public ConversationMatch withToolResultCallId(String value) {
        return new ConversationMatch(turn, lastRole, toolResultName, value, toolResultContains, hasTools, instructionsContain);
    }

    /** A copy with the tool result's text replaced. */
    public ConversationMatch withToolResultContains(String value) {
        return new ConversationMatch(turn, lastRole, toolResultName, toolResultCallId, value, hasTools, instructionsContain);
    }

    /** A copy with the tools condition replaced. */
    public ConversationMatch withHasTools(Boolean value) {
        return new ConversationMatch(turn, lastRole, toolResultName, toolResultCallId, toolResultContains, value, instructionsContain);
    }

    /** A copy with the instructions text replaced. */
    public ConversationMatch withInstructionsContain(String value) {
        return new ConversationMatch(turn, lastRole, toolResultName, toolResultCallId, toolResultContains, hasTools, value);
    }

    @Override
    public String toString() {
        return "conversation[turn=" + turn + ", lastRole=" + lastRole + ", toolResultName=" + toolResultName
                + ", toolResultCallId=" + toolResultCallId + ", toolResultContains=" + toolResultContains
                + ", hasTools=" + hasTools + ", instructionsContain=" + Objects.toString(instructionsContain) + "]";
    }
}
