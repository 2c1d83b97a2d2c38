package org.signalanalyzer.dsp.analysis;

import java.util.Locale;

/**
 * The canonical charge rule (docs/desktop-conventions.md#integrals-and-capacitance, variant A generalised to ranges): trapezoid of a purple curve (pA)
 * over its time in seconds gives pC; C = |Q_h − Q_d| / |V2 − V0| in nF (0 when V2 = V0, as the desktop does).
 */
public final class Integrals {

    private Integrals() {}

    /** Charges and capacitance for the ranges. */
    public record Charges(IntegrationRanges ranges, double qHyperpolPc, double qDepolPc, double capacitanceNf) {}

    public static double capacitanceNf(double qH, double qD, double v0Mv, double v2Mv) {
        double dv = Math.abs(v2Mv - v0Mv);
        return dv == 0 ? 0.0 : Math.abs(qH - qD) / dv;
    }

    /** pC over [start, end) points of a curve (desktop mode); the end is clipped to the curve. */
    public static double overPoints(double[] y, double[] tS, double[] range, String which) {
        int start = (int) range[0];
        int end = (int) Math.min(range[1], y.length);
        if (start >= y.length || end - start < 2) {
            throw new InvalidAnalysisParameterException(
                    "ranges." + which,
                    "the " + which + " range [" + start + ", " + (int) range[1] + ") needs at least 2 of the curve's "
                            + y.length + " points");
        }
        return NumpyMath.trapezoid(y, tS, start, end);
    }

    /**
     * pC over the time window [onset + from, onset + to] ms (standard mode), clipped to the curve: trapezoid over
     * the samples inside, with the curve interpolated linearly at both window edges, so the charge does not depend
     * on where the window falls between samples.
     */
    public static double overWindow(double[] y, double[] tS, double onsetS, double[] rangeMs, String which) {
        int n = y.length;
        double a = Math.max(onsetS + rangeMs[0] / 1000, n == 0 ? 0 : tS[0]);
        double b = Math.min(onsetS + rangeMs[1] / 1000, n == 0 ? 0 : tS[n - 1]);
        if (n < 2 || !(b > a)) {
            double lastMs = n == 0 ? 0 : (tS[n - 1] - onsetS) * 1000;
            throw new InvalidAnalysisParameterException(
                    "ranges." + which,
                    String.format(
                            Locale.ROOT,
                            "the %s window [%g, %g] ms lies outside the curve, which covers up to %g ms after the onset",
                            which,
                            rangeMs[0],
                            rangeMs[1],
                            lastMs));
        }
        int i = 0;
        while (i + 1 < n && tS[i + 1] <= a) i++;
        double prevT = a;
        double prevY = linear(y, tS, i, a);
        double q = 0;
        for (int k = i + 1; k < n && tS[k] < b; k++) {
            q += (tS[k] - prevT) * (y[k] + prevY) / 2;
            prevT = tS[k];
            prevY = y[k];
        }
        int j = i;
        while (j + 1 < n && tS[j + 1] < b) j++;
        q += (b - prevT) * (linear(y, tS, j, b) + prevY) / 2;
        return q;
    }

    private static double linear(double[] y, double[] tS, int i, double t) {
        if (i + 1 >= y.length) return y[y.length - 1];
        double f = (t - tS[i]) / (tS[i + 1] - tS[i]);
        return y[i] + (y[i + 1] - y[i]) * f;
    }

    /** The integrals of a stored result over new ranges, without rerunning anything. */
    public static Charges of(AnalysisResult r, IntegrationRanges ranges) {
        double qH;
        double qD;
        if (r.mode() == AnalysisMode.DESKTOP) {
            if (ranges.unit() != IntegrationRanges.Unit.POINTS) {
                throw new InvalidAnalysisParameterException(
                        "ranges",
                        "a desktop-mode result is integrated over " + "[start, end) purple-curve points, not "
                                + ranges.unit().label());
            }
            qH = overPoints(r.purpleHyperpol(), r.purpleHyperpolTimesS(), ranges.hyperpol(), "hyperpol");
            qD = overPoints(r.purpleDepol(), r.purpleDepolTimesS(), ranges.depol(), "depol");
        } else {
            if (ranges.unit() != IntegrationRanges.Unit.MS) {
                throw new InvalidAnalysisParameterException(
                        "ranges",
                        "a standard-mode result is integrated over " + "time windows in ms after each onset, not "
                                + ranges.unit().label());
            }
            qH = overWindow(
                    r.purpleHyperpol(), r.purpleHyperpolTimesS(), r.hyperpolOnsetS(), ranges.hyperpol(), "hyperpol");
            qD = overWindow(r.purpleDepol(), r.purpleDepolTimesS(), r.depolOnsetS(), ranges.depol(), "depol");
        }
        return new Charges(ranges, qH, qD, capacitanceNf(qH, qD, r.v0Mv(), r.v2Mv()));
    }

    /** {@code r} with its integrals recomputed over {@code ranges}. */
    public static AnalysisResult recompute(AnalysisResult r, IntegrationRanges ranges) {
        Charges c = of(r, ranges);
        return r.withIntegrals(ranges, c.qHyperpolPc(), c.qDepolPc(), c.capacitanceNf());
    }
}
