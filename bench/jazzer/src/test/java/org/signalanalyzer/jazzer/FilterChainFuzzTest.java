package org.signalanalyzer.jazzer;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.signalanalyzer.dsp.filter.FilterChain;

/**
 * Coverage-guided: any text as a filter chain, then applied to a trace. A chain or an IllegalArgumentException
 * is fine; anything else (another exception, an OutOfMemoryError, a timeout) is a finding Jazzer keeps.
 */
class FilterChainFuzzTest {

    private static final double[] TRACE = trace();

    private static double[] trace() {
        double[] x = new double[2048];
        for (int i = 0; i < x.length; i++) x[i] = 100 * Math.sin(i * 0.05) + (i % 97 == 0 ? 500 : 0);
        return x;
    }

    @FuzzTest(maxDuration = "60s")
    void chain(FuzzedDataProvider data) {
        String json = data.consumeRemainingAsString();
        FilterChain chain;
        try {
            chain = FilterChain.fromJson(json);
        } catch (IllegalArgumentException refused) {
            return;
        }
        try {
            double[] y = chain.apply(TRACE.clone(), 20_000);
            if (y.length != TRACE.length) throw new AssertionError(chain + " changed the length to " + y.length);
        } catch (IllegalArgumentException refused) {
            // the typed refusal: fine
        }
    }
}
