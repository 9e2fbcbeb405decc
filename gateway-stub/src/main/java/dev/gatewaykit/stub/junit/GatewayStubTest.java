package dev.gatewaykit.stub.junit;

import dev.gatewaykit.stub.LiteLlmStatuses;
import dev.gatewaykit.stub.StubMode;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Starts one {@link dev.gatewaykit.stub.GatewayStub} for the test class, injects it into constructor and method
 * parameters of type {@code GatewayStub}, resets it before each test and stops it after the class.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(GatewayStubExtension.class)
public @interface GatewayStubTest {

    /** Gateway to impersonate. */
    StubMode mode() default StubMode.LITELLM;

    /** Master key (LiteLLM), accepted key (OpenAI) or expected {@code x-portkey-api-key}; empty = none (open mode). */
    String masterKey() default "";

    /** LiteLLM release line by its older name ({@code OLD} = 1.60, {@code NEW} = 1.75); see {@link #liteLlmVersion()}. */
    LiteLlmStatuses liteLlmStatuses() default LiteLlmStatuses.NEW;

    /**
     * LiteLLM release line, e.g. {@code "1.60"} or {@code "1.75"} (also {@code old}, {@code new}); when given it wins
     * over {@link #liteLlmStatuses()}. Empty = that attribute's line.
     */
    String liteLlmVersion() default "";

    /**
     * A stub configuration file (the standalone {@code --config} format: scripts, faults, keys, models) read from
     * the test class path, e.g. {@code "/agent-scripts.json"}; applied after the attributes above. Empty = none.
     */
    String config() default "";

    /** Replay the fixtures in this directory (relative to the working directory); empty = no replay. */
    String replay() default "";

    /** Record into this directory (relative to the working directory), forwarding to {@link #upstream()}; empty = no. */
    String record() default "";

    /** The real gateway to record from; a {@code ${NAME}} value is read from that environment variable. */
    String upstream() default "";
}
