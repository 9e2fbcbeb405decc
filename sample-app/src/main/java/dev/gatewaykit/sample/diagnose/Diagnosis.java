package dev.gatewaykit.sample.diagnose;

import java.util.List;

/**
 * The model's structured answer: {@link #SCHEMA} is its {@code response_format} JSON schema, and the reply is read
 * into this record.
 * @param route the route the problem is on
 * @param cause the most likely cause, one sentence
 * @param steps what to check or change, in order
 */
public record Diagnosis(SuspectedRoute route, String cause, List<String> steps) {

    /** The JSON schema of this record, strict (every property required, no others). */
    public static final String SCHEMA = """
            {"type": "object",
             "properties": {
               "route": {"type": "string", "enum": ["EMBEDDINGS", "LLM", "CODEX", "ALL"],
                         "description": "The route the problem is on"},
               "cause": {"type": "string", "description": "The most likely cause, in one sentence"},
               "steps": {"type": "array", "items": {"type": "string"}, "minItems": 1,
                         "description": "What to check or change, in order"}},
             "required": ["route", "cause", "steps"],
             "additionalProperties": false}""";

    /** Where the problem is. */
    public enum SuspectedRoute {

        /** The internal route (embeddings). */
        EMBEDDINGS,

        /** The public route's chat calls. */
        LLM,

        /** The public route's code calls. */
        CODEX,

        /** Every route, or none in particular. */
        ALL

    }

}
