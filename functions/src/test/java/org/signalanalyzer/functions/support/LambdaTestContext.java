package org.signalanalyzer.functions.support;

import org.signalanalyzer.functions.priming.StandInLambdaContext;

/** The context the tests and benchmarks hand the handlers in place of a real invocation. */
public final class LambdaTestContext extends StandInLambdaContext {

    public LambdaTestContext() {
        super("test-request", "signal-analyzer-test", 2048);
    }
}
