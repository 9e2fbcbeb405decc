package dev.gatewaykit.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.gatewaykit.sdk.Role;

import org.springframework.beans.factory.annotation.Qualifier;

/**
 * Qualifies an {@code OpenAIClient} injection point (or bean) by the role it serves, e.g.
 * {@code @GatewayClient(Role.EMBEDDINGS) OpenAIClient embeddings}.
 * <p>
 * A plain, unqualified {@code OpenAIClient} injection point receives the {@link Role#LLM} client. A bean that
 * replaces one of the auto-configured clients should carry this annotation too, so qualified injection points
 * keep finding it.
 */
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE,
        ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Qualifier
public @interface GatewayClient {

    /** The role whose client is wanted. */
    Role value();

}
