package org.signalanalyzer.dsp.analysis.desktop;

import java.util.Arrays;
import org.signalanalyzer.dsp.analysis.Curve;

/**
 * docs/desktop-conventions.md#normalized-curve, the "dark blue" curve: four 200-point orange segments from the starting point n, the hyperpol ones
 * (1 and 3) divided by −20 and the depol ones by +20. The 20 mV is hard-coded in the desktop (not V1 − V0) and
 * kept for parity. Unit pA/mV.
 */
public final class NormalizedCurve {

    public static final int SEGMENT = 200;
    static final int SEGMENTS = 4;
    static final double DESKTOP_STEP_MV = 20;

    private NormalizedCurve() {}

    public static Curve of(Curve orange, int n) {
        double[] o = orange.values();
        double[] ot = orange.timesS();
        double[] v = new double[SEGMENTS * SEGMENT];
        double[] t = new double[SEGMENTS * SEGMENT];
        int len = 0;
        for (int s = 0; s < SEGMENTS; s++) {
            int start = n + s * SEGMENT;
            int endInclusive = start + SEGMENT - 1;
            if (endInclusive >= o.length) continue; // the desktop skips a segment that runs off the curve
            double divisor = s % 2 == 0 ? -DESKTOP_STEP_MV : DESKTOP_STEP_MV;
            for (int i = start; i <= endInclusive; i++) {
                v[len] = o[i] / divisor;
                t[len++] = ot[i];
            }
        }
        return new Curve(Arrays.copyOf(v, len), Arrays.copyOf(t, len));
    }
}
