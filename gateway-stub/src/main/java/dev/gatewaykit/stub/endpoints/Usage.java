package dev.gatewaykit.stub.endpoints;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaykit.stub.http.Json;

/** Usage objects in the Chat/Completions and Responses shapes. */
final class Usage {

    private Usage() {
    }

    static ObjectNode chat(long prompt, long completion) {
        ObjectNode u = Json.object();
        u.put("prompt_tokens", prompt);
        u.put("completion_tokens", completion);
        u.put("total_tokens", prompt + completion);
        u.putObject("prompt_tokens_details").put("cached_tokens", 0).put("audio_tokens", 0);
        u.putObject("completion_tokens_details").put("reasoning_tokens", 0).put("audio_tokens", 0)
                .put("accepted_prediction_tokens", 0).put("rejected_prediction_tokens", 0);
        return u;
    }

    static ObjectNode responses(long input, long output) {
        ObjectNode u = Json.object();
        u.put("input_tokens", input);
        // ResponseUsage in openai-openapi requires both details (cache_write_tokens since 2026).
        u.putObject("input_tokens_details").put("cached_tokens", 0).put("cache_write_tokens", 0);
        u.put("output_tokens", output);
        u.putObject("output_tokens_details").put("reasoning_tokens", 0);
        u.put("total_tokens", input + output);
        return u;
    }
}
