package org.signalanalyzer.dsp.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Butterworth design and application against SciPy {@code butter}, {@code lfilter}, {@code filtfilt}, {@code sosfiltfilt}. */
class ButterworthTest {

    /** Max error relative to the output's range allowed against SciPy. */
    private static final double TOLERANCE = 1e-9;
    /** Max coefficient error relative to the largest coefficient of the same array. */
    private static final double COEFFICIENT_TOLERANCE = 1e-12;

    static List<GoldenCase> cases() throws IOException {
        return GoldenCase.all("butter");
    }

    static Butterworth design(GoldenCase c) {
        JsonNode p = c.params();
        JsonNode cut = p.get("cutoff_hz");
        double[] cutoff = cut.isArray() ? GoldenCase.doubles(cut) : new double[] {cut.asDouble()};
        return Butterworth.designHz(
                Butterworth.BandType.parse(p.get("btype").asText()),
                p.get("order").asInt(),
                c.fsHz(),
                cutoff);
    }

    /**
     * The (b, a) form of a high-order or band filter is ill-conditioned: one ulp in a coefficient moves the output
     * by more than 1e-9 of its range (SciPy 1.17 itself, fed the case's stored b and a, is 2.9e-9 away from the
     * SciPy 1.10.1 reference on butter_filtfilt_lowpass_o8). For those cases the bound is four times the output's
     * measured sensitivity to a one-ulp perturbation of b and a: what double precision can determine at all.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void filtersLikeScipy(GoldenCase c) {
        Butterworth f = design(c);
        double[] y = run(c.op(), f.b(), f.a(), f.sos(), c.input());
        double tolerance = TOLERANCE;
        if (!c.op().equals("butter_sosfiltfilt")) {
            Random rnd = new Random(7);
            double[] b = f.b();
            double[] a = f.a();
            for (int i = 0; i < b.length; i++) b[i] += (rnd.nextBoolean() ? 1 : -1) * Math.ulp(b[i]);
            for (int i = 1; i < a.length; i++) a[i] += (rnd.nextBoolean() ? 1 : -1) * Math.ulp(a[i]);
            double sensitivity = GoldenCase.relativeError(y, run(c.op(), b, a, null, c.input()));
            tolerance = Math.max(TOLERANCE, 4 * sensitivity);
        }
        GoldenCase.assertRelativeError(c.name(), c.output(), y, tolerance);
    }

    private static double[] run(String op, double[] b, double[] a, double[][] sos, double[] x) {
        switch (op) {
            case "butter_lfilter":
                return IirFiltering.lfilter(b, a, x);
            case "butter_filtfilt":
                return IirFiltering.filtfilt(b, a, x);
            case "butter_sosfiltfilt":
                return IirFiltering.sosfiltfilt(sos, x);
            default:
                throw new AssertionError("unknown op " + op);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void designsLikeScipy(GoldenCase c) {
        Butterworth f = design(c);
        if (c.params().has("b")) {
            assertCoefficients(GoldenCase.doubles(c.params().get("b")), f.b(), c.name() + " b");
            assertCoefficients(GoldenCase.doubles(c.params().get("a")), f.a(), c.name() + " a");
        }
        if (c.params().has("sos")) {
            double[][] expected = GoldenCase.matrix(c.params().get("sos"));
            double[][] actual = f.sos();
            assertEquals(expected.length, actual.length, c.name() + " sections");
            for (int s = 0; s < expected.length; s++)
                assertCoefficients(expected[s], actual[s], c.name() + " sos " + s);
        }
    }

    private static void assertCoefficients(double[] expected, double[] actual, String what) {
        assertCoefficients(expected, actual, COEFFICIENT_TOLERANCE, what);
    }

    private static void assertCoefficients(double[] expected, double[] actual, double tolerance, String what) {
        assertEquals(expected.length, actual.length, what + " length");
        double scale = 0;
        for (double v : expected) scale = Math.max(scale, Math.abs(v));
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], tolerance * scale, what + "[" + i + "]");
        }
    }

    /**
     * Orders 1–10 of every band type against SciPy 1.17 {@code butter} (reference and script in the test resources):
     * sections to 1e-12 of each section's largest coefficient (the pairing must be SciPy's), (b, a) to 1e-9 of the
     * largest coefficient (poly() of 20 roots loses digits).
     */
    @Test
    void designsOfEveryOrderAndTypeLikeScipy() throws IOException {
        JsonNode ref;
        try (InputStream in = getClass().getResourceAsStream("butter_design_reference.json")) {
            ref = new ObjectMapper().readTree(in);
        }
        int checked = 0;
        for (JsonNode d : ref.get("designs")) {
            Butterworth f = Butterworth.design(
                    Butterworth.BandType.parse(d.get("btype").asText()),
                    d.get("order").asInt(),
                    GoldenCase.doubles(d.get("wn")));
            String what = d.get("btype").asText() + " order " + d.get("order").asInt() + " wn " + d.get("wn");
            double[][] expected = GoldenCase.matrix(d.get("sos"));
            double[][] actual = f.sos();
            assertEquals(expected.length, actual.length, what + " sections");
            for (int s = 0; s < expected.length; s++) assertCoefficients(expected[s], actual[s], what + " sos " + s);
            assertCoefficients(GoldenCase.doubles(d.get("b")), f.b(), 1e-9, what + " b");
            assertCoefficients(GoldenCase.doubles(d.get("a")), f.a(), 1e-9, what + " a");
            checked++;
        }
        assertEquals(50, checked);
    }

    @Test
    void lowpassPassesDcWithUnitGain() {
        for (int order = 1; order <= Butterworth.MAX_ORDER; order++) {
            for (double wn : new double[] {0.01, 0.1, 0.5, 0.9}) {
                Butterworth f = Butterworth.lowpass(order, wn);
                double gain = 1;
                for (double[] s : f.sos()) gain *= (s[0] + s[1] + s[2]) / (s[3] + s[4] + s[5]);
                assertEquals(1.0, gain, 1e-9, "order " + order + " wn " + wn);
                // sum(a) cancels catastrophically at low cutoffs (it is prod(1 - p)), so (b, a) is checked from 0.1.
                if (wn < 0.1) continue;
                double sb = 0, sa = 0;
                for (double v : f.b()) sb += v;
                for (double v : f.a()) sa += v;
                assertEquals(1.0, sb / sa, 1e-6, "(b, a) order " + order + " wn " + wn);
            }
        }
    }

    @Test
    void everyApplicationKeepsTheLength() {
        double[] x = new Random(2).doubles(500).toArray();
        Butterworth f = Butterworth.design(Butterworth.BandType.BANDPASS, 3, 0.1, 0.3);
        assertEquals(500, IirFiltering.lfilter(f.b(), f.a(), x).length);
        assertEquals(500, IirFiltering.sosfilt(f.sos(), x).length);
        assertEquals(500, IirFiltering.filtfilt(f.b(), f.a(), x).length);
        assertEquals(500, IirFiltering.sosfiltfilt(f.sos(), x).length);
        assertEquals(500, IirFiltering.desktopZeroPhase(f.sos(), x).length);
    }

    @Test
    void rejectsBadDesigns() {
        assertThrows(IllegalArgumentException.class, () -> Butterworth.lowpass(0, 0.1));
        assertThrows(IllegalArgumentException.class, () -> Butterworth.lowpass(11, 0.1));
        assertThrows(IllegalArgumentException.class, () -> Butterworth.lowpass(2, 1.0));
        assertThrows(
                IllegalArgumentException.class, () -> Butterworth.designHz(Butterworth.BandType.LOWPASS, 2, 1000, 500));
        assertThrows(
                IllegalArgumentException.class, () -> Butterworth.design(Butterworth.BandType.BANDPASS, 2, 0.3, 0.1));
    }
}
