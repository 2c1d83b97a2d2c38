package org.signalanalyzer.dsp.analysis.desktop;

import org.signalanalyzer.dsp.analysis.Curve;
import org.signalanalyzer.dsp.analysis.InvalidAnalysisParameterException;

/**
 * docs/desktop-conventions.md#purple-curves, the "modified peaks": the V2 step's ON response (orange[n+800, n+999)) minus the average linear
 * response scaled by |V2 − V0|, and its OFF response (orange[n+1000, n+1199)) plus it. End-exclusive slices, so
 * 199 points each (a desktop off-by-one kept for parity).
 */
public record PurpleCurves(Curve hyperpol, Curve depol) {

    public static final int LENGTH = 199;
    static final int DEPOL_OFFSET = 800;
    static final int HYPERPOL_OFFSET = 1000;

    /** Orange points the desktop needs from the starting point n. */
    public static int orangePointsNeeded(int n) {
        return n + HYPERPOL_OFFSET + LENGTH;
    }

    public static PurpleCurves of(Curve orange, Curve average, int n, double v0Mv, double v2Mv) {
        if (orange.length() < orangePointsNeeded(n)) {
            throw new InvalidAnalysisParameterException(
                    "startingPoint",
                    "the purple curves need orange points up "
                            + "to index " + (orangePointsNeeded(n) - 1) + " for starting point " + n
                            + ", but the orange "
                            + "curve has " + orange.length() + " (short by " + (orangePointsNeeded(n) - orange.length())
                            + " points of 0.5 ms)");
        }
        double[] a = average.values();
        double factor = Math.abs(v2Mv - v0Mv);
        double[] scaled = new double[LENGTH];
        for (int i = 0; i < LENGTH; i++) scaled[i] = (i < a.length ? a[i] : a[a.length - 1]) * factor;
        double[] o = orange.values();
        double[] ot = orange.timesS();
        double[] depol = new double[LENGTH];
        double[] hyper = new double[LENGTH];
        double[] depolT = new double[LENGTH];
        double[] hyperT = new double[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            depol[i] = o[n + DEPOL_OFFSET + i] - scaled[i];
            depolT[i] = ot[n + DEPOL_OFFSET + i];
            hyper[i] = o[n + HYPERPOL_OFFSET + i] + scaled[i];
            hyperT[i] = ot[n + HYPERPOL_OFFSET + i];
        }
        return new PurpleCurves(new Curve(hyper, hyperT), new Curve(depol, depolT));
    }
}
