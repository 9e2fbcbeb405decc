package dev.gatewaykit.ai.langchain4j;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when the application has a LangChain4j the bridge supports ({@link LangChain4jSupport#SUPPORTED}). */
final class OnSupportedLangChain4jCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return LangChain4jSupport.supported(context.getClassLoader())
                ? ConditionOutcome.match("LangChain4j 1.x is supported")
                : ConditionOutcome.noMatch(LangChain4jSupport.unsupportedMessage());
    }
}
