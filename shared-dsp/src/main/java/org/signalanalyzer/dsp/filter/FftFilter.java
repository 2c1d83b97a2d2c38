package org.signalanalyzer.dsp.filter;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * The desktop's FFT filter (docs/desktop-conventions.md#fft-filter): keeps the DFT bins whose magnitude is at least {@code threshold}·max|X| and,
 * when a band is given, whose |frequency| lies in [minHz, maxHz]; the DC bin is always kept; the result is the real
 * part of the inverse DFT.
 */
public final class FftFilter {

    private final double threshold;
    private final Double minHz;
    private final Double maxHz;

    /** @param minHz,maxHz the band, both null for none (the desktop applies a band only when both are given) */
    public FftFilter(double threshold, Double minHz, Double maxHz) {
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException(
                    "fft: threshold must be a fraction of the largest magnitude in [0, 1], got " + threshold);
        }
        if ((minHz == null) != (maxHz == null)) {
            throw new IllegalArgumentException("fft: give both min_hz and max_hz for a band, or neither");
        }
        if (minHz != null && !(minHz >= 0 && minHz <= maxHz)) {
            throw new IllegalArgumentException(
                    "fft: band must satisfy 0 <= min_hz <= max_hz, got [" + minHz + ", " + maxHz + "]");
        }
        this.threshold = threshold;
        this.minHz = minHz;
        this.maxHz = maxHz;
    }

    public double[] apply(double[] x, double sampleRateHz) {
        int n = x.length;
        if (n == 0) return new double[0];
        double[] c = new double[2 * n];
        for (int i = 0; i < n; i++) c[2 * i] = x[i];
        DoubleFFT_1D fft = new DoubleFFT_1D(n);
        fft.complexForward(c);
        double maxMag = 0;
        for (int i = 0; i < n; i++) maxMag = Math.max(maxMag, Math.hypot(c[2 * i], c[2 * i + 1]));
        double limit = threshold * maxMag;
        for (int i = 1; i < n; i++) {
            boolean keep = Math.hypot(c[2 * i], c[2 * i + 1]) >= limit;
            if (minHz != null) {
                // numpy fftfreq: bins above n/2 are negative frequencies.
                int k = i <= (n - 1) / 2 ? i : i - n;
                double f = Math.abs(k * sampleRateHz / n);
                if (f < minHz || f > maxHz) keep = false;
            }
            if (!keep) {
                c[2 * i] = 0;
                c[2 * i + 1] = 0;
            }
        }
        fft.complexInverse(c, true);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) y[i] = c[2 * i];
        return y;
    }

    public double threshold() {
        return threshold;
    }

    public Double minHz() {
        return minHz;
    }

    public Double maxHz() {
        return maxHz;
    }
}
