package dev.gatewaykit.sdk.metrics;

import io.micrometer.observation.Observation;

import java.util.concurrent.atomic.AtomicBoolean;

/** One observed call's end: sets {@code error.type} and stops the observation, once, from whichever thread ends it. */
final class ObservedCall implements CallEnd {

    private final Observation observation;
    private final GatewayCallContext context;
    private final AtomicBoolean finished = new AtomicBoolean();

    ObservedCall(Observation observation, GatewayCallContext context) {
        this.observation = observation;
        this.context = context;
    }

    @Override
    public void finish(String errorType) {
        if (finished.compareAndSet(false, true)) {
            context.errorType(errorType);
            observation.stop();
        }
    }

    /** Ends the call with a thrown failure, which the observation records as its error. */
    void fail(Throwable failure) {
        if (finished.compareAndSet(false, true)) {
            context.errorType(CallMeasurement.errorType(failure));
            observation.error(failure);
            observation.stop();
        }
    }
}
