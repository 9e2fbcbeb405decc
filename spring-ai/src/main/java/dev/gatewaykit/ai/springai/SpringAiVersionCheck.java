package dev.gatewaykit.ai.springai;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.InitializingBean;

/**
 * Says once, at startup, why the bridge's Spring AI models are off when the application's Spring AI is not the
 * supported line; silent otherwise.
 */
public final class SpringAiVersionCheck implements BeanClassLoaderAware, InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(SpringAiVersionCheck.class);

    private ClassLoader classLoader = SpringAiVersionCheck.class.getClassLoader();

    @Override
    public void setBeanClassLoader(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    @Override
    public void afterPropertiesSet() {
        if (!SpringAiSupport.supported(classLoader)) {
            log.warn(SpringAiSupport.unsupportedMessage(classLoader));
        }
    }
}
