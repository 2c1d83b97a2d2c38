package org.signalanalyzer.dsp.filter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Peak finding, the extract–add filter and the FFT filter against SciPy 1.17 / NumPy 2.4 (reference file and the
 * script that made it beside it in the test resources).
 */
class ExtractAddAndFftTest {

    /** Max error relative to the output's range. */
    private static final double TOLERANCE = 1e-9;

    private static JsonNode ref;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = ExtractAddAndFftTest.class.getResourceAsStream("extract_add_fft_reference.json")) {
            ref = new ObjectMapper().readTree(in);
        }
    }

    @Test
    void peaksAndValleysLikeScipyFindPeaks() {
        double[] x = GoldenCase.doubles(ref.get("input"));
        double[] neg = new double[x.length];
        for (int i = 0; i < x.length; i++) neg[i] = -x[i];
        check(ref.get("peaks"), PeakFinder.find(x, 200, Double.POSITIVE_INFINITY, 1, 50));
        check(ref.get("valleys"), PeakFinder.find(neg, 200, Double.POSITIVE_INFINITY, 1, 50));
    }

    private static void check(JsonNode expected, List<PeakFinder.Peak> actual) {
        assertEquals(expected.get("index").size(), actual.size(), "number of peaks");
        for (int i = 0; i < actual.size(); i++) {
            assertEquals(expected.get("index").get(i).asInt(), actual.get(i).index());
            assertEquals(
                    expected.get("prominence").get(i).asDouble(), actual.get(i).prominence(), 1e-9);
            assertEquals(expected.get("width").get(i).asDouble(), actual.get(i).width(), 1e-9);
        }
    }

    @Test
    void plateauPeakIsItsMiddle() {
        assertEquals(List.of(3), PeakFinder.localMaxima(new double[] {0, 1, 3, 3, 3, 1, 0}));
    }

    @Test
    void extractAddLikeTheDesktop() {
        double[] x = GoldenCase.doubles(ref.get("input"));
        double[] y = ExtractAddFilter.desktopDefault().apply(x);
        GoldenCase.assertRelativeError("extract_add", GoldenCase.doubles(ref.get("extract_add")), y, TOLERANCE);
    }

    @Test
    void extractAddWithoutEventsReturnsItsInput() {
        double[] x = new double[500];
        for (int i = 0; i < x.length; i++) x[i] = Math.sin(i / 50.0);
        assertArrayEquals(x, ExtractAddFilter.desktopDefault().apply(x));
    }

    @Test
    void fftFilterLikeNumpy() {
        double[] x = GoldenCase.doubles(ref.get("fft_input"));
        double fs = ref.get("fft_fs_hz").asDouble();
        GoldenCase.assertRelativeError(
                "threshold only",
                GoldenCase.doubles(ref.get("fft_threshold_0.05")),
                new FftFilter(0.05, null, null).apply(x, fs),
                TOLERANCE);
        GoldenCase.assertRelativeError(
                "with band",
                GoldenCase.doubles(ref.get("fft_threshold_0.01_band_0_300")),
                new FftFilter(0.01, 0.0, 300.0).apply(x, fs),
                TOLERANCE);
    }

    @Test
    void welchLikeScipy() throws IOException {
        GoldenCase c = GoldenCase.load("welch_psd_1024");
        WelchPsd.Spectrum s =
                WelchPsd.compute(c.input(), c.fsHz(), c.params().get("nperseg").asInt());
        GoldenCase.assertRelativeError(c.name(), c.output(), s.density(), TOLERANCE);
        double[] f = GoldenCase.doubles(c.params().get("frequencies_hz"));
        assertArrayEquals(f, s.frequenciesHz(), 1e-9);
    }

    @Test
    void rejectsBadParameters() {
        assertThrows(IllegalArgumentException.class, () -> new FftFilter(1.5, null, null));
        assertThrows(IllegalArgumentException.class, () -> new FftFilter(0.2, 10.0, null));
        assertThrows(IllegalArgumentException.class, () -> new ExtractAddFilter(51, 3, 200, 60, 50));
    }
}
