package dev.gatewaykit.sdk.settings;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The loops that replaced the header-name and no-whitespace regular expressions (compiled at startup before)
 * accept exactly what those expressions matched.
 */
class HttpTokensTest {

    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Pattern NO_WHITESPACE = Pattern.compile("\\S+");

    @ParameterizedTest
    @ValueSource(strings = {"X-Team", "x_trace.id", "A1", "!#$%&'*+.^_`|~-", "", " ", "X Team", "X:Team", "X-T\u00ebam",
            "X\tTeam", "(x)", "x/y", "x@y", "x\"y", "x,y", "x;y", "x=y", "[x]", "{x}", "x?y", "x\\y", "\uD83D\uDE00",
            "\u00A0", "\u0416"})
    void headerNameAcceptsExactlyTheTokenPattern(String name) {
        assertThat(HttpTokens.isHeaderName(name)).isEqualTo(HEADER_NAME.matcher(name).matches());
    }

    @ParameterizedTest
    @ValueSource(strings = {"gpt-4o-mini", "@openai-prod/gpt-4o", "", " ", "gpt 4o", "gpt\t4o", "gpt\n", "\u000Bx",
            "x\f", "x\r", "x\u00A0y", "x\u2003y", "\uD83D\uDE00", "\uD83D", "x\u0085y", "x\u001Cy"})
    void noWhitespaceAcceptsExactlyTheNonWhitespacePattern(String text) {
        assertThat(HttpTokens.hasNoWhitespace(text)).isEqualTo(NO_WHITESPACE.matcher(text).matches());
    }
}
