package org.signalanalyzer.dsp.filter;

import java.util.ArrayList;
import java.util.List;

/**
 * Multilevel discrete wavelet transform and its inverse with PyWavelets' {@code symmetric} signal extension
 * (half-sample symmetric: ... x1 x0 | x0 x1 ... x(n-1) | x(n-1) x(n-2) ...): {@code wavedec} / {@code waverec}.
 * A level of n samples gives floor((n + L − 1)/2) coefficients, L the filter length, as PyWavelets does.
 */
public final class Dwt {

    private Dwt() { }

    /** PyWavelets {@code dwt_max_level}: the deepest level without boundary effects everywhere. */
    public static int maxLevel(int n, int filterLength) {
        if (n < filterLength - 1) return 0;
        return (int) Math.floor(Math.log((double) n / (filterLength - 1)) / Math.log(2));
    }

    /** {@code wavedec(x, w, level, mode='symmetric')}: [cA_level, cD_level, ..., cD_1]. */
    public static List<double[]> decompose(double[] x, Wavelet w, int level) {
        if (level < 1) throw new IllegalArgumentException("wavelet level must be >= 1, got " + level);
        if (x.length < 1) throw new IllegalArgumentException("wavelet transform of an empty signal");
        List<double[]> details = new ArrayList<>();
        double[] a = x;
        for (int l = 0; l < level; l++) {
            int outLen = (a.length + w.length() - 1) / 2;
            double[] ca = new double[outLen];
            double[] cd = new double[outLen];
            analyse(a, w.decLo(), w.decHi(), ca, cd);
            details.add(0, cd);
            a = ca;
        }
        details.add(0, a);
        return details;
    }

    /** {@code waverec(coeffs, w, mode='symmetric')}. */
    public static double[] reconstruct(List<double[]> coeffs, Wavelet w) {
        double[] a = coeffs.get(0);
        for (int l = 1; l < coeffs.size(); l++) {
            double[] d = coeffs.get(l);
            if (a.length == d.length + 1) {
                a = java.util.Arrays.copyOf(a, d.length);
            } else if (a.length != d.length) {
                throw new IllegalArgumentException("wavelet coefficient lengths do not match at level " + l + ": "
                        + a.length + " approximation vs " + d.length + " detail");
            }
            a = synthesise(a, d, w.recLo(), w.recHi());
        }
        return a;
    }

    /** One level: out[o] = sum_j f[j]·x̃[2o + 1 − j], x̃ the symmetric extension of x. */
    private static void analyse(double[] x, double[] lo, double[] hi, double[] ca, double[] cd) {
        int n = x.length;
        int f = lo.length;
        for (int o = 0; o < ca.length; o++) {
            int i = 2 * o + 1;
            double sa = 0;
            double sd = 0;
            if (i - f + 1 >= 0 && i < n) {
                for (int j = 0; j < f; j++) {
                    double v = x[i - j];
                    sa += lo[j] * v;
                    sd += hi[j] * v;
                }
            } else {
                for (int j = 0; j < f; j++) {
                    double v = x[symmetricIndex(i - j, n)];
                    sa += lo[j] * v;
                    sd += hi[j] * v;
                }
            }
            ca[o] = sa;
            cd[o] = sd;
        }
    }

    private static int symmetricIndex(int i, int n) {
        int k = Math.floorMod(i, 2 * n);
        return k < n ? k : 2 * n - 1 - k;
    }

    /** PyWavelets {@code idwt} ('valid' upsampling convolution): 2·n − L + 2 samples from n of each. */
    private static double[] synthesise(double[] a, double[] d, double[] lo, double[] hi) {
        int n = a.length;
        int f = lo.length;
        int half = f / 2;
        if (n < half) {
            throw new IllegalArgumentException("wavelet reconstruction needs at least " + half
                    + " coefficients per level, got " + n);
        }
        double[] out = new double[2 * n - f + 2];
        for (int i = half - 1, o = 0; i < n; i++, o += 2) {
            double even = 0;
            double odd = 0;
            for (int j = 0; j < half; j++) {
                double va = a[i - j];
                double vd = d[i - j];
                even += lo[2 * j] * va + hi[2 * j] * vd;
                odd += lo[2 * j + 1] * va + hi[2 * j + 1] * vd;
            }
            out[o] = even;
            out[o + 1] = odd;
        }
        return out;
    }
}
