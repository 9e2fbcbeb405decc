package dev.gatewaykit.sdk.plain;

import dev.gatewaykit.sdk.settings.GatewaySettings;
import dev.gatewaykit.sdk.settings.GatewaySettingsException;
import dev.gatewaykit.sdk.testing.TestLayers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.gatewaykit.sdk.testing.TestLayers.fakeKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The sdk checks ranges, durations and patterns in plain Java: neither the Jakarta Validation API nor Hibernate
 * Validator is on an application's class path because of it, and every structural error still names its variable.
 */
class NoBeanValidationNeededTest {

    @TempDir
    Path dir;

    @Test
    void neitherValidationApiNorHibernateValidatorIsOnTheClassPath() {
        ClassLoader loader = NoBeanValidationNeededTest.class.getClassLoader();
        assertThat(loader.getResource("jakarta/validation/Validator.class")).isNull();
        assertThat(loader.getResource("org/hibernate/validator/HibernateValidator.class")).isNull();
    }

    @Test
    void structuralErrorsNameEveryVariableWithoutThem() {
        TestLayers layers = TestLayers.layers().env("OPENAI_API_KEY", fakeKey()).env("OPENAI_MAX_RETRIES", "11")
                .env("OPENAI_LLM_TIMEOUT", "0s").env("OPENAI_HEADERS", "X Team=a").env("OPENAI_CODEX_MODEL", "gpt 4o");

        assertThatThrownBy(() -> GatewaySettings.resolve(layers.sources(dir)))
                .isInstanceOfSatisfying(GatewaySettingsException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.variable() + ": " + p.message()).containsExactlyInAnyOrder(
                                "OPENAI_MAX_RETRIES: must be at most 10.",
                                "OPENAI_LLM_TIMEOUT: must be positive.",
                                "OPENAI_HEADERS: entry name 'X Team' is not a valid header name.",
                                "OPENAI_CODEX_MODEL: must not contain whitespace."));
    }
}
