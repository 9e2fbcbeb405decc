package dev.gatewaykit.sdk.settings;

import dev.gatewaykit.sdk.Role;

import java.util.ArrayList;
import java.util.List;

/**
 * The key format rule: a configured key, used or not, must be the bare key. Quotes kept literally, a
 * {@code Bearer } prefix or whitespace would be sent as part of the key and every call refused with 401.
 */
final class KeyFormatRule {

    private KeyFormatRule() {
    }

    /** The keys checked: every key setting, whichever route uses it. */
    static List<Setting> keySettings() {
        List<Setting> keys = new ArrayList<>(List.of(Setting.API_KEY, Setting.INTERNAL_API_KEY,
                Setting.PORTKEY_API_KEY, Setting.FAILOVER_API_KEY));
        for (Role role : Role.values()) {
            keys.add(Setting.roleApiKey(role));
        }
        return keys;
    }

    /** What is wrong with the key {@code found}, keys masked; empty when it is fine. */
    static List<SettingsProblem> check(FoundValue found) {
        Setting setting = found.setting();
        String key = found.value();
        char first = key.charAt(0);
        char last = key.charAt(key.length() - 1);
        if (first == '"' || first == '\'' || last == '"' || last == '\'') {
            // docker --env-file and many CI variable screens keep quotes literally; they would be sent as part of
            // the key and every call would be refused with 401.
            return List.of(new SettingsProblem(setting.variable(), Secrets.mask(key), "starts or ends with a quote ("
                    + (first == '"' || last == '"' ? "\"" : "'") + ") in the " + found.layer() + " layer; the quote"
                    + " would be sent as part of the key and every call refused with 401.",
                    "remove the quotes where " + setting.variable() + " is set (" + found.layer() + "): docker"
                            + " --env-file and CI variable settings keep them literally. In a .env file, KEY=\"value\""
                            + " is fine: the quotes are removed there."));
        }
        if (key.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return List.of(new SettingsProblem(setting.variable(), Secrets.mask(key), "starts with 'Bearer '.",
                    "set only the key; the client adds 'Bearer ' itself."));
        }
        if (containsWhitespace(key)) {
            return List.of(new SettingsProblem(setting.variable(), Secrets.mask(key), "contains whitespace.",
                    "copy the key again, without spaces or line breaks."));
        }
        return List.of();
    }

    private static boolean containsWhitespace(String key) {
        for (int i = 0; i < key.length(); i++) {
            if (Character.isWhitespace(key.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
