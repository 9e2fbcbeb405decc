package dev.gatewaykit.ai.springai;

import java.util.Optional;

import org.springframework.util.ClassUtils;

/**
 * Which Spring AI the application has, and whether the bridge supports it: Spring AI 2.0.x, whose OpenAI models
 * are built on openai-java clients (1.x built them on its own {@code OpenAiApi} and has no
 * {@code org.springframework.ai.openai.setup} package).
 */
public final class SpringAiSupport {

    /** The Spring AI line the bridge supports. */
    public static final String SUPPORTED = "2.0.x";

    static final String CHAT_MODEL = "org.springframework.ai.openai.OpenAiChatModel";

    /** Present from Spring AI 2.0 on: the setup of openai-java clients behind the OpenAI models. */
    static final String OPENAI_JAVA_SETUP = "org.springframework.ai.openai.setup.OpenAiSetup";

    private SpringAiSupport() {
    }

    /** Whether any Spring AI OpenAI module is on the class path. */
    static boolean present(ClassLoader classLoader) {
        return ClassUtils.isPresent(CHAT_MODEL, classLoader);
    }

    /** Whether the Spring AI on the class path is one the bridge supports. */
    static boolean supported(ClassLoader classLoader) {
        if (!present(classLoader) || !ClassUtils.isPresent(OPENAI_JAVA_SETUP, classLoader)) {
            return false;
        }
        Optional<String> version = version(classLoader);
        return version.isEmpty() || version.get().startsWith("2.");
    }

    /** The version in the manifest of the jar holding Spring AI's OpenAI models, if it says one. */
    static Optional<String> version(ClassLoader classLoader) {
        try {
            Class<?> model = ClassUtils.forName(CHAT_MODEL, classLoader);
            return Optional.ofNullable(model.getPackage().getImplementationVersion());
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }

    /** The one startup message for an unsupported Spring AI. */
    static String unsupportedMessage(ClassLoader classLoader) {
        String found = version(classLoader).map(v -> "Spring AI " + v)
                .orElse("a Spring AI without openai-java based OpenAI models");
        return "openai-gateway-spring-ai supports Spring AI " + SUPPORTED + " (spring-ai-openai 2.0.x); found "
                + found + ". The gateway's Spring AI models are off: Spring AI's own OpenAI auto-configuration "
                + "applies, without the gateway routes. The gateway's openai-java clients are unaffected.";
    }
}
