package dev.gatewaykit.hardening.support;

import dev.gatewaykit.sdk.settings.Secrets;
import dev.gatewaykit.stub.keys.KeyMask;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A secret generated at run time so that finding it anywhere in captured output proves a leak. Besides the whole
 * key, its middle part (what the {@code sk-...abcd} mask hides) and every 12-character window of its random part
 * count as a leak, so a key cut or re-wrapped on its way to a log line is still caught.
 */
public final class PlantedKey {

    private static final int WINDOW = 12;

    private final String label;
    private final String value;
    private final String random;

    private PlantedKey(String label, String prefix) {
        this.label = Objects.requireNonNull(label, "label");
        this.random = UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "")
                .substring(0, 8);
        this.value = prefix + random;
    }

    /** A key {@code prefix + 40 random hex characters}, e.g. {@code sk-planted-…}. */
    public static PlantedKey generate(String label, String prefix) {
        return new PlantedKey(label, prefix);
    }

    /** A key that looks like a LiteLLM virtual key or an OpenAI provider key. */
    public static PlantedKey openAiStyle(String label) {
        return generate(label, "sk-planted-" + label + "-");
    }

    /** The secret itself: only for configuring the code under test. */
    public String value() {
        return value;
    }

    /** What may appear instead of the key: {@code sk-...abcd}. */
    public String masked() {
        return Secrets.mask(value);
    }

    /** The key as the gateway stub's journal shows it (the stub masks with its own, JDK-only rule). */
    public String stubMasked() {
        return KeyMask.mask(value);
    }

    /** Name for failure messages (never the secret). */
    public String label() {
        return label;
    }

    /** Substrings whose presence in any output is a leak. */
    public Set<String> forbiddenFragments() {
        Set<String> fragments = new LinkedHashSet<>();
        fragments.add(value);
        fragments.add(value.substring(3, value.length() - 4));
        String hidden = random.substring(0, random.length() - 4);
        for (int i = 0; i + WINDOW <= hidden.length(); i++) {
            fragments.add(hidden.substring(i, i + WINDOW));
        }
        return fragments;
    }

    /** The leaks of any of {@code keys} in {@code text}, described without the secrets. */
    public static List<String> leaks(Collection<PlantedKey> keys, String where, String text) {
        List<String> leaks = new ArrayList<>();
        if (text == null) {
            return leaks;
        }
        for (PlantedKey key : keys) {
            for (String fragment : key.forbiddenFragments()) {
                int at = text.indexOf(fragment);
                if (at >= 0) {
                    int from = Math.max(0, at - 60);
                    int to = Math.min(text.length(), at + fragment.length() + 60);
                    String context = text.substring(from, to).replace(fragment, "<<" + key.label + " LEAKED>>");
                    leaks.add(where + ": " + key.label + " (" + (fragment.equals(key.value) ? "whole key"
                            : "part of it") + ") in ..." + context.replace('\n', ' ') + "...");
                    break;
                }
            }
        }
        return leaks;
    }

    @Override
    public String toString() {
        return "PlantedKey[" + label + " " + masked() + "]";
    }
}
