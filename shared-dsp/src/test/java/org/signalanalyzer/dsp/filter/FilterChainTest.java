package org.signalanalyzer.dsp.filter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The chain's JSON, presets, desktop order, validation and the metrics of docs/desktop-conventions.md#filter-metrics. */
class FilterChainTest {

    private static final double[] SIGNAL =
            new Random(11).doubles(4000).map(v -> 1000 + 50 * v).toArray();

    @Test
    void readsTheDocumentedExample() {
        FilterChain c = FilterChain.fromJson(
                "{\"steps\":[{\"type\":\"savgol\",\"window\":51,\"polyorder\":3},"
                        + "{\"type\":\"butterworth\",\"btype\":\"lowpass\",\"order\":5,\"wn\":0.1,\"application\":\"desktop\"}]}");
        assertArrayEquals(FilterChain.preset("gui-default").apply(SIGNAL, 1e5), c.apply(SIGNAL, 1e5));
    }

    @Test
    void writesEveryDefaultAndReadsItBack() {
        FilterChain c = FilterChain.fromJson("{\"steps\":[{\"type\":\"savgol\"},{\"type\":\"wavelet\"},"
                + "{\"type\":\"butterworth\",\"cutoff_hz\":[100,2000],\"btype\":\"bandpass\",\"order\":2},"
                + "{\"type\":\"extract_add\"},{\"type\":\"fft\"}]}");
        String json = c.toJson().toString();
        assertEquals(
                "{\"steps\":[{\"type\":\"savgol\",\"window\":51,\"polyorder\":3,\"deriv\":0,\"mode\":\"interp\","
                        + "\"cval\":0.0},{\"type\":\"wavelet\",\"wavelet\":\"db4\",\"level\":null,\"threshold_mode\":\"soft\","
                        + "\"sigma\":\"mad\"},{\"type\":\"butterworth\",\"btype\":\"bandpass\",\"order\":2,"
                        + "\"cutoff_hz\":[100.0,2000.0],\"application\":\"desktop\"},{\"type\":\"extract_add\",\"window\":51,"
                        + "\"polyorder\":3,\"prominence\":200.0,\"width_range\":[1.0,50.0]},{\"type\":\"fft\","
                        + "\"threshold\":0.2,\"min_hz\":null,\"max_hz\":null}],\"desktop_order\":false}",
                json);
        FilterChain back = FilterChain.fromJson(json);
        assertEquals(json, back.toJson().toString());
        assertArrayEquals(c.apply(SIGNAL, 1e4), back.apply(SIGNAL, 1e4));
    }

    @Test
    void presetsByJsonName() {
        assertArrayEquals(
                FilterChain.preset("batch").apply(SIGNAL, 1e5),
                FilterChain.fromJson("{\"preset\":\"batch\"}").apply(SIGNAL, 1e5));
        assertArrayEquals(SIGNAL, FilterChain.preset("raw").apply(SIGNAL, 1e5));
        assertEquals(List.of(), FilterChain.preset("raw").steps());
        assertEquals("batch", FilterChain.preset("batch").presetName().orElseThrow());
        assertTrue(FilterChain.fromJson("{\"steps\":[]}").presetName().isEmpty());
    }

    @Test
    void desktopOrderSortsTheSteps() {
        FilterChain c = FilterChain.fromJson("{\"steps\":[{\"type\":\"butterworth\",\"wn\":0.2},"
                + "{\"type\":\"wavelet\",\"level\":3},{\"type\":\"savgol\",\"window\":11,\"polyorder\":2}],"
                + "\"desktop_order\":true}");
        assertEquals(
                List.of("savgol", "wavelet", "butterworth"),
                c.steps().stream().map(FilterStep::type).toList());
        double[] expected = new SavgolStep(11, 2).apply(SIGNAL, 1e4);
        expected = new WaveletStep("db4", 3, WaveletDenoiser.ThresholdMode.SOFT, WaveletDenoiser.SigmaRule.MAD)
                .apply(expected, 1e4);
        expected = ButterworthStep.lowpassWn(5, 0.2, ButterworthStep.Application.DESKTOP)
                .apply(expected, 1e4);
        assertArrayEquals(expected, c.apply(SIGNAL, 1e4));
    }

    @Test
    void desktopRaisesAnEvenWindow() {
        assertEquals(52 + 1, new SavgolStep(52, 3).window());
    }

    @Test
    void everyStepKeepsTheLength() {
        FilterChain c = FilterChain.fromJson("{\"steps\":[{\"type\":\"savgol\"},{\"type\":\"wavelet\"},"
                + "{\"type\":\"butterworth\",\"wn\":0.3,\"application\":\"sosfiltfilt\"},{\"type\":\"extract_add\"},"
                + "{\"type\":\"fft\",\"min_hz\":0,\"max_hz\":100}]}");
        for (FilterStep s : c.steps()) assertEquals(SIGNAL.length, s.apply(SIGNAL, 1000).length, s.type());
        for (String app : new String[] {"filtfilt", "sosfilt", "lfilter", "desktop"}) {
            FilterChain one = FilterChain.fromJson(
                    "{\"steps\":[{\"type\":\"butterworth\",\"wn\":0.3," + "\"application\":\"" + app + "\"}]}");
            assertEquals(SIGNAL.length, one.apply(SIGNAL, 1000).length, app);
        }
    }

    @Test
    void rejectsWithMessagesThatSayWhat() {
        assertMessage("{\"steps\":[{\"type\":\"savgol\",\"window\":5,\"polyorder\":5}]}", "polyorder");
        assertMessage("{\"steps\":[{\"type\":\"butterworth\",\"cutoff_hz\":600}]}", "Nyquist");
        assertMessage("{\"steps\":[{\"type\":\"butterworth\",\"wn\":0.1,\"order\":11}]}", "'order' must be 1 to 10");
        assertMessage("{\"steps\":[{\"type\":\"median\"}]}", "unknown step type 'median'");
        assertMessage("{\"steps\":[{\"type\":\"savgol\",\"windw\":5}]}", "unknown parameter 'windw'");
        assertMessage("{\"preset\":\"fancy\"}", "unknown filter preset");
        assertMessage("{\"steps\":[{\"type\":\"butterworth\"}]}", "exactly one of 'wn'");
        assertMessage("{\"steps\":[{\"type\":\"wavelet\",\"wavelet\":\"db99\"}]}", "unknown wavelet");
        assertMessage("not json", "not valid JSON");
        // Whole numbers beyond int are refused, not wrapped (4294967347 once ran as 51).
        assertMessage(
                "{\"steps\":[{\"type\":\"savgol\",\"window\":4294967347}]}",
                "filter step 0 (savgol): 'window' must be a whole number between");
        assertMessage(
                "{\"steps\":[{\"type\":\"butterworth\",\"wn\":0.1,\"order\":1e10}]}", "'order' must be a whole number");
        assertMessage(
                "{\"steps\":[{\"type\":\"savgol\",\"window\":51001}]}",
                "filter step 0 (savgol): 'window' must be 1 to 10001 samples, got 51001");
        assertMessage("{\"steps\":[{\"type\":\"extract_add\",\"window\":20001}]}", "filter step 0 (extract_add)");
    }

    private static void assertMessage(String json, String part) {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> FilterChain.fromJson(json).apply(SIGNAL, 1000));
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }

    @Test
    void metricsFromTheirDefinitions() {
        double[] original = {1, 2, 3, 4};
        double[] filtered = {1, 1, 4, 2};
        // r = 0, 1, -1, 2
        FilterMetrics m = FilterMetrics.of(original, filtered);
        assertEquals(1.5, m.mse(), 1e-15);
        assertEquals(Math.sqrt(1.5), m.rmse(), 1e-15);
        assertEquals(1.0, m.mae(), 1e-15);
        assertEquals(10 * Math.log10((22 / 4.0) / 1.5), m.snrDb(), 1e-12);
        assertEquals(2.0, m.maxAbsResidual(), 0);
        assertEquals(0.5, m.meanResidual(), 1e-15);
        assertEquals(
                Double.POSITIVE_INFINITY, FilterMetrics.of(original, original).snrDb());
    }
}
