package org.signalanalyzer.dsp.analysis.desktop;

import java.util.Arrays;
import org.signalanalyzer.dsp.analysis.NumpyMath;

/**
 * docs/desktop-conventions.md#initial-baseline: a robust level of the first min(⌊t0·fs/1000⌋, 1000) samples: the median of the samples within
 * 3 population SDs (strictly) of the window's median.
 */
public final class InitialBaseline {

    /** The desktop caps the window at 1000 samples (10 ms at 100 kHz). */
    public static final int MAX_WINDOW = 1000;

    private InitialBaseline() {}

    /** The baseline in the trace's unit; {@code fs} must be the desktop's computed rate, not the nominal one. */
    public static double estimate(double[] x, double fs, double t0Ms) {
        int w = (int) Math.min(Math.min(Math.floor(t0Ms * fs / 1000), MAX_WINDOW), x.length);
        if (w < 1) return NumpyMath.median(x);
        double m = NumpyMath.median(x, 0, w);
        double s = NumpyMath.std(x, 0, w);
        double[] kept = new double[w];
        int k = 0;
        for (int i = 0; i < w; i++) if (Math.abs(x[i] - m) < 3 * s) kept[k++] = x[i];
        if (k == 0) return m;
        return NumpyMath.medianInPlace(Arrays.copyOf(kept, k));
    }

    /** processed = x − baseline, as a new array. */
    public static double[] subtract(double[] x, double baseline) {
        double[] p = new double[x.length];
        for (int i = 0; i < x.length; i++) p[i] = x[i] - baseline;
        return p;
    }
}
