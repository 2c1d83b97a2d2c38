package org.signalanalyzer.dsp.analysis.desktop;

import org.signalanalyzer.dsp.analysis.NumpyMath;

/**
 * docs/desktop-conventions.md#automatic-starting-point's score of a purple curve: (s1 + s2 + p) / 3 clipped to [0, 1], with s_k = 1/(1 + ln(1 + Var of
 * the k-th difference)). The outstanding-points term p is fixed at 1: the desktop's counter always fails and
 * returns 0 points, and parity keeps that effective behaviour.
 */
public final class SmoothnessScore {

    static final double OUTSTANDING_POINTS_TERM = 1.0;

    private SmoothnessScore() {}

    public static double of(double[] c) {
        double[] d1 = NumpyMath.diff(c);
        double[] d2 = NumpyMath.diff(d1);
        double s1 = 1 / (1 + Math.log(1 + NumpyMath.variance(d1)));
        double s2 = 1 / (1 + Math.log(1 + NumpyMath.variance(d2)));
        double s = (s1 + s2 + OUTSTANDING_POINTS_TERM) / 3;
        return Math.max(0, Math.min(1, s));
    }
}
