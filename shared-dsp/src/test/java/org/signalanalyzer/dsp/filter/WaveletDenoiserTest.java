package org.signalanalyzer.dsp.filter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Wavelet denoising against PyWavelets (golden cases and a desktop-rule reference made with python3-pywt). */
class WaveletDenoiserTest {

    /** Max error relative to the output's range allowed against PyWavelets. */
    private static final double TOLERANCE = 1e-6;

    static List<GoldenCase> cases() throws IOException {
        return GoldenCase.all("wavelet");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesPyWavelets(GoldenCase c) {
        JsonNode p = c.params();
        WaveletDenoiser dn = new WaveletDenoiser(
                Wavelet.named(p.get("wavelet").asText()),
                p.get("level").asInt(),
                WaveletDenoiser.ThresholdMode.parse(p.get("threshold_mode").asText()),
                WaveletDenoiser.SigmaRule.MEDIAN_ABS);
        List<double[]> coeffs = Dwt.decompose(c.input(), dn.wavelet(), dn.levelFor(c.input().length));
        double lambda = dn.sigma(coeffs.get(coeffs.size() - 1)) * Math.sqrt(2 * Math.log(c.input().length));
        assertEquals(p.get("threshold").asDouble(), lambda, 1e-9 * lambda, c.name() + " threshold");
        GoldenCase.assertRelativeError(c.name(), c.output(), dn.apply(c.input()), TOLERANCE);
    }

    /** The desktop's σ = median(|d − median(d)|)/0.6745, reference from PyWavelets 1.1.1 (script beside the file). */
    @Test
    void desktopMadRuleMatchesPyWavelets() throws IOException {
        JsonNode ref;
        try (InputStream in = getClass().getResourceAsStream("desktop_wavelet_reference.json")) {
            ref = new ObjectMapper().readTree(in);
        }
        double[] x = GoldenCase.doubles(ref.get("input"));
        for (JsonNode c : ref.get("cases")) {
            Integer level = c.get("level").isNull() ? null : c.get("level").asInt();
            WaveletDenoiser dn = new WaveletDenoiser(
                    Wavelet.named(c.get("wavelet").asText()),
                    level,
                    WaveletDenoiser.ThresholdMode.parse(c.get("threshold_mode").asText()),
                    WaveletDenoiser.SigmaRule.MAD);
            String what = c.get("wavelet").asText() + " level " + c.get("level");
            assertEquals(c.get("level_used").asInt(), dn.levelFor(x.length), what + " level");
            List<double[]> coeffs = Dwt.decompose(x, dn.wavelet(), dn.levelFor(x.length));
            double[] finest = coeffs.get(coeffs.size() - 1);
            assertEquals(
                    c.get("sigma").asDouble(),
                    dn.sigma(finest),
                    1e-9 * c.get("sigma").asDouble(),
                    what);
            // On this skewed signal the standard estimate differs: the rule matters.
            assertNotEquals(
                    c.get("sigma").asDouble(),
                    WaveletDenoiser.sigma(finest, WaveletDenoiser.SigmaRule.MEDIAN_ABS),
                    1e-3 * c.get("sigma").asDouble());
            GoldenCase.assertRelativeError(what, GoldenCase.doubles(c.get("output")), dn.apply(x), TOLERANCE);
        }
    }

    @Test
    void sigmaRulesFromTheirDefinitions() {
        double[] d = {1, 2, 3, 4, 100};
        // median 3; |d - 3| = 2 1 0 1 97 → median 1.  |d| → median 3.
        assertEquals(1 / 0.6745, WaveletDenoiser.sigma(d, WaveletDenoiser.SigmaRule.MAD), 1e-15);
        assertEquals(3 / 0.6745, WaveletDenoiser.sigma(d, WaveletDenoiser.SigmaRule.MEDIAN_ABS), 1e-15);
        double[] even = {-4, -1, 2, 7};
        // median 0.5; |d - 0.5| = 4.5 1.5 1.5 6.5 → median 3.0.
        assertEquals(3.0 / 0.6745, WaveletDenoiser.sigma(even, WaveletDenoiser.SigmaRule.MAD), 1e-15);
    }

    @Test
    void medianEqualsMedianBySorting() {
        Random rnd = new Random(9);
        int[] sizes = new int[320];
        for (int i = 0; i < 300; i++) sizes[i] = i + 1;
        for (int i = 300; i < 320; i++) sizes[i] = 65_536 + rnd.nextInt(200_000);
        for (int n : sizes) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) v[i] = rnd.nextInt(4) == 0 ? 1.0 : Math.floor(rnd.nextGaussian() * 5);
            if (n > 300 && n % 2 == 0) for (int i = 0; i < n; i++) v[i] = rnd.nextGaussian();
            double[] copy = v.clone();
            double[] sorted = v.clone();
            Arrays.sort(sorted);
            double expected = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
            assertEquals(expected, Median.of(v), 0, "n=" + n);
            double[] dev = new double[n];
            for (int i = 0; i < n; i++) dev[i] = Math.abs(v[i] - 0.5);
            Arrays.sort(dev);
            double expectedDev = n % 2 == 1 ? dev[n / 2] : (dev[n / 2 - 1] + dev[n / 2]) / 2;
            assertEquals(expectedDev, Median.ofAbsoluteDeviation(v, 0.5), 0, "deviation n=" + n);
            assertArrayEquals(copy, v, "input untouched");
        }
    }

    /** PyWavelets 1.1.1 {@code dwt_max_level(n, dec_len)} for these sizes. */
    @Test
    void maxLevelLikePyWavelets() {
        assertEquals(13, Dwt.maxLevel(109_999, Wavelet.named("db4").length()));
        assertEquals(9, Dwt.maxLevel(1000, Wavelet.named("haar").length()));
        assertEquals(0, Dwt.maxLevel(7, Wavelet.named("db4").length()));
        assertEquals(0, Dwt.maxLevel(6, Wavelet.named("db4").length()));
        assertEquals(7, Dwt.maxLevel(3001, Wavelet.named("sym8").length()));
        WaveletDenoiser desktop = new WaveletDenoiser(
                Wavelet.named("db4"), null, WaveletDenoiser.ThresholdMode.SOFT, WaveletDenoiser.SigmaRule.MAD);
        assertTrue(!desktop.exceedsMaxLevel(109_999), "level 10 <= 13");
        assertTrue(desktop.exceedsMaxLevel(1000), "level 9 > floor(log2(1000/7)) = 7");
    }

    @Test
    void desktopDefaultLevel() {
        assertEquals(10, WaveletDenoiser.desktopLevel(109_999));
        assertEquals(10, WaveletDenoiser.desktopLevel(1024));
        assertEquals(9, WaveletDenoiser.desktopLevel(1023));
        assertEquals(1, WaveletDenoiser.desktopLevel(2));
    }

    /**
     * A smooth noiseless signal (sine + ramp, 4 cycles over 4096 samples): its details are all of the same small size,
     * so the universal threshold removes most of them and the output is close to the level-5 approximation. Bounds:
     * 2e-3 of the range for the smooth wavelets, 2e-2 for haar (piecewise-constant approximation).
     */
    @Test
    void noiselessSmoothSignalIsKept() {
        int n = 4096;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = 100 * Math.sin(2 * Math.PI * i / 1024.0) + 0.01 * i;
        for (String w : new String[] {"db4", "sym4", "coif3", "haar"}) {
            for (WaveletDenoiser.ThresholdMode m : WaveletDenoiser.ThresholdMode.values()) {
                double[] y = new WaveletDenoiser(Wavelet.named(w), 5, m, WaveletDenoiser.SigmaRule.MAD).apply(x);
                assertEquals(n, y.length);
                double err = GoldenCase.relativeError(x, y);
                double bound = w.equals("haar") ? 2e-2 : 2e-3;
                assertTrue(err < bound, w + " " + m + ": changed by " + err + " of the range");
            }
        }
    }

    @Test
    void perfectReconstructionWithoutThreshold() {
        double[] x = new Random(5).doubles(1001).toArray();
        for (String w : new String[] {"haar", "db1", "db4", "db10", "sym2", "sym10", "coif1", "coif5"}) {
            Wavelet wv = Wavelet.named(w);
            double[] y = Dwt.reconstruct(Dwt.decompose(x, wv, 4), wv);
            for (int i = 0; i < x.length; i++) assertEquals(x[i], y[i], 1e-10, w + " i=" + i);
        }
    }

    /**
     * Levels past PyWavelets' maximum shrink the approximation to one coefficient and stay there (Jazzer found Haar
     * at level 15 on 2048 samples reading past it); PyWavelets still reconstructs exactly, and so must this.
     */
    @Test
    void perfectReconstructionPastTheMaximumLevel() {
        double[] x = new Random(6).doubles(2048).toArray();
        for (String w : new String[] {"haar", "db2", "sym4"}) {
            Wavelet wv = Wavelet.named(w);
            double[] y = Dwt.reconstruct(Dwt.decompose(x, wv, 15), wv);
            for (int i = 0; i < x.length; i++) assertEquals(x[i], y[i], 1e-10, w + " i=" + i);
        }
    }

    @Test
    void offersEveryFamilyOfPyWavelets() {
        Set<String> names = Wavelet.names();
        assertEquals(1 + 20 + 19 + 17, names.size());
        for (String w :
                new String[] {"haar", "db1", "db10", "db20", "sym2", "sym10", "sym20", "coif1", "coif5", "coif17"}) {
            assertTrue(names.contains(w), w);
        }
        assertEquals(8, Wavelet.named("db4").length());
        assertEquals(18, Wavelet.named("coif3").length());
    }

    @Test
    void rejectsUnknownWaveletAndBadLevel() {
        assertThrows(IllegalArgumentException.class, () -> Wavelet.named("db99"));
        assertThrows(
                IllegalArgumentException.class,
                () -> new WaveletDenoiser(
                        Wavelet.named("db4"), 0, WaveletDenoiser.ThresholdMode.SOFT, WaveletDenoiser.SigmaRule.MAD));
    }
}
