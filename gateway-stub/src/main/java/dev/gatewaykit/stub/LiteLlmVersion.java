package dev.gatewaykit.stub;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The LiteLLM release line the stub answers as. Lines differ in how the proxy words and numbers key errors
 * ({@code proxy/auth/user_api_key_auth.py}, {@code proxy/auth/auth_checks.py}, {@code proxy/route_llm_request.py},
 * {@code proxy/common_request_processing.py}):
 *
 * <table>
 * <caption>differences</caption>
 * <tr><th>case</th><th>1.60</th><th>1.75</th></tr>
 * <tr><td>expired key</td><td>400, {@code param} the key as sent</td><td>401 {@code expired_key}, {@code param} masked</td></tr>
 * <tr><td>model not allowed</td><td>401 {@code key_model_access_denied}, "key not allowed to access model…"</td>
 *     <td>403 {@code key_model_access_denied}, "The requested model 'X' is not available for this API key…"</td></tr>
 * <tr><td>budget spent</td><td>400 {@code budget_exceeded}</td><td>429 {@code budget_exceeded}</td></tr>
 * <tr><td>key not starting {@code sk-}</td><td>401 "Invalid proxy server token passed"</td>
 *     <td>401 "LiteLLM Virtual Key expected…"</td></tr>
 * <tr><td>unknown model</td><td>400 "{'error': 'Invalid model name passed in model=X…'}"</td>
 *     <td>400 "{'error': '/chat/completions: Invalid model name passed in model=X…'}" (route prefix)</td></tr>
 * <tr><td>{@code x-litellm-key-spend}</td><td>spend before the call</td><td>spend including the call</td></tr>
 * </table>
 */
public enum LiteLlmVersion {
    /** The 1.60 line (early 2025), reported as {@code 1.60.8}; alias {@code old}. */
    V1_60("1.60", "1.60.8", "old"),
    /** The 1.75 line (mid 2025) and later, reported as {@code 1.75.0}; alias {@code new}. The default. */
    V1_75("1.75", "1.75.0", "new");

    private final String line;
    private final String reported;
    private final String alias;

    LiteLlmVersion(String line, String reported, String alias) {
        this.line = line;
        this.reported = reported;
        this.alias = alias;
    }

    /** The release line, e.g. {@code 1.60}. */
    public String line() {
        return line;
    }

    /** The version sent in {@code x-litellm-version}. */
    public String reported() {
        return reported;
    }

    /** The older name of this line ({@code old} or {@code new}). */
    public String alias() {
        return alias;
    }

    /** Whether this is the newer line. */
    public boolean newer() {
        return this == V1_75;
    }

    /** Status for a model outside the key's allowlist. */
    public int modelNotAllowed() {
        return newer() ? 403 : 401;
    }

    /** Status for a key whose spend reached its budget. */
    public int budgetExceeded() {
        return newer() ? 429 : 400;
    }

    /** Status for an expired key. */
    public int expiredKey() {
        return newer() ? 401 : 400;
    }

    /** The accepted values, for messages and usage. */
    public static String accepted() {
        return Arrays.stream(values()).map(v -> v.line + " (alias " + v.alias + ")").collect(Collectors.joining(", "));
    }

    /**
     * Parses a line ({@code 1.60}), a version of it ({@code 1.60.8}) or an alias ({@code old}, {@code new}).
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static LiteLlmVersion parse(String value) {
        if (value != null) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            if (v.startsWith("v")) {
                v = v.substring(1);
            }
            for (LiteLlmVersion version : values()) {
                if (v.equals(version.alias) || v.equals(version.line) || v.startsWith(version.line + ".")) {
                    return version;
                }
            }
        }
        throw new IllegalArgumentException("LiteLLM version '" + value + "' is not one of " + accepted());
    }
}
