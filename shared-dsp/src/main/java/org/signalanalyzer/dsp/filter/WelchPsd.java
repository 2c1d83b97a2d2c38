package org.signalanalyzer.dsp.filter;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Power spectral density by Welch's method with SciPy {@code welch}'s defaults: periodic Hann window of
 * {@code nperseg} samples, 50 % overlap, each segment's mean removed (detrend 'constant'), one-sided, density
 * scaling (units²/Hz), segments averaged by the mean.
 */
public final class WelchPsd {

    /** Frequencies (Hz) and the density at each. */
    public record Spectrum(double[] frequenciesHz, double[] density) {}

    private WelchPsd() {}

    public static Spectrum compute(double[] x, double sampleRateHz, int nperseg) {
        if (nperseg < 2) throw new IllegalArgumentException("welch: nperseg must be >= 2, got " + nperseg);
        if (!(sampleRateHz > 0))
            throw new IllegalArgumentException("welch: sample rate must be > 0, got " + sampleRateHz);
        // SciPy shortens the segment to the signal (with a warning) when the signal is shorter.
        int seg = Math.min(nperseg, x.length);
        if (seg < 2) throw new IllegalArgumentException("welch: needs at least 2 samples, got " + x.length);
        int overlap = seg / 2;
        int step = seg - overlap;
        int segments = (x.length - seg) / step + 1;
        double[] window = new double[seg];
        double step2pi = 2 * Math.PI / seg;
        double sumSquares = 0;
        for (int i = 0; i < seg; i++) {
            window[i] = 0.5 + 0.5 * Math.cos(-Math.PI + i * step2pi);
            sumSquares += window[i] * window[i];
        }
        double scale = 1.0 / (sampleRateHz * sumSquares);
        int bins = seg / 2 + 1;
        double[] psd = new double[bins];
        double[] buf = new double[seg];
        DoubleFFT_1D fft = new DoubleFFT_1D(seg);
        for (int s = 0; s < segments; s++) {
            int from = s * step;
            double mean = 0;
            for (int i = 0; i < seg; i++) mean += x[from + i];
            mean /= seg;
            for (int i = 0; i < seg; i++) buf[i] = (x[from + i] - mean) * window[i];
            fft.realForward(buf);
            for (int k = 0; k < bins; k++) {
                double re;
                double im;
                if (k == 0) {
                    re = buf[0];
                    im = 0;
                } else if (seg % 2 == 0 && k == seg / 2) {
                    re = buf[1];
                    im = 0;
                } else if (seg % 2 == 1 && k == seg / 2) {
                    re = buf[2 * k];
                    im = buf[1];
                } else {
                    re = buf[2 * k];
                    im = buf[2 * k + 1];
                }
                double p = (re * re + im * im) * scale;
                boolean doubled = k > 0 && !(seg % 2 == 0 && k == seg / 2);
                psd[k] += doubled ? 2 * p : p;
            }
        }
        double[] freqs = new double[bins];
        for (int k = 0; k < bins; k++) {
            psd[k] /= segments;
            freqs[k] = k * sampleRateHz / seg;
        }
        return new Spectrum(freqs, psd);
    }
}
