package dev.gatewaykit.ai.langchain4j;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.InitializingBean;

/** Says once, at startup, why the bridge's LangChain4j models are off for an unsupported LangChain4j. */
public final class LangChain4jVersionCheck implements BeanClassLoaderAware, InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(LangChain4jVersionCheck.class);

    private ClassLoader classLoader = LangChain4jVersionCheck.class.getClassLoader();

    @Override
    public void setBeanClassLoader(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    @Override
    public void afterPropertiesSet() {
        if (!LangChain4jSupport.supported(classLoader)) {
            log.warn(LangChain4jSupport.unsupportedMessage());
        }
    }
}
