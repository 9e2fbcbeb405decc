package dev.gatewaykit.hardening.support;

/** Runs a call that must fail and hands back what it threw, so the test can inspect and scan it. */
public final class Failures {

    private Failures() {
    }

    /** What {@code call} threw; an {@link AssertionError} when it returned normally. */
    public static Throwable thrownBy(Runnable call) {
        try {
            call.run();
        } catch (Throwable t) {
            return t;
        }
        throw new AssertionError("the call was expected to fail");
    }
}
