package dev.gatewaykit.sdk.settings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A route's model rewrite ({@code OPENAI_<ROLE>_MODEL_MAP}): application code names plain OpenAI models and each
 * route sends its gateway's name. Entries are exact ({@code gpt-4o-mini=@openai-prod/gpt-4o-mini}) or prefix
 * patterns whose name ends in {@code *} ({@code *=openai/*}, {@code gpt-*=@openai-prod/gpt-*}); in a pattern's
 * target, {@code *} stands for the part of the model name the {@code *} matched. An exact entry wins over patterns,
 * and the longest matching pattern wins over shorter ones. A model that already carries a pattern's target prefix
 * is left alone, so {@code @openai-prod/gpt-4o-mini} is not rewritten to {@code @openai-prod/@openai-prod/...}.
 */
public final class ModelMap {

    private static final String WILDCARD = "*";

    private final Map<String, String> exact = new LinkedHashMap<>();
    private final List<Map.Entry<String, String>> patterns = new ArrayList<>();

    private ModelMap(Map<String, String> entries) {
        for (Map.Entry<String, String> entry : entries.entrySet()) {
            String name = entry.getKey();
            if (name.endsWith(WILDCARD)) {
                addPattern(name.substring(0, name.length() - 1), entry.getValue());
            } else {
                exact.put(name, entry.getValue());
            }
        }
    }

    /** Keeps {@link #patterns} longest prefix first; among equal lengths, in the order written. */
    private void addPattern(String prefix, String target) {
        int at = 0;
        while (at < patterns.size() && patterns.get(at).getKey().length() >= prefix.length()) {
            at++;
        }
        patterns.add(at, Map.entry(prefix, target));
    }

    /** The map of a route; entries are assumed valid (see {@link #problems(Map)}). */
    public static ModelMap of(Map<String, String> entries) {
        return new ModelMap(entries);
    }

    /** What is wrong with the entries, one message per bad entry; empty when all are usable. */
    public static List<String> problems(Map<String, String> entries) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> entry : entries.entrySet()) {
            String name = entry.getKey();
            String target = entry.getValue();
            if (name.isBlank() || target == null || target.isBlank()) {
                problems.add("entry '" + name + "' has an empty name or target.");
            } else if (name.indexOf('*') != name.length() - 1 && name.contains(WILDCARD)) {
                problems.add("entry '" + name + "' has a * that is not at the end of the name.");
            } else if (target.indexOf('*') != target.lastIndexOf('*')) {
                problems.add("entry '" + name + "' has more than one * in its target.");
            } else if (!name.endsWith(WILDCARD) && target.contains(WILDCARD)) {
                problems.add("entry '" + name + "' has a * in its target but not in its name.");
            }
        }
        return problems;
    }

    /** Whether nothing is rewritten. */
    public boolean isEmpty() {
        return exact.isEmpty() && patterns.isEmpty();
    }

    /** The name to send for {@code model}, or empty when the map leaves it as it is. */
    public Optional<String> rewrite(String model) {
        if (model == null) {
            return Optional.empty();
        }
        String mapped = exact.get(model);
        if (mapped != null) {
            return mapped.equals(model) ? Optional.empty() : Optional.of(mapped);
        }
        for (Map.Entry<String, String> pattern : patterns) {
            String prefix = pattern.getKey();
            String target = pattern.getValue();
            if (!model.startsWith(prefix)) {
                continue;
            }
            int star = target.indexOf('*');
            String targetPrefix = star < 0 ? target : target.substring(0, star);
            if (star >= 0 && !targetPrefix.isEmpty() && model.startsWith(targetPrefix)) {
                return Optional.empty();
            }
            String result = star < 0 ? target : targetPrefix + model.substring(prefix.length())
                    + target.substring(star + 1);
            return result.equals(model) ? Optional.empty() : Optional.of(result);
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "ModelMap[exact=" + exact + ", patterns=" + patterns + "]";
    }
}
