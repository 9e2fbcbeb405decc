package dev.gatewaykit.ai.springai;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;

/** Logs, once at startup, the Spring AI connection properties the gateway routes override. */
public final class SpringAiRoutingNotice implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(SpringAiRoutingNotice.class);

    private final List<String> warnings;

    SpringAiRoutingNotice(List<String> warnings) {
        this.warnings = List.copyOf(warnings);
    }

    /** The warnings logged at startup. */
    public List<String> warnings() {
        return warnings;
    }

    @Override
    public void afterPropertiesSet() {
        for (String warning : warnings) {
            log.warn(warning);
        }
    }
}
