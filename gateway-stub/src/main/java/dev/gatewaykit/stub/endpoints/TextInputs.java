package dev.gatewaykit.stub.endpoints;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatewaykit.stub.http.StubError;

import java.util.ArrayList;
import java.util.List;

/** Reads {@code input}/{@code prompt} values given as a string, strings, token ids or lists of token ids. */
public final class TextInputs {

    /** Most inputs per request, as OpenAI allows. */
    public static final int MAX_INPUTS = 2048;

    private TextInputs() {
    }

    /** Each input as a text (token ids are written as space-separated numbers). */
    public static List<String> list(JsonNode value, String field) {
        List<String> out = new ArrayList<>();
        if (value.isTextual()) {
            out.add(value.asText());
            return out;
        }
        if (!value.isArray()) {
            throw Fields.wrongType(field, "a string or an array", value);
        }
        if (value.isEmpty()) {
            throw StubError.invalidRequest(field, "Invalid '" + field + "': empty array. Expected an array with "
                    + "minimum length 1, but got an empty array instead.");
        }
        if (value.size() > MAX_INPUTS) {
            throw StubError.invalidRequest(field, "Invalid '" + field + "': array too long. Expected an array with "
                    + "maximum length " + MAX_INPUTS + ", but got " + value.size() + " instead.");
        }
        if (value.get(0).isIntegralNumber()) {
            out.add(tokens(value, field));
            return out;
        }
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (item.isTextual()) {
                out.add(item.asText());
            } else if (item.isArray() && !item.isEmpty()) {
                out.add(tokens(item, field + "[" + i + "]"));
            } else {
                throw Fields.wrongType(field + "[" + i + "]", "a string", item);
            }
        }
        return out;
    }

    /** All inputs joined by newlines. */
    public static String join(JsonNode value, String field) {
        return String.join("\n", list(value, field));
    }

    private static String tokens(JsonNode array, String field) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < array.size(); i++) {
            JsonNode t = array.get(i);
            if (!t.isIntegralNumber()) {
                throw Fields.wrongType(field + "[" + i + "]", "an integer token id", t);
            }
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(t.asLong());
        }
        return sb.toString();
    }
}
