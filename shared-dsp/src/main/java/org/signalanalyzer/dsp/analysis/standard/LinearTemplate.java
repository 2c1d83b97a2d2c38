package org.signalanalyzer.dsp.analysis.standard;

import org.signalanalyzer.dsp.analysis.InvalidAnalysisParameterException;

/**
 * The linear (capacitive + leak) response per mV: the mean of the small steps' responses, each relative to its own
 * pre-step level and divided by its own signed amplitude, evaluated at any time after the onset. Steps fall at
 * different phases of the sampling grid, so each response is read by cubic interpolation at the exact time after
 * its own (fractional) onset: the template then lines up with the V2 step sample by sample.
 */
public final class LinearTemplate {

    /** Samples beyond a fractional position that the cubic interpolation reads. */
    static final int STENCIL_REACH = 2;

    private final double[] x;
    private final double[] crossings;
    private final double[] levels;
    private final double[] amplitudesMv;

    LinearTemplate(double[] x, double[] crossings, double[] levels, double[] amplitudesMv) {
        this.x = x;
        this.crossings = crossings.clone();
        this.levels = levels.clone();
        this.amplitudesMv = amplitudesMv.clone();
        for (double a : amplitudesMv) {
            if (a == 0) throw new InvalidAnalysisParameterException("v1Mv", "a small step has no amplitude");
        }
    }

    /** pA/mV at {@code tauSamples} sample intervals after the onset (negative: before it). */
    public double at(double tauSamples) {
        double s = 0;
        for (int k = 0; k < crossings.length; k++) {
            s += (interpolate(x, crossings[k] + tauSamples) - levels[k]) / amplitudesMv[k];
        }
        return s / crossings.length;
    }

    /** One small step's own response per mV (for the normalized display curve). */
    public double stepAt(int k, double tauSamples) {
        return (interpolate(x, crossings[k] + tauSamples) - levels[k]) / amplitudesMv[k];
    }

    /** Four-point (cubic Lagrange) interpolation of x at a fractional index; exact at whole indices. */
    static double interpolate(double[] x, double p) {
        int i = (int) Math.floor(p);
        double f = p - i;
        if (f == 0 && i >= 0 && i < x.length) return x[i];
        if (i < 1 || i + 2 >= x.length) {
            int a = Math.max(0, Math.min(x.length - 2, i));
            double g = p - a;
            return x[a] + (x[a + 1] - x[a]) * g;
        }
        double xm = x[i - 1];
        double x0 = x[i];
        double x1 = x[i + 1];
        double x2 = x[i + 2];
        return -f * (f - 1) * (f - 2) / 6 * xm
                + (f + 1) * (f - 1) * (f - 2) / 2 * x0
                - (f + 1) * f * (f - 2) / 2 * x1
                + (f + 1) * f * (f - 1) / 6 * x2;
    }
}
