package org.signalanalyzer.dsp.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.signalanalyzer.dsp.SharedData;
import org.signalanalyzer.dsp.io.Recording;
import org.signalanalyzer.dsp.io.RecordingReaders;

/**
 * The desktop tool's filter outputs on its sample recording 202304_0521.atf (docs/desktop-conventions.md#filter-checks "Filter checks on the raw
 * trace", printed to 6 decimals, and expected-desktop.json's filtered samples at full precision).
 */
class DesktopFilterChecksTest {

    /** The spec prints 6 decimals. */
    private static final double PRINTED = 1e-6;
    /** expected-desktop.json holds full doubles of values around 10^3 pA: 1e-9 relative. */
    private static final double FULL = 1e-6;

    private static double[] raw;
    private static double fs;

    @BeforeAll
    static void read() throws Exception {
        Recording r = RecordingReaders.read(SharedData.desktop("202304_0521.atf"));
        raw = r.samples(0, 0);
        fs = r.sampleRateHz();
    }

    @Test
    void savitzkyGolay51of3() {
        double[] y = new SavgolStep(51, 3).apply(raw, fs);
        assertEquals(2627.924100, y[0], PRINTED);
        assertEquals(2511.891911, y[1], PRINTED);
        assertEquals(1957.242687, y[1000], PRINTED);
        assertEquals(2158.414792, y[y.length - 1], PRINTED);
    }

    @Test
    void butterworthGuiDefaultOnRaw() {
        double[] y = ButterworthStep.lowpassWn(5, 0.1, ButterworthStep.Application.DESKTOP)
                .apply(raw, fs);
        assertEquals(1275.034315, y[0], PRINTED);
        assertEquals(1462.655997, y[1], PRINTED);
        assertEquals(1961.204256, y[1000], PRINTED);
        assertEquals(0.119619, y[y.length - 1], PRINTED);
    }

    @Test
    void butterworthBatchOnRaw() {
        double[] y = ButterworthStep.lowpassHz(2, 2000, ButterworthStep.Application.DESKTOP)
                .apply(raw, 1e5);
        assertEquals(1109.292492, y[0], PRINTED);
        assertEquals(1965.162261, y[1000], PRINTED);
        assertEquals(7.152100, y[y.length - 1], PRINTED);
    }

    @Test
    void presetsMatchExpectedDesktop() throws Exception {
        JsonNode cases = new ObjectMapper()
                .readTree(SharedData.desktop("expected-desktop.json").toFile())
                .get("cases");
        int checked = 0;
        for (JsonNode c : cases) {
            String name = c.get("case").asText();
            String preset = name.equals("batch_n35")
                    ? "batch"
                    : name.equals("gui_default_n35") ? "gui-default" : name.equals("raw_n35") ? "raw" : null;
            if (preset == null) continue;
            double[] y = FilterChain.preset(preset).apply(raw, fs);
            JsonNode first5 = c.get("filtered_first5");
            // raw's first5/last are rounded to the file's 2 decimals; the filtered ones are full doubles.
            double tol = preset.equals("raw") ? 0.005 : FULL;
            for (int i = 0; i < 5; i++) assertEquals(first5.get(i).asDouble(), y[i], tol, name + " y[" + i + "]");
            assertEquals(c.get("filtered_last").asDouble(), y[y.length - 1], tol, name + " y[-1]");
            assertEquals(raw.length, y.length, name + " length");
            checked++;
        }
        assertEquals(3, checked, "cases raw_n35, batch_n35, gui_default_n35 present");
    }
}
