package org.signalanalyzer.dsp.analysis.standard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.signalanalyzer.dsp.SharedData;
import org.signalanalyzer.dsp.analysis.AnalysisMode;
import org.signalanalyzer.dsp.analysis.AnalysisRequest;
import org.signalanalyzer.dsp.analysis.AnalysisResult;
import org.signalanalyzer.dsp.analysis.StepProtocolAnalysis;
import org.signalanalyzer.dsp.filter.FilterChain;
import org.signalanalyzer.dsp.io.Recording;
import org.signalanalyzer.dsp.io.RecordingReaders;

/**
 * Standard mode on the desktop's sample file. Reference: the file's own voltage channel, whose half-way crossings
 * are located here independently, near the step positions docs/desktop-conventions.md#inputs-and-protocol gives (orange indices 34, 234, …,
 * 1034, i.e. 50 samples each).
 */
class StandardModeDesktopFileTest {

    static final int[] SPEC_ORANGE_INDICES = {34, 234, 434, 634, 834, 1034};

    @Test
    void findsEveryStepOnsetAtSampleResolutionFromTheVoltageChannel() throws Exception {
        Path file = SharedData.desktop("202304_0521.atf");
        byte[] bytes = Files.readAllBytes(file);
        Recording rec = RecordingReaders.read(file.getFileName().toString(), bytes);
        double[] v = rec.samples(0, 1);
        AnalysisResult r = StepProtocolAnalysis.run(
                rec,
                AnalysisRequest.desktopDefaults()
                        .withMode(AnalysisMode.STANDARD)
                        .withChain(FilterChain.preset("batch")),
                StepProtocolAnalysis.Input.of("202304_0521.atf", bytes));
        assertEquals(StepOnsets.FROM_VOLTAGE, r.provenance().onsetSource());
        assertEquals(1, r.provenance().voltageChannel());
        assertEquals(6, r.steps().size());
        for (int k = 0; k < 6; k++) {
            int lo = (SPEC_ORANGE_INDICES[k] - 2) * 50;
            int hi = (SPEC_ORANGE_INDICES[k] + 3) * 50;
            double before = median(Arrays.copyOfRange(v, lo - 300, lo));
            double after = median(Arrays.copyOfRange(v, hi, hi + 300));
            double half = (before + after) / 2;
            int expected = -1;
            for (int i = lo; i < hi && expected < 0; i++) {
                if (after > before ? v[i] >= half : v[i] <= half) expected = i;
            }
            assertEquals(
                    expected,
                    r.steps().get(k).sample(),
                    "onset " + r.steps().get(k).role());
        }
        assertEquals(-20, r.v2Mv(), 0.5);
        assertEquals(-81, r.v0Mv(), 0.5);
        // The non-linear charge moves out on the depolarising step and back on the return.
        assertTrue(r.qDepolPc() > 0 && r.qHyperpolPc() < 0, r.qDepolPc() + " / " + r.qHyperpolPc());
        assertTrue(r.provenance().notes().stream().anyMatch(n -> n.contains("sosfiltfilt")));
    }

    static double median(double[] a) {
        double[] s = a.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
