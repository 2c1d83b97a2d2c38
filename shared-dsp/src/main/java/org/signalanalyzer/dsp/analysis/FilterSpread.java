package org.signalanalyzer.dsp.analysis;

import org.signalanalyzer.dsp.filter.FilterChain;

/**
 * How far ahead of a step a zero-phase chain spreads it: the chain's impulse response is measured (rather than
 * derived per filter type), and its leading part above 1e-4 of the peak counts. Standard mode starts each purple
 * curve, and the default integration window, that far before the onset so no charge is cut off.
 */
public final class FilterSpread {

    static final double PROBE_HALF_S = 20e-3;
    static final double THRESHOLD = 1e-4;

    private FilterSpread() {}

    public static int samplesBefore(FilterChain chain, double fs) {
        if (chain.steps().isEmpty()) return 0;
        int half = Math.max(64, (int) Math.round(PROBE_HALF_S * fs));
        double[] impulse = new double[2 * half + 1];
        impulse[half] = 1;
        double[] h = chain.apply(impulse, fs);
        double peak = 0;
        for (double v : h) peak = Math.max(peak, Math.abs(v));
        int first = half;
        for (int i = 0; i < half; i++) {
            if (Math.abs(h[i]) > THRESHOLD * peak) {
                first = i;
                break;
            }
        }
        return half - first;
    }
}
