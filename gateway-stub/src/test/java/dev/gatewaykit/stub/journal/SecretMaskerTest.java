package dev.gatewaykit.stub.journal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

class SecretMaskerTest {

    private static final String KEY = "sk-test-live-0123456789abcdefWXYZ";
    private static final Predicate<String> NONE_KNOWN = s -> false;

    @ParameterizedTest(name = "{0} secret={1}")
    @CsvSource({
            "authorization, true",
            "x-litellm-api-key, true",
            "api-key, true",
            "x-api-key, true",
            "x-portkey-api-key, true",
            "x-portkey-virtual-key, true",
            "cookie, true",
            "x-session-token, true",
            "x-portkey-provider, false",
            "x-portkey-metadata, false",
            "x-portkey-trace-id, false",
            "x-portkey-config, false",
            "content-type, false",
            "x-litellm-tags, false"
    })
    void credentialHeadersAreMaskedAndPortkeyRoutingHeadersStayReadable(String header, boolean secret) {
        assertThat(SecretMasker.isSecretHeader(header)).isEqualTo(secret);
    }

    @ParameterizedTest
    @ValueSource(strings = {"API_KEY", "api_key", "apiKey", "virtual_key", "authorization", "client_secret", "token",
            "key", "master_key", "x-portkey-api-key", "keys", "password"})
    void secretFieldValuesAreMaskedWhateverTheirCase(String field) {
        String body = "{\"model\":\"gpt-4o-mini\",\"" + field + "\":\"plain-secret-value-1234\",\"n\":1}";

        String masked = SecretMasker.mask(body, NONE_KNOWN);

        assertThat(masked).doesNotContain("plain-secret-value").contains("\"" + field + "\":\"pla...1234\"")
                .contains("\"model\":\"gpt-4o-mini\"");
    }

    @Test
    void inlinePortkeyConfigJsonHasItsApiKeyMasked() {
        String config = "{\"provider\":\"openai\",\"api_key\":\"provider-key-abcdef123456\",\"override_params\":{}}";

        assertThat(SecretMasker.mask(config, NONE_KNOWN)).doesNotContain("provider-key-abcdef")
                .contains("\"api_key\":\"pro...3456\"").contains("\"provider\":\"openai\"");
    }

    @Test
    void skTokensAreMaskedAnywhereAndMasksAreAscii() {
        String text = "x-custom: prefix " + KEY + ", path /v1/models/" + KEY + "?api_key=abcdefghijkl9876&x=1";

        String masked = SecretMasker.mask(text, NONE_KNOWN);

        assertThat(masked).doesNotContain("0123456789").doesNotContain("abcdefghijkl")
                .contains("sk-...WXYZ").contains("api_key=abc...9876&x=1");
        assertThat(masked.chars()).allMatch(c -> c < 0x80);
    }

    @Test
    void knownKeysThatDoNotLookLikeKeysAreMasked() {
        String masked = SecretMasker.mask("{\"content\":\"my key is custom-virtual-key-42 ok\"}",
                s -> s.equals("custom-virtual-key-42"));

        assertThat(masked).doesNotContain("custom-virtual-key-42").contains("cus...y-42");
    }

    @Test
    void aValueCutOffBeforeItsClosingQuoteIsMaskedToTheEnd() {
        assertThat(SecretMasker.mask("{\"token\":\"abcdefghijklmnopqrstuvwxyz", NONE_KNOWN))
                .isEqualTo("{\"token\":\"abc...wxyz");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " -> ", value = {
            "$.sk-test-live-0123456789abcdefWXYZ: unexpected property -> $.sk-...WXYZ: unexpected property",
            "$.tools[0].sk-test-live-0123456789abcdefWXYZ -> $.tools[0].sk-...WXYZ",
            "$.properties.sk-test-live-0123456789abcdefWXYZ.type -> $.properties.sk-...WXYZ.type",
            "config.custom-virtual-key-42 -> config.cus...y-42",
            "$.custom-virtual-key-42.type: expected string -> $.cus...y-42.type: expected string",
            "custom-virtual-key-42.type -> cus...y-42.type",
            "$.a.sk-ab.cdefghijklmnop -> $.a.sk-...mnop",
            "$.properties.sk-...WXYZ.type -> $.properties.sk-...WXYZ.type"
    })
    void keysBetweenDotsAreMaskedAsInJsonPaths(String text, String expected) {
        // A schema report names a property by its JSON path: a key used as a property name follows a dot.
        assertThat(SecretMasker.mask(text, s -> s.equals("custom-virtual-key-42"))).isEqualTo(expected);
    }

    @Test
    void dottedNamesWithoutKeysStayReadable() {
        assertThat(SecretMasker.mask("$.properties.reasoning.effort: expected one of [low, high], model gpt-4.1-mini",
                NONE_KNOWN)).isEqualTo("$.properties.reasoning.effort: expected one of [low, high], model gpt-4.1-mini");
    }

    @Test
    void aKeyAfterManyDottedPartsIsMasked() {
        // One token of 100,001 dot-separated parts.
        String text = "a.".repeat(100_000) + "sk-test-live-0123456789abcdefWXYZ";

        assertThat(SecretMasker.mask(text, s -> s.length() > 1_000_000)).endsWith("a.sk-...WXYZ")
                .doesNotContain("0123456789");
    }

    @Test
    void maskingIsIdempotent() {
        String once = SecretMasker.mask("{\"key\":\"" + KEY + "\",\"x\":\"" + KEY + "\"}", NONE_KNOWN);

        assertThat(SecretMasker.mask(once, NONE_KNOWN)).isEqualTo(once);
    }

    @Test
    void longValuesAreMaskedInLinearTimeOnASmallStack() throws Exception {
        // The former regular expressions recursed once per character: ~200 characters overflowed a 256 KiB stack.
        String body = "{\"token\":\"" + "a\\\"".repeat(700) + "\",\"api_key\":\"" + "x".repeat(2_000) + "\"}";
        AtomicReference<Object> result = new AtomicReference<>();
        Thread small = new Thread(null, () -> {
            try {
                result.set(SecretMasker.mask(body.repeat(50), NONE_KNOWN));
            } catch (Throwable t) {
                result.set(t);
            }
        }, "small-stack", 256 * 1024);
        small.start();
        small.join();

        assertThat(result.get()).isInstanceOf(String.class);
        assertThat((String) result.get()).doesNotContain("xxxxxxxx");
    }
}
