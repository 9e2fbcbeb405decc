package dev.gatewaykit.stub.journal;

import java.util.List;

/**
 * A scripted reply of this request that did not match the schema the request asked for, as the journal keeps it
 * (masked and cut to length when recorded). The same finding is also kept in the stub's schema reports.
 *
 * @param subject  what was checked: {@code response_format 'name'}, {@code text.format 'name'} or
 *                 {@code tool 'name' arguments}
 * @param problems what is wrong, each as {@code $.path: reason}
 */
public record SchemaMismatch(String subject, List<String> problems) {

    /** Copies {@code problems}. */
    public SchemaMismatch {
        problems = List.copyOf(problems);
    }
}
