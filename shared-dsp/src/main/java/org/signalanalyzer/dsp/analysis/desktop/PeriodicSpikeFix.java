package org.signalanalyzer.dsp.analysis.desktop;

import org.signalanalyzer.dsp.analysis.NumpyMath;

/**
 * docs/desktop-conventions.md#spike-fix (parity only): from the first jump of more than 4 SDs in the orange curve's first difference, every
 * 200 points, flatten three points to their predecessors. It removes the step transients' first block, which is
 * why standard mode does not use it.
 */
public final class PeriodicSpikeFix {

    static final int MIN_LENGTH = 201;
    static final int PERIOD = 200;
    static final double THRESHOLD_SDS = 4;

    private PeriodicSpikeFix() {}

    /** The fixed curve (a new array); {@code old} is left as it was. */
    public static double[] apply(double[] old) {
        int len = old.length;
        if (len < MIN_LENGTH) return old.clone();
        double[] d = NumpyMath.diff(old);
        double mu = NumpyMath.mean(d);
        double sigma = NumpyMath.std(d);
        int first = -1;
        for (int i = 0; i < d.length; i++) {
            if (Math.abs(d[i] - mu) > THRESHOLD_SDS * sigma) {
                first = i;
                break;
            }
        }
        double[] fixed = old.clone();
        if (first < 0) return fixed;
        for (int p = first; ; p += PERIOD) {
            if (p > 0 && p < len - 1) {
                fixed[p] = old[p - 1];
                if (p > 1 && p < len - 2) {
                    fixed[p - 1] = old[p - 2];
                    fixed[p + 1] = fixed[p];
                }
            }
            if (p + PERIOD >= len) break;
        }
        return fixed;
    }
}
