package dev.gatewaykit.spring.autoconfigure;

import org.springframework.aop.framework.autoproxy.AutoProxyUtils;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.type.MethodMetadata;

/**
 * Keeps the role client beans of {@link OpenAIGatewayAutoConfiguration} out of Spring's scan for
 * {@code @EventListener} methods, which reflects on every bean type at the end of start.
 * <p>
 * The bean types are openai-java's {@code OpenAIClient} and {@code OpenAIClientAsync}: interfaces that declare no
 * listener methods, but whose methods return 27 service interfaces each, which reflection loads. That cost (about
 * 15 ms in a fresh JVM) is paid at start although nothing could be found. Spring takes the class to scan from the
 * bean definition's {@link AutoProxyUtils#ORIGINAL_TARGET_CLASS_ATTRIBUTE} when one is set; this sets it to
 * {@code Object}, which Spring skips. An auto-proxy around the bean replaces the attribute with its real class, so
 * nothing else changes. Only the definitions created by this auto-configuration's own bean methods are marked; an
 * application's client bean of the same name keeps the full scan.
 */
final class ClientBeansListenerScanExclusion implements BeanFactoryPostProcessor {

    // The client bean methods of OpenAIGatewayAutoConfiguration (the sync and async ones of each role).
    private static final String[] CLIENT_BEANS = { "embeddingsOpenAIClient", "llmOpenAIClient", "codexOpenAIClient",
            "embeddingsOpenAIClientAsync", "llmOpenAIClientAsync", "codexOpenAIClientAsync" };

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        for (String name : CLIENT_BEANS) {
            if (beanFactory.containsBeanDefinition(name)) {
                BeanDefinition definition = beanFactory.getBeanDefinition(name);
                if (declaredByAutoConfiguration(definition)) {
                    definition.setAttribute(AutoProxyUtils.ORIGINAL_TARGET_CLASS_ATTRIBUTE, Object.class);
                }
            }
        }
    }

    private static boolean declaredByAutoConfiguration(BeanDefinition definition) {
        if (!(definition instanceof AnnotatedBeanDefinition annotated)) {
            return false;
        }
        MethodMetadata factoryMethod = annotated.getFactoryMethodMetadata();
        return factoryMethod != null
                && OpenAIGatewayAutoConfiguration.class.getName().equals(factoryMethod.getDeclaringClassName());
    }

}
