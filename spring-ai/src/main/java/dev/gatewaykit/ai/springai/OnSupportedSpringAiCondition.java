package dev.gatewaykit.ai.springai;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when the application has a Spring AI the bridge supports ({@link SpringAiSupport#SUPPORTED}). */
final class OnSupportedSpringAiCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        ClassLoader classLoader = context.getClassLoader();
        if (SpringAiSupport.supported(classLoader)) {
            return ConditionOutcome.match("Spring AI " + SpringAiSupport.version(classLoader).orElse("2.x")
                    + " is supported");
        }
        return ConditionOutcome.noMatch(SpringAiSupport.unsupportedMessage(classLoader));
    }
}
