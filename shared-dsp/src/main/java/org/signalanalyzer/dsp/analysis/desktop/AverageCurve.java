package org.signalanalyzer.dsp.analysis.desktop;

import java.util.Arrays;
import org.signalanalyzer.dsp.analysis.Curve;
import org.signalanalyzer.dsp.analysis.InvalidAnalysisParameterException;

/**
 * docs/desktop-conventions.md#average-curve, the "magenta" curve: the pointwise mean of the normalized curve's four quarters, i.e. the average
 * per-mV linear response to a step. Times are those of the first quarter.
 */
public final class AverageCurve {

    private AverageCurve() {}

    public static Curve of(Curve normalized) {
        int len = normalized.length();
        if (len < NormalizedCurve.SEGMENT) {
            throw new InvalidAnalysisParameterException(
                    "startingPoint",
                    "the normalized curve has " + len
                            + " points; the average needs at least " + NormalizedCurve.SEGMENT
                            + " (the starting point leaves too little of the recording)");
        }
        int l = len / NormalizedCurve.SEGMENTS;
        double[] v = normalized.values();
        double[] avg = new double[l];
        for (int i = 0; i < l; i++) {
            // np.mean over axis 0 of four rows: added in row order, then divided.
            avg[i] = (((v[i] + v[l + i]) + v[2 * l + i]) + v[3 * l + i]) / NormalizedCurve.SEGMENTS;
        }
        return new Curve(avg, Arrays.copyOf(normalized.timesS(), l));
    }
}
