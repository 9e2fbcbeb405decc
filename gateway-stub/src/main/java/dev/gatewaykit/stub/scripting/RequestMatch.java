package dev.gatewaykit.stub.scripting;

import dev.gatewaykit.stub.conversation.ConversationMatch;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Which requests a script or fault applies to; every absent part matches anything. Conversation conditions
 * ({@link ConversationMatch}) apply to scripts only: faults strike before the conversation is read.
 * Paths are endpoint paths with or without {@code /v1} ({@code /chat/completions} = {@code /v1/chat/completions}).
 */
public final class RequestMatch {

    /** Matches every request. */
    public static final RequestMatch ANY = new RequestMatch(null, null, null, ConversationMatch.ANY);

    private final String path;
    private final String model;
    private final String contains;
    private final ConversationMatch conversation;

    private RequestMatch(String path, String model, String contains, ConversationMatch conversation) {
        this.path = path == null ? null : normalise(path);
        this.model = model;
        this.contains = contains;
        this.conversation = conversation;
    }

    /** A match on path, model and text contained in the prompt; {@code null} parts match anything. */
    public static RequestMatch of(String path, String model, String contains) {
        return new RequestMatch(blankToNull(path), blankToNull(model), blankToNull(contains), ConversationMatch.ANY);
    }

    /** Conditions on the whole conversation (scripts only). */
    public ConversationMatch conversation() {
        return conversation;
    }

    /** This match with its conversation conditions replaced. */
    public RequestMatch withConversation(ConversationMatch conversation) {
        return new RequestMatch(path, model, contains, java.util.Objects.requireNonNull(conversation, "conversation"));
    }

    /** Path below {@code /v1}, if set. */
    public Optional<String> path() {
        return Optional.ofNullable(path);
    }

    /** Model, if set. */
    public Optional<String> model() {
        return Optional.ofNullable(model);
    }

    /** Text the prompt must contain, if set. */
    public Optional<String> contains() {
        return Optional.ofNullable(contains);
    }

    /** This match with its path replaced ({@code null} or blank: any path). */
    public RequestMatch withPath(String path) {
        return of(path, model, contains).withConversation(conversation);
    }

    /** This match with its model replaced ({@code null} or blank: any model). */
    public RequestMatch withModel(String model) {
        return of(path, model, contains).withConversation(conversation);
    }

    /** This match with its prompt text replaced ({@code null} or blank: any prompt). */
    public RequestMatch withContains(String contains) {
        return of(path, model, contains).withConversation(conversation);
    }

    /** Whether a request to {@code endpointPath} (below /v1) for {@code requestModel} with this prompt matches. */
    public boolean matches(String endpointPath, String requestModel, Supplier<String> promptText) {
        if (path != null && !path.equals(endpointPath)) {
            return false;
        }
        if (model != null && !model.equals(requestModel)) {
            return false;
        }
        return contains == null || promptText.get().contains(contains);
    }

    /** Strips a leading {@code /v1} and a trailing slash. */
    public static String normalise(String path) {
        String p = path.trim();
        if (!p.startsWith("/")) {
            p = "/" + p;
        }
        if (p.equals("/v1") || p.startsWith("/v1/")) {
            p = p.substring(3);
        }
        if (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.isEmpty() ? "/" : p;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    @Override
    public String toString() {
        return "match[path=" + path + ", model=" + model + ", contains=" + contains
                + (conversation.isAny() ? "" : ", " + conversation) + "]";
    }
}
