package org.signalanalyzer.dsp.filter;

import java.util.Arrays;

/**
 * Applying IIR filters as SciPy does: {@code lfilter} (transposed direct form II), {@code sosfilt}, the zero-phase
 * {@code filtfilt} / {@code sosfiltfilt} (odd extension at both ends, steady-state initial conditions), and the
 * desktop's own zero-phase pass. Every method returns a new array of the input's length.
 */
public final class IirFiltering {

    private IirFiltering() {}

    /** SciPy {@code lfilter(b, a, x)} with zero initial state. */
    public static double[] lfilter(double[] b, double[] a, double[] x) {
        double[] y = x.clone();
        lfilterInPlace(normalised(b, a), y, null, false);
        return y;
    }

    /** SciPy {@code sosfilt(sos, x)} with zero initial state. */
    public static double[] sosfilt(double[][] sos, double[] x) {
        validateSos(sos);
        double[] y = x.clone();
        sosfiltInPlace(sos, y, new double[sos.length][2], 1.0, false);
        return y;
    }

    /**
     * SciPy {@code filtfilt(b, a, x)} with its defaults: odd extension by 3·max(len(a), len(b)) samples at each
     * end, and {@link #lfilterZi} initial conditions scaled by the first value of each pass.
     */
    public static double[] filtfilt(double[] b, double[] a, double[] x) {
        double[][] ba = normalised(b, a);
        int edge = 3 * Math.max(a.length, b.length);
        double[] ext = oddExtension(x, edge, "filtfilt");
        double[] zi = lfilterZi(ba[0], ba[1]);
        lfilterInPlace(ba, ext, scaled(zi, ext[0]), false);
        lfilterInPlace(ba, ext, scaled(zi, ext[ext.length - 1]), true);
        return Arrays.copyOfRange(ext, edge, edge + x.length);
    }

    /**
     * SciPy {@code sosfiltfilt(sos, x)} with its defaults: odd extension by 3·ntaps samples, ntaps =
     * 2·sections + 1 − min(number of sections with b2 = 0, number with a2 = 0), and {@link #sosfiltZi} initial
     * conditions.
     */
    public static double[] sosfiltfilt(double[][] sos, double[] x) {
        validateSos(sos);
        int zeroB2 = 0;
        int zeroA2 = 0;
        for (double[] s : sos) {
            if (s[2] == 0) zeroB2++;
            if (s[5] == 0) zeroA2++;
        }
        int ntaps = 2 * sos.length + 1 - Math.min(zeroB2, zeroA2);
        int edge = 3 * ntaps;
        double[] ext = oddExtension(x, edge, "sosfiltfilt");
        double[][] zi = sosfiltZi(sos);
        sosfiltInPlace(sos, ext, zi, ext[0], false);
        sosfiltInPlace(sos, ext, zi, ext[ext.length - 1], true);
        return Arrays.copyOfRange(ext, edge, edge + x.length);
    }

    /**
     * The desktop's zero-phase pass: the section cascade forward with zero state, then over the time-reversed
     * output with zero state, reversed back. No padding and no steady-state start, so both ends carry start-up
     * transients (kept for parity with the desktop's numbers).
     */
    public static double[] desktopZeroPhase(double[][] sos, double[] x) {
        validateSos(sos);
        double[] y = x.clone();
        double[][] zero = new double[sos.length][2];
        sosfiltInPlace(sos, y, zero, 1.0, false);
        sosfiltInPlace(sos, y, zero, 1.0, true);
        return y;
    }

    /** SciPy {@code lfilter_zi}: the state of a step response at steady state (a normalised to a[0] = 1). */
    public static double[] lfilterZi(double[] b, double[] a) {
        double[][] ba = normalised(b, a);
        double[] bn = ba[0];
        double[] an = ba[1];
        int n = bn.length;
        if (n < 2) return new double[0];
        // zi = A·zi + B with A the transposed companion matrix of a: (I − A)·zi = B.
        double[][] m = new double[n - 1][n];
        for (int i = 0; i < n - 1; i++) {
            m[i][i] += 1;
            m[i][0] += an[i + 1];
            if (i + 1 < n - 1) m[i][i + 1] -= 1;
            m[i][n - 1] = bn[i + 1] - an[i + 1] * bn[0];
        }
        return LinearSystem.solveAugmented(m);
    }

    /** SciPy {@code sosfilt_zi}: per-section steady-state states for a unit step through the cascade. */
    public static double[][] sosfiltZi(double[][] sos) {
        validateSos(sos);
        double[][] zi = new double[sos.length][];
        double scale = 1.0;
        for (int s = 0; s < sos.length; s++) {
            double[] b = {sos[s][0], sos[s][1], sos[s][2]};
            double[] a = {sos[s][3], sos[s][4], sos[s][5]};
            zi[s] = scaled(lfilterZi(b, a), scale);
            scale *= (b[0] + b[1] + b[2]) / (a[0] + a[1] + a[2]);
        }
        return zi;
    }

    /** b and a divided by a[0], zero-padded to a common length: {b, a}. */
    private static double[][] normalised(double[] b, double[] a) {
        if (b.length == 0 || a.length == 0)
            throw new IllegalArgumentException("filter coefficients b and a must not be empty");
        int lead = 0;
        while (lead < a.length - 1 && a[lead] == 0) lead++;
        double a0 = a[lead];
        if (a0 == 0) throw new IllegalArgumentException("filter denominator a is all zeros");
        int n = Math.max(b.length, a.length - lead);
        double[] bn = new double[n];
        double[] an = new double[n];
        for (int i = 0; i < b.length; i++) bn[i] = b[i] / a0;
        for (int i = lead; i < a.length; i++) an[i - lead] = a[i] / a0;
        return new double[][] {bn, an};
    }

    /**
     * Transposed direct form II over y in place, first to last sample or (backward) last to first, which equals
     * filtering the time-reversed signal and reversing the result, without the two reversals. zi (may be null) is
     * the initial state.
     */
    private static void lfilterInPlace(double[][] ba, double[] y, double[] zi, boolean backward) {
        double[] b = ba[0];
        double[] a = ba[1];
        int n = b.length;
        int len = y.length;
        if (n == 1) {
            for (int i = 0; i < len; i++) y[i] *= b[0];
            return;
        }
        if (n == 3) {
            if (backward) lfilter2Backward(b, a, y, zi);
            else lfilter2(b, a, y, zi);
            return;
        }
        double[] z = zi == null ? new double[n - 1] : zi.clone();
        for (int step = 0; step < len; step++) {
            int i = backward ? len - 1 - step : step;
            double xn = y[i];
            double yn = z[0] + b[0] * xn;
            for (int k = 0; k < n - 2; k++) z[k] = z[k + 1] + xn * b[k + 1] - yn * a[k + 1];
            z[n - 2] = xn * b[n - 1] - yn * a[n - 1];
            y[i] = yn;
        }
    }

    /** The order-2 case unrolled: the state stays in registers. */
    private static void lfilter2(double[] b, double[] a, double[] y, double[] zi) {
        double b0 = b[0], b1 = b[1], b2 = b[2], a1 = a[1], a2 = a[2];
        double z0 = zi == null ? 0 : zi[0];
        double z1 = zi == null ? 0 : zi[1];
        for (int i = 0; i < y.length; i++) {
            double xn = y[i];
            double yn = z0 + b0 * xn;
            z0 = z1 + xn * b1 - yn * a1;
            z1 = xn * b2 - yn * a2;
            y[i] = yn;
        }
    }

    private static void lfilter2Backward(double[] b, double[] a, double[] y, double[] zi) {
        double b0 = b[0], b1 = b[1], b2 = b[2], a1 = a[1], a2 = a[2];
        double z0 = zi == null ? 0 : zi[0];
        double z1 = zi == null ? 0 : zi[1];
        for (int i = y.length - 1; i >= 0; i--) {
            double xn = y[i];
            double yn = z0 + b0 * xn;
            z0 = z1 + xn * b1 - yn * a1;
            z1 = xn * b2 - yn * a2;
            y[i] = yn;
        }
    }

    /**
     * The section cascade over y in place (backward: last to first sample, see {@link #lfilterInPlace}); zi[s] is
     * section s's initial state, multiplied by zScale. Section by section over the whole signal: each sample sees
     * the same operations in the same order as SciPy's sample-by-sample loop.
     */
    private static void sosfiltInPlace(double[][] sos, double[] y, double[][] zi, double zScale, boolean backward) {
        for (int s = 0; s < sos.length; s++) {
            double[] c = sos[s];
            double b0 = c[0], b1 = c[1], b2 = c[2], a1 = c[4], a2 = c[5];
            double z0 = zi[s][0] * zScale;
            double z1 = zi[s][1] * zScale;
            if (backward) {
                for (int i = y.length - 1; i >= 0; i--) {
                    double xn = y[i];
                    double yn = b0 * xn + z0;
                    z0 = b1 * xn - a1 * yn + z1;
                    z1 = b2 * xn - a2 * yn;
                    y[i] = yn;
                }
            } else {
                for (int i = 0; i < y.length; i++) {
                    double xn = y[i];
                    double yn = b0 * xn + z0;
                    z0 = b1 * xn - a1 * yn + z1;
                    z1 = b2 * xn - a2 * yn;
                    y[i] = yn;
                }
            }
        }
    }

    private static void validateSos(double[][] sos) {
        if (sos.length == 0) throw new IllegalArgumentException("second-order sections must not be empty");
        for (int s = 0; s < sos.length; s++) {
            if (sos[s].length != 6) {
                throw new IllegalArgumentException(
                        "second-order section " + s + " must have 6 coefficients, got " + sos[s].length);
            }
            if (sos[s][3] != 1.0) {
                throw new IllegalArgumentException("second-order section " + s + " must have a0 = 1, got " + sos[s][3]);
            }
        }
    }

    /** SciPy {@code odd_ext}: 2·x[0] − x[edge..1] before, 2·x[n−1] − x[n−2..n−1−edge] after. */
    private static double[] oddExtension(double[] x, int edge, String what) {
        int n = x.length;
        if (n <= edge) {
            throw new IllegalArgumentException(
                    what + " needs more than " + edge + " samples (its padding length), got " + n);
        }
        double[] ext = new double[n + 2 * edge];
        double first = x[0];
        double last = x[n - 1];
        for (int i = 0; i < edge; i++) ext[i] = 2 * first - x[edge - i];
        System.arraycopy(x, 0, ext, edge, n);
        for (int i = 0; i < edge; i++) ext[edge + n + i] = 2 * last - x[n - 2 - i];
        return ext;
    }

    private static double[] scaled(double[] v, double s) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) out[i] = v[i] * s;
        return out;
    }
}
