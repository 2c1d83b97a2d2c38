package org.signalanalyzer.dsp.filter;

import java.util.Locale;

/**
 * Savitzky–Golay smoothing and differentiation with SciPy {@code savgol_filter} semantics: the value (or derivative)
 * at each point of the least-squares polynomial of degree {@code polyorder} fitted over {@code window} samples.
 * The window must be odd and longer than the polynomial order; the desktop's "raise an even window by one" belongs to
 * the caller ({@link FilterChain}), not here.
 */
public final class SavitzkyGolay {

    /** What the window sees beyond the ends (SciPy's {@code mode}). */
    public enum Mode {
        /** Fit a polynomial to the first / last full window and evaluate it there (SciPy's default). */
        INTERP,
        /** Reflect about the edge sample: d c b | a b c d | c b a. */
        MIRROR,
        /** Repeat the edge sample. */
        NEAREST,
        /** Pad with a constant ({@code cval}). */
        CONSTANT,
        /** Periodic continuation. */
        WRAP;

        public static Mode parse(String name) {
            for (Mode m : values()) if (m.name().equalsIgnoreCase(name)) return m;
            throw new IllegalArgumentException("Savitzky-Golay mode '" + name
                    + "' is unknown: expected interp, mirror, nearest, constant or wrap");
        }

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The longest window: 100 times the desktop's largest (its slider stops at 101), and a convolution that still
     * takes about a second on a 220 000-sample trace.
     */
    public static final int MAX_WINDOW = 10_001;
    /**
     * The highest polynomial order (the desktop's slider stops at 5). Beyond it the monomial least squares loses
     * most of its digits, and the coefficients cost about window × order³ operations.
     */
    public static final int MAX_POLYORDER = 20;

    /** Outputs per block of the interior convolution: small enough to stay in L1/L2 cache across the taps. */
    private static final int BLOCK = 2048;

    private final int window;
    private final int polyorder;
    private final int deriv;
    private final double delta;
    private final Mode mode;
    private final double cval;
    private final double[] centre;
    /** Mode interp: rows k map the first (or last) window to the coefficients of its fitted polynomial in t. */
    private final double[][] edgeFit;

    public SavitzkyGolay(int window, int polyorder) {
        this(window, polyorder, 0, 1.0, Mode.INTERP, 0.0);
    }

    /**
     * @param delta sample spacing used to scale derivatives (SciPy's {@code delta}; 1/fs for a derivative per second)
     * @param cval  the padding value for {@link Mode#CONSTANT}
     */
    public SavitzkyGolay(int window, int polyorder, int deriv, double delta, Mode mode, double cval) {
        validate(window, polyorder, deriv, delta);
        this.window = window;
        this.polyorder = polyorder;
        this.deriv = deriv;
        this.delta = delta;
        this.mode = mode;
        this.cval = cval;
        int half = window / 2;
        this.centre = symmetrised(coefficients(window, polyorder, deriv, delta, half), deriv);
        this.edgeFit = mode == Mode.INTERP && deriv <= polyorder ? polynomialFit(window, polyorder) : null;
    }

    /**
     * Checks the parameters before anything is allocated (the coefficients take window × (polyorder + 1) doubles).
     * Callers that build the filter later (a chain step parsed from JSON) call it at once.
     */
    public static void validate(int window, int polyorder, int deriv, double delta) {
        if (window < 1 || window % 2 == 0 || window > MAX_WINDOW) {
            throw new IllegalArgumentException("Savitzky-Golay window must be a positive odd number of samples, at "
                    + "most " + MAX_WINDOW + " (and, in mode interp, at most the signal length), got " + window);
        }
        if (polyorder < 0 || polyorder > MAX_POLYORDER) {
            throw new IllegalArgumentException(
                    "Savitzky-Golay polyorder must be 0.." + MAX_POLYORDER + ", got " + polyorder);
        }
        if (polyorder >= window) {
            throw new IllegalArgumentException(
                    "Savitzky-Golay polyorder (" + polyorder + ") must be less than the window (" + window + ")");
        }
        if (deriv < 0) throw new IllegalArgumentException("Savitzky-Golay deriv must be >= 0, got " + deriv);
        if (!(delta > 0) || Double.isInfinite(delta)) {
            throw new IllegalArgumentException("Savitzky-Golay delta must be a positive finite spacing, got " + delta);
        }
    }

    public int window() {
        return window;
    }

    public int polyorder() {
        return polyorder;
    }

    public int deriv() {
        return deriv;
    }

    public double delta() {
        return delta;
    }

    public Mode mode() {
        return mode;
    }

    public double cval() {
        return cval;
    }

    /**
     * Weights w such that {@code sum_j w[j]·x[j]} is the {@code deriv}-th derivative at position {@code pos} of the
     * least-squares polynomial through x[0..window-1] (SciPy {@code savgol_coeffs(..., pos, use='dot')}): the
     * minimum-norm solution of A·w = e_deriv·deriv!/delta^deriv, A the Vandermonde rows (t - pos)^k.
     */
    public static double[] coefficients(int window, int polyorder, int deriv, double delta, double pos) {
        validate(window, polyorder, deriv, delta);
        if (deriv > polyorder) return new double[window];
        int m = polyorder + 1;
        // Scale t so the powers stay near 1: the row scaling leaves the minimum-norm solution unchanged and keeps
        // the QR well conditioned for long windows.
        double scale = Math.max(Math.abs(pos), Math.abs(window - 1 - pos));
        if (scale == 0) scale = 1;
        double[][] at = vandermonde(window, m, pos, scale);
        double[] rhs = new double[m];
        double factorial = 1;
        for (int i = 2; i <= deriv; i++) factorial *= i;
        rhs[deriv] = factorial / Math.pow(delta, deriv) / Math.pow(scale, deriv);
        return MinimumNorm.solveTransposed(at, rhs);
    }

    /** Rows ((j - pos)/scale)^k, k = 0..m-1, for j = 0..window-1. */
    private static double[][] vandermonde(int window, int m, double pos, double scale) {
        double[][] at = new double[window][m];
        for (int j = 0; j < window; j++) {
            double t = (j - pos) / scale;
            double p = 1;
            for (int k = 0; k < m; k++) {
                at[j][k] = p;
                p *= t;
            }
        }
        return at;
    }

    /**
     * The (polyorder + 1) × window matrix P with {@code P·x} the coefficients c of the least-squares polynomial
     * sum_k c_k·t^k through x[0..window-1], t = (j - half)/half: row k is the minimum-norm solution of
     * A^T·w = e_k. SciPy's interp edges fit this polynomial once and evaluate it at each edge position; one
     * weight vector per edge position instead would take window² doubles.
     */
    private static double[][] polynomialFit(int window, int polyorder) {
        int m = polyorder + 1;
        int half = window / 2;
        double scale = Math.max(half, 1);
        double[][] p = new double[m][];
        for (int k = 0; k < m; k++) {
            double[] e = new double[m];
            e[k] = 1;
            p[k] = MinimumNorm.solveTransposed(vandermonde(window, m, half, scale), e);
        }
        return p;
    }

    /**
     * Mode interp's edges: y[to + i] for i in [0, count) is the deriv-th derivative per {@code delta}, at sample
     * {@code pos + i} of the window, of the polynomial fitted to x[from..from+window-1] (see {@link #polynomialFit}).
     */
    private void fitEdge(double[] x, int from, int pos, double[] y, int to, int count) {
        // A derivative above the polynomial's order is zero, and y starts zero-filled.
        if (edgeFit == null) return;
        int m = polyorder + 1;
        int half = window / 2;
        double scale = Math.max(half, 1);
        double[] c = new double[m];
        for (int k = 0; k < m; k++) c[k] = dot(edgeFit[k], x, from);
        double perSample = Math.pow(scale * delta, deriv);
        for (int i = 0; i < count; i++) y[to + i] = derivativeAt(c, (pos + i - half) / scale) / perSample;
    }

    /** d^deriv/dt^deriv of sum_k c_k·t^k at t, by Horner's rule on the differentiated coefficients. */
    private double derivativeAt(double[] c, double t) {
        double v = 0;
        for (int k = c.length - 1; k >= deriv; k--) {
            double falling = 1;
            for (int i = 0; i < deriv; i++) falling *= k - i;
            v = v * t + falling * c[k];
        }
        return v;
    }

    /**
     * At the centre the weights are exactly symmetric (even derivative) or antisymmetric (odd derivative); the least
     * squares leaves them so only to rounding. Making it exact lets the convolution fold the taps in pairs.
     */
    private static double[] symmetrised(double[] w, int deriv) {
        int taps = w.length;
        double sign = deriv % 2 == 0 ? 1 : -1;
        double[] s = new double[taps];
        for (int j = 0; j < taps / 2; j++) {
            double v = (w[j] + sign * w[taps - 1 - j]) / 2;
            s[j] = v;
            s[taps - 1 - j] = sign * v;
        }
        s[taps / 2] = sign > 0 ? w[taps / 2] : 0;
        return s;
    }

    /** The filtered signal; same length as x. */
    public double[] apply(double[] x) {
        int n = x.length;
        double[] y = new double[n];
        if (n == 0) return y;
        int half = window / 2;
        if (mode == Mode.INTERP) {
            if (window > n) {
                throw new IllegalArgumentException(
                        "Savitzky-Golay mode interp needs window (" + window + ") <= signal length (" + n + ")");
            }
            correlate(x, 0, centre, deriv % 2 == 0, y, half, n - 2 * half);
            fitEdge(x, 0, 0, y, 0, half);
            fitEdge(x, n - window, window - half, y, n - half, half);
            return y;
        }
        double[] ext = new double[n + 2 * half];
        for (int i = 0; i < ext.length; i++) ext[i] = extended(x, i - half);
        correlate(ext, 0, centre, deriv % 2 == 0, y, 0, n);
        return y;
    }

    private static double dot(double[] w, double[] x, int from) {
        double s = 0;
        for (int j = 0; j < w.length; j++) s += w[j] * x[from + j];
        return s;
    }

    /** x[i] for any i, continued beyond the ends as scipy.ndimage does for this mode. */
    private double extended(double[] x, int i) {
        int n = x.length;
        if (i >= 0 && i < n) return x[i];
        switch (mode) {
            case CONSTANT:
                return cval;
            case NEAREST:
                return x[i < 0 ? 0 : n - 1];
            case WRAP:
                return x[Math.floorMod(i, n)];
            case MIRROR:
                if (n == 1) return x[0];
                int period = 2 * (n - 1);
                int k = Math.floorMod(i, period);
                return x[k < n ? k : period - k];
            default:
                throw new IllegalStateException("mode " + mode + " has no extension");
        }
    }

    /**
     * dst[dstFrom + k] = sum_j w[j]·src[srcFrom + k + j] for k in [0, count), w (anti)symmetric about its middle:
     * symmetric for an even derivative, antisymmetric for an odd one. Taps are folded in pairs and the outputs
     * blocked, so the inner loops vectorise and stay in cache.
     */
    static void correlate(
            double[] src, int srcFrom, double[] w, boolean symmetric, double[] dst, int dstFrom, int count) {
        int taps = w.length;
        int half = taps / 2;
        for (int b = 0; b < count; b += BLOCK) {
            int len = Math.min(BLOCK, count - b);
            int d = dstFrom + b;
            int s = srcFrom + b;
            double wc = w[half];
            int sc = s + half;
            for (int k = 0; k < len; k++) dst[d + k] = wc * src[sc + k];
            int j = 0;
            // Four tap pairs per pass over the block: one load and store of dst per four pairs instead of per pair.
            for (; j + 4 <= half; j += 4) {
                double w0 = w[j], w1 = w[j + 1], w2 = w[j + 2], w3 = w[j + 3];
                int l0 = s + j, r0 = s + taps - 1 - j;
                if (symmetric) {
                    for (int k = 0; k < len; k++) {
                        dst[d + k] += w0 * (src[l0 + k] + src[r0 + k])
                                + w1 * (src[l0 + 1 + k] + src[r0 - 1 + k])
                                + w2 * (src[l0 + 2 + k] + src[r0 - 2 + k])
                                + w3 * (src[l0 + 3 + k] + src[r0 - 3 + k]);
                    }
                } else {
                    for (int k = 0; k < len; k++) {
                        dst[d + k] += w0 * (src[l0 + k] - src[r0 + k])
                                + w1 * (src[l0 + 1 + k] - src[r0 - 1 + k])
                                + w2 * (src[l0 + 2 + k] - src[r0 - 2 + k])
                                + w3 * (src[l0 + 3 + k] - src[r0 - 3 + k]);
                    }
                }
            }
            for (; j < half; j++) {
                double wj = w[j];
                int sl = s + j;
                int sr = s + taps - 1 - j;
                if (symmetric) {
                    for (int k = 0; k < len; k++) dst[d + k] += wj * (src[sl + k] + src[sr + k]);
                } else {
                    for (int k = 0; k < len; k++) dst[d + k] += wj * (src[sl + k] - src[sr + k]);
                }
            }
        }
    }
}
