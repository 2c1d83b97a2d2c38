package org.signalanalyzer.dsp.analysis;

import java.util.Arrays;

/**
 * The few NumPy reductions the desktop analysis uses, with NumPy's exact arithmetic, because desktop parity is
 * checked to 1e-9 and a different summation order changes the last bits (and through thresholds, whole segments).
 */
public final class NumpyMath {

    /** NumPy's pairwise summation block: below it, eight interleaved partial sums. */
    private static final int PAIRWISE_BLOCK = 128;

    private NumpyMath() {}

    /** {@code np.add.reduce(a[from:to])}: NumPy's pairwise summation of a contiguous slice. */
    static double sum(double[] a, int from, int to) {
        int n = to - from;
        if (n < 8) {
            // NumPy starts this short loop from -0.0, so a sum of nothing but -0.0 stays -0.0.
            double res = -0.0;
            for (int i = from; i < to; i++) res += a[i];
            return res;
        }
        if (n <= PAIRWISE_BLOCK) {
            double r0 = a[from], r1 = a[from + 1], r2 = a[from + 2], r3 = a[from + 3];
            double r4 = a[from + 4], r5 = a[from + 5], r6 = a[from + 6], r7 = a[from + 7];
            int i = from + 8;
            int end8 = from + n - n % 8;
            for (; i < end8; i += 8) {
                r0 += a[i];
                r1 += a[i + 1];
                r2 += a[i + 2];
                r3 += a[i + 3];
                r4 += a[i + 4];
                r5 += a[i + 5];
                r6 += a[i + 6];
                r7 += a[i + 7];
            }
            double res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (; i < to; i++) res += a[i];
            return res;
        }
        int n2 = n / 2;
        n2 -= n2 % 8;
        return sum(a, from, from + n2) + sum(a, from + n2, to);
    }

    static double sum(double[] a) {
        return sum(a, 0, a.length);
    }

    /** {@code np.mean(a[from:to])}. */
    public static double mean(double[] a, int from, int to) {
        return sum(a, from, to) / (to - from);
    }

    public static double mean(double[] a) {
        return mean(a, 0, a.length);
    }

    /** {@code np.var(a[from:to])}, ddof 0: mean first, then the pairwise sum of squared deviations. */
    public static double variance(double[] a, int from, int to) {
        int n = to - from;
        double m = mean(a, from, to);
        double[] sq = new double[n];
        for (int i = 0; i < n; i++) {
            double d = a[from + i] - m;
            sq[i] = d * d;
        }
        return sum(sq, 0, n) / n;
    }

    public static double variance(double[] a) {
        return variance(a, 0, a.length);
    }

    /** {@code np.std(a[from:to])}, ddof 0. */
    public static double std(double[] a, int from, int to) {
        return Math.sqrt(variance(a, from, to));
    }

    public static double std(double[] a) {
        return std(a, 0, a.length);
    }

    /** {@code np.median(a[from:to])}: the middle value, or the mean of the two middle values for an even count. */
    public static double median(double[] a, int from, int to) {
        double[] s = Arrays.copyOfRange(a, from, to);
        return medianInPlace(s);
    }

    public static double median(double[] a) {
        return median(a, 0, a.length);
    }

    /** Median of {@code s}, which it reorders. */
    public static double medianInPlace(double[] s) {
        int n = s.length;
        if (n == 0) throw new IllegalArgumentException("the median of nothing is undefined");
        Arrays.sort(s);
        if (n % 2 == 1) return s[n / 2];
        return (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    /** {@code np.diff(a)}. */
    public static double[] diff(double[] a) {
        if (a.length < 2) return new double[0];
        double[] d = new double[a.length - 1];
        for (int i = 0; i < d.length; i++) d[i] = a[i + 1] - a[i];
        return d;
    }

    /** {@code np.trapezoid(y[from:to], x[from:to])}: add.reduce(diff(x) · (y[1:] + y[:-1]) / 2). */
    static double trapezoid(double[] y, double[] x, int from, int to) {
        int n = to - from;
        if (n < 2) return 0.0;
        double[] terms = new double[n - 1];
        for (int i = 0; i < n - 1; i++) {
            int k = from + i;
            terms[i] = (x[k + 1] - x[k]) * (y[k + 1] + y[k]) / 2.0;
        }
        return sum(terms, 0, n - 1);
    }
}
