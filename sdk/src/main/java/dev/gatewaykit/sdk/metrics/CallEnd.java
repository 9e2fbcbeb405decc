package dev.gatewaykit.sdk.metrics;

/**
 * The end of one observed call, reached once however the body ends: what {@link MeteredSource} reports to, for
 * meters ({@link CallMeasurement}) and observations ({@link ObservedCall}) alike.
 */
interface CallEnd {

    /** The call ended with {@code errorType} ({@link MetricNames#NO_ERROR} on success); later calls do nothing. */
    void finish(String errorType);
}
