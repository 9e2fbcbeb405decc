package dev.gatewaykit.spring.autoconfigure;

import java.util.Map;
import java.util.stream.Stream;

import dev.gatewaykit.sdk.settings.Secrets;
import dev.gatewaykit.spring.autoconfigure.actuate.GatewaySecretsSanitizingFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.core.env.MapPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** Which keys of /actuator/env and /actuator/configprops are masked, and how. */
class GatewaySecretsSanitizingFunctionTests {

    private static final String KEY = "sk-test-sanitizing-0123456789abcdef";

    private static final String MASKED_KEY = Secrets.mask(KEY);

    private static final String FULLY = SanitizableData.SANITIZED_VALUE;

    static Stream<Arguments> keys() {
        return Stream.of(
                Arguments.of("openai.api-key", KEY, MASKED_KEY),
                Arguments.of("openai.internal-api-key", KEY, MASKED_KEY),
                Arguments.of("openai.llm.api-key", KEY, MASKED_KEY),
                Arguments.of("openai.llm.apiKey", KEY, MASKED_KEY),
                Arguments.of("openai.portkey.api-key", KEY, MASKED_KEY),
                Arguments.of("openai.failover.api-key", KEY, MASKED_KEY),
                Arguments.of("OPENAI_FAILOVER_API_KEY", KEY, MASKED_KEY),
                Arguments.of("openai.failover.apiKey", KEY, MASKED_KEY),
                Arguments.of("openai.credentials.billing.api-key", KEY, MASKED_KEY),
                Arguments.of("openai.credentials.billing.apiKey", KEY, MASKED_KEY),
                Arguments.of("OPENAI_CREDENTIALS_BILLING_API_KEY", KEY, MASKED_KEY),
                Arguments.of("openai.credentials.billing.headers.Authorization", "Bearer " + KEY, FULLY),
                Arguments.of("OPENAI_CREDENTIALS_BILLING_HEADERS", "Authorization=Bearer " + KEY, FULLY),
                Arguments.of("openai.credentials.billing.base-url", "http://litellm-billing:4000",
                        "http://litellm-billing:4000"),
                Arguments.of("openai.failover.base-url", "https://api.openai.com/v1", "https://api.openai.com/v1"),
                Arguments.of("OPENAI_API_KEY", KEY, MASKED_KEY),
                Arguments.of("OPENAI_INTERNAL_API_KEY", KEY, MASKED_KEY),
                Arguments.of("OPENAI_CODEX_API_KEY", KEY, MASKED_KEY),
                Arguments.of("PORTKEY_API_KEY", KEY, MASKED_KEY),
                Arguments.of("openai.proxy.password", "hunter2-proxy", FULLY),
                Arguments.of("OPENAI_PROXY_PASSWORD", "hunter2-proxy", FULLY),
                Arguments.of("openai.headers.Authorization", "Bearer " + KEY, FULLY),
                Arguments.of("openai.llm.headers.x-api-key", KEY, FULLY),
                Arguments.of("OPENAI_HEADERS", "X-Team=search,Authorization=Bearer " + KEY, FULLY),
                Arguments.of("openai.headers.X-Team", "search", "search"),
                Arguments.of("OPENAI_HEADERS", "X-Team=search", "X-Team=search"),
                Arguments.of("openai.base-url", "http://litellm:4000", "http://litellm:4000"),
                Arguments.of("openai.llm.model", "openai/gpt-4o-mini", "openai/gpt-4o-mini"),
                Arguments.of("PORTKEY_CONFIG", "pc-abc-123", "pc-abc-123"),
                Arguments.of("spring.application.name", "api-key-service", "api-key-service"),
                Arguments.of("other.api-key", KEY, KEY));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keys")
    void masksTheGatewaySecretsOnly(String key, String value, String expected) {
        SanitizableData data = new SanitizableData(new MapPropertySource("test", Map.of(key, value)), key, value);
        assertThat(new GatewaySecretsSanitizingFunction().apply(data).getValue()).isEqualTo(expected);
    }

}
