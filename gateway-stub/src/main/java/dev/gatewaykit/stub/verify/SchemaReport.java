package dev.gatewaykit.stub.verify;

import java.time.Instant;
import java.util.List;

/**
 * A scripted reply that did not match the schema the request asked for (structured output or tool arguments).
 *
 * @param timestamp when it was served
 * @param path      endpoint path below {@code /v1}
 * @param model     the model
 * @param subject   what was checked: {@code response_format 'name'}, {@code text.format 'name'} or
 *                  {@code tool 'name' arguments}
 * @param problems  what is wrong, each as {@code $.path: reason}
 */
public record SchemaReport(Instant timestamp, String path, String model, String subject, List<String> problems) {
}
