package org.signalanalyzer.dsp.analysis.desktop;

import org.signalanalyzer.dsp.analysis.NumpyMath;

/**
 * docs/desktop-conventions.md#piecewise-baseline (kept for parity only: it treats steps differently, so standard mode does not use it): split the
 * trace at sharp jumps, subtract each segment's median from its quieter end, and ramp the 10 samples before each
 * segment into it.
 */
public final class PiecewiseBaseline {

    /** Samples at each segment end used for its level, and the shortest segment the desktop will close. */
    static final int END_WINDOW = 50;

    static final int RAMP = 10;

    private PiecewiseBaseline() {}

    /** Applies the normalisation to {@code x} in place; returns the number of segments. */
    public static int applyInPlace(double[] x) {
        int n = x.length;
        if (n < 2) return 0;
        double thr = 3 * NumpyMath.std(NumpyMath.diff(x));
        int[] starts = new int[n / (END_WINDOW + 1) + 2];
        int[] ends = new int[starts.length];
        int count = 0;
        int s = 0;
        for (int i = 1; i < n; i++) {
            if (Math.abs(x[i] - x[i - 1]) > thr && i + 1 < n && Math.abs(x[i + 1] - x[i]) > thr && i - s > END_WINDOW) {
                starts[count] = s;
                ends[count++] = i;
                s = i + 1;
            }
        }
        if (s < n - END_WINDOW) {
            starts[count] = s;
            ends[count++] = n;
        }
        for (int k = 0; k < count; k++) normalise(x, starts[k], ends[k]);
        return count;
    }

    private static void normalise(double[] x, int a, int b) {
        int preEnd = Math.min(a + END_WINDOW, b);
        int postStart = Math.max(a, b - END_WINDOW);
        if (preEnd > a && b > postStart) {
            double offset = NumpyMath.std(x, a, preEnd) < NumpyMath.std(x, postStart, b)
                    ? NumpyMath.median(x, a, preEnd)
                    : NumpyMath.median(x, postStart, b);
            for (int i = a; i < b; i++) x[i] -= offset;
        }
        if (a > 0) {
            int k = Math.min(RAMP, a);
            double left = x[a - k];
            double right = x[a];
            for (int j = 0; j < k; j++) {
                double w = linspaceWeight(j, k);
                x[a - k + j] = w * right + (1 - w) * left;
            }
        }
    }

    /** {@code np.linspace(0, 1, k)[j]}: j·(1/(k−1)), the last exactly 1. */
    private static double linspaceWeight(int j, int k) {
        if (k == 1) return 0.0;
        if (j == k - 1) return 1.0;
        return j * (1.0 / (k - 1));
    }
}
