package org.signalanalyzer.dsp.filter;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * NumPy's median (mean of the two middle values for an even count; NaN if any value is NaN) of d or of |d − c|,
 * without modifying d. Long inputs (a trace's finest wavelet details: millions of values) are bracketed from a
 * sorted sample and only the few values inside the bracket are selected exactly, which keeps the cost at about one
 * pass over the data; the result is exact either way.
 */
final class Median {

    private static final int SAMPLE = 16_384;
    private static final int DIRECT_BELOW = 65_536;

    private Median() {}

    static double of(double[] d) {
        return compute(d, 0, false);
    }

    /** median(|d − centre|). */
    static double ofAbsoluteDeviation(double[] d, double centre) {
        return compute(d, centre, true);
    }

    private static double value(double v, double centre, boolean absolute) {
        return absolute ? Math.abs(v - centre) : v;
    }

    private static double compute(double[] d, double centre, boolean absolute) {
        int n = d.length;
        if (n == 0) throw new IllegalArgumentException("median of no values");
        for (double v : d) if (Double.isNaN(v)) return Double.NaN;
        if (Double.isNaN(centre)) return Double.NaN;
        int k = n / 2;
        if (n >= DIRECT_BELOW) {
            double m = bracketed(d, centre, absolute, k, n % 2 == 0);
            if (!Double.isNaN(m)) return m;
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = value(d[i], centre, absolute);
        return middle(v, k, n % 2 == 0);
    }

    /** The median from the values inside a bracket around rank k; NaN if the bracket missed (then the caller selects). */
    private static double bracketed(double[] d, double centre, boolean absolute, int k, boolean even) {
        int n = d.length;
        double[] sample = new double[SAMPLE];
        SplittableRandom rnd = new SplittableRandom(n);
        for (int i = 0; i < SAMPLE; i++) sample[i] = value(d[rnd.nextInt(n)], centre, absolute);
        Arrays.sort(sample);
        int margin = 4 * (int) Math.sqrt(SAMPLE);
        int at = (int) ((long) k * SAMPLE / n);
        double lo = sample[Math.max(0, at - margin)];
        double hi = sample[Math.min(SAMPLE - 1, at + margin)];
        // Branch-free counting and copying: about half of the values fall on each side, unpredictably.
        int below = 0;
        int notAbove = 0;
        for (double x : d) {
            double v = value(x, centre, absolute);
            below += v < lo ? 1 : 0;
            notAbove += v <= hi ? 1 : 0;
        }
        int inside = notAbove - below;
        int first = even ? k - 1 : k;
        if (first < below || k >= below + inside) return Double.NaN;
        double[] mid = new double[inside + 1];
        int m = 0;
        for (double x : d) {
            double v = value(x, centre, absolute);
            mid[m] = v;
            m += v >= lo & v <= hi ? 1 : 0;
        }
        return middle(Arrays.copyOf(mid, inside), k - below, even);
    }

    /** Median from rank k of v (reordered): v[k], or the mean of the largest below it and v[k] for an even count. */
    private static double middle(double[] v, int k, boolean even) {
        double upper = select(v, k);
        if (!even) return upper;
        double lower = v[0];
        for (int i = 1; i < k; i++) lower = Math.max(lower, v[i]);
        return (lower + upper) / 2;
    }

    /** The k-th smallest value by quickselect; afterwards v[0..k) ≤ v[k] ≤ v(k..n). */
    static double select(double[] v, int k) {
        int lo = 0;
        int hi = v.length - 1;
        int budget = 4 * (32 - Integer.numberOfLeadingZeros(v.length)) + 8;
        while (hi > lo) {
            if (budget-- == 0) {
                Arrays.sort(v, lo, hi + 1);
                return v[k];
            }
            int mid = (lo + hi) >>> 1;
            double a = v[lo];
            double b = v[mid];
            double c = v[hi];
            double pivot = Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (v[i] < pivot) i++;
                while (v[j] > pivot) j--;
                if (i <= j) {
                    double t = v[i];
                    v[i] = v[j];
                    v[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return v[k];
            }
        }
        return v[k];
    }
}
