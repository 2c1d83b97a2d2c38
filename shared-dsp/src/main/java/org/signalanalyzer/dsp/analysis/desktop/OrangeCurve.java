package org.signalanalyzer.dsp.analysis.desktop;

import org.signalanalyzer.dsp.analysis.Curve;
import org.signalanalyzer.dsp.analysis.NumpyMath;

/**
 * docs/desktop-conventions.md#orange-curve, the "50-point average": means of non-overlapping blocks from index 0 (the last block may be
 * shorter and is kept). At 100 kHz one point is 0.5 ms.
 */
public final class OrangeCurve {

    public static final int DESKTOP_BLOCK = 50;

    private OrangeCurve() {}

    public static Curve of(double[] x, double[] t, int block) {
        int n = (x.length + block - 1) / block;
        double[] v = new double[n];
        double[] vt = new double[n];
        for (int k = 0; k < n; k++) {
            int from = k * block;
            int to = Math.min(from + block, x.length);
            v[k] = NumpyMath.mean(x, from, to);
            vt[k] = NumpyMath.mean(t, from, to);
        }
        return new Curve(v, vt);
    }
}
