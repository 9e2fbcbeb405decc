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
                Arguments.of("other.api-key", KEY, MASKED_KEY),
                Arguments.of("spring.datasource.password", "hunter2-database", Secrets.mask("hunter2-database")),
                Arguments.of("sun.java.command", "app.jar --openai.codex.api-key=" + KEY + " --server.port=8080",
                        "app.jar --openai.codex.api-key=" + MASKED_KEY + " --server.port=8080"),
                Arguments.of("sun.java.command", "app.jar --service.token=tok-0123456789abcdefXYZ --debug",
                        "app.jar --service.token=" + Secrets.mask("tok-0123456789abcdefXYZ") + " --debug"),
                Arguments.of("jdk.internal.vm.command", "-Dopenai.llm.api-key=abcdefghijklmnop1234 -Xmx1g",
                        "-Dopenai.llm.api-key=" + Secrets.mask("abcdefghijklmnop1234") + " -Xmx1g"),
                Arguments.of("SPRING_APPLICATION_JSON",
                        "{\"openai\":{\"api-key\":\"" + KEY + "\"},\"db\":{\"password\": \"hunter2-hunter2\"}}",
                        "{\"openai\":{\"api-key\":\"" + MASKED_KEY + "\"},\"db\":{\"password\": \""
                                + Secrets.mask("hunter2-hunter2") + "\"}}"),
                Arguments.of("DATABASE_URL", "postgres://app:hunter2-secret@db:5432/app",
                        "postgres://****@db:5432/app"),
                Arguments.of("spring.datasource.url", "jdbc:postgresql://db:5432/app?user=app&password=hunter2-secret",
                        "jdbc:postgresql://db:5432/app?user=app&password=" + Secrets.mask("hunter2-secret")),
                Arguments.of("any.text", "a quoted key " + KEY + " in free text", "a quoted key " + MASKED_KEY
                        + " in free text"),
                Arguments.of("java.class.path", "/app/lib/a.jar:/app/lib/b.jar", "/app/lib/a.jar:/app/lib/b.jar"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keys")
    void masksTheGatewaySecretsAndKeyShapedValuesAnywhere(String key, String value, String expected) {
        SanitizableData data = new SanitizableData(new MapPropertySource("test", Map.of(key, value)), key, value);
        assertThat(new GatewaySecretsSanitizingFunction().apply(data).getValue()).isEqualTo(expected);
    }

}
