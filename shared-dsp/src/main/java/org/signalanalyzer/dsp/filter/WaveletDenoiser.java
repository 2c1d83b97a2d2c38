package org.signalanalyzer.dsp.filter;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Wavelet denoising as the desktop does it with PyWavelets: {@code wavedec} (symmetric extension) → noise σ from the
 * finest detail level → universal threshold λ = σ·√(2·ln N) → every detail level thresholded, the approximation
 * kept → {@code waverec} cut to N.
 *
 * <p>Level: a given level is used as is, even above PyWavelets' {@code dwt_max_level} (PyWavelets then only warns
 * that every coefficient sees the boundary; the desktop's numbers include that effect, so no cap is applied here).
 * Without a level, the desktop's rule min(⌊log2 N⌋, 10) is used.
 */
public final class WaveletDenoiser {

    /** Soft: sign(x)·max(|x| − λ, 0). Hard: 0 where |x| < λ. */
    public enum ThresholdMode {
        SOFT,
        HARD;

        public static ThresholdMode parse(String name) {
            for (ThresholdMode m : values()) if (m.name().equalsIgnoreCase(name)) return m;
            throw new IllegalArgumentException(
                    "wavelet threshold mode '" + name + "' is unknown: expected soft or hard");
        }

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How σ is estimated from the finest detail coefficients d. */
    public enum SigmaRule {
        /** median(|d|)/0.6745, the standard (Donoho–Johnstone) estimate. */
        MEDIAN_ABS,
        /** median(|d − median(d)|)/0.6745: the desktop's median absolute deviation. */
        MAD;

        public static SigmaRule parse(String name) {
            for (SigmaRule m : values()) if (m.name().equalsIgnoreCase(name)) return m;
            throw new IllegalArgumentException(
                    "wavelet sigma rule '" + name + "' is unknown: expected mad (desktop) " + "or median_abs");
        }

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The desktop's cap for its default level. */
    public static final int MAX_DEFAULT_LEVEL = 10;

    private final Wavelet wavelet;
    private final Integer level;
    private final ThresholdMode mode;
    private final SigmaRule sigmaRule;

    /** @param level decomposition depth ≥ 1, or null for the desktop's rule */
    public WaveletDenoiser(Wavelet wavelet, Integer level, ThresholdMode mode, SigmaRule sigmaRule) {
        if (level != null && level < 1) throw new IllegalArgumentException("wavelet level must be >= 1, got " + level);
        this.wavelet = wavelet;
        this.level = level;
        this.mode = mode;
        this.sigmaRule = sigmaRule;
    }

    /** The desktop's default level: min(⌊log2 N⌋, 10). */
    public static int desktopLevel(int n) {
        int floorLog2 = 31 - Integer.numberOfLeadingZeros(n);
        return Math.min(floorLog2, MAX_DEFAULT_LEVEL);
    }

    public int levelFor(int n) {
        return level != null ? level : desktopLevel(n);
    }

    /**
     * True when the level used for n samples exceeds PyWavelets' {@code dwt_max_level}, where PyWavelets warns that
     * every coefficient sees the signal's boundary; the result is still computed (as PyWavelets and the desktop do),
     * so callers can pass the warning on.
     */
    public boolean exceedsMaxLevel(int n) {
        return levelFor(n) > Dwt.maxLevel(n, wavelet.length());
    }

    /** σ of the given finest-detail coefficients under this rule. */
    public double sigma(double[] finestDetail) {
        return sigma(finestDetail, sigmaRule);
    }

    static double sigma(double[] d, SigmaRule rule) {
        double centre = rule == SigmaRule.MAD ? Median.of(d) : 0.0;
        return Median.ofAbsoluteDeviation(d, centre) / 0.6745;
    }

    public double[] apply(double[] x) {
        int n = x.length;
        if (n < 2) throw new IllegalArgumentException("wavelet denoising needs at least 2 samples, got " + n);
        List<double[]> coeffs = Dwt.decompose(x, wavelet, levelFor(n));
        double lambda = sigma(coeffs.get(coeffs.size() - 1)) * Math.sqrt(2 * Math.log(n));
        for (int l = 1; l < coeffs.size(); l++) threshold(coeffs.get(l), lambda);
        double[] y = Dwt.reconstruct(coeffs, wavelet);
        return y.length == n ? y : Arrays.copyOf(y, n);
    }

    private void threshold(double[] d, double lambda) {
        if (mode == ThresholdMode.SOFT) {
            for (int i = 0; i < d.length; i++) {
                double m = Math.abs(d[i]) - lambda;
                d[i] = m > 0 ? Math.copySign(m, d[i]) : 0;
            }
        } else {
            for (int i = 0; i < d.length; i++) if (Math.abs(d[i]) < lambda) d[i] = 0;
        }
    }

    public Wavelet wavelet() {
        return wavelet;
    }

    public Integer level() {
        return level;
    }

    public ThresholdMode mode() {
        return mode;
    }

    public SigmaRule sigmaRule() {
        return sigmaRule;
    }
}
