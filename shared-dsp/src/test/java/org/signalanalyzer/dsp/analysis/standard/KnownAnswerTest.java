package org.signalanalyzer.dsp.analysis.standard;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.signalanalyzer.dsp.analysis.AnalysisMode;
import org.signalanalyzer.dsp.analysis.AnalysisRequest;
import org.signalanalyzer.dsp.analysis.AnalysisResult;
import org.signalanalyzer.dsp.analysis.InvalidAnalysisParameterException;
import org.signalanalyzer.dsp.analysis.StartingPoint;
import org.signalanalyzer.dsp.analysis.StepProtocolAnalysis;
import org.signalanalyzer.dsp.analysis.SyntheticStepRecording;
import org.signalanalyzer.dsp.filter.FilterChain;
import org.signalanalyzer.dsp.io.Channel;
import org.signalanalyzer.dsp.io.Recording;

/**
 * The known-answer test of docs/analysis-decisions.md. Reference: the synthetic cell's own non-linear charge Q
 * (SyntheticStepRecording). Standard mode must give Q_depol = +Q and Q_hyperpol = −Q within 2 %.
 */
class KnownAnswerTest {

    static final StepProtocolAnalysis.Input INPUT = new StepProtocolAnalysis.Input("synthetic.atf", "none");

    @ParameterizedTest(name = "{0} Hz, seed {1}, shift {2} ms, Q {3} pC")
    @CsvSource({
        "20000, 1, 0, 2",
        "20000, 2, 0.0137, 2",
        "20000, 3, 0.2731, 1",
        "20000, 7, 3.7777, 1",
        "100000, 4, 0, 2",
        "100000, 5, 0.00377, 2",
        "100000, 6, 0.2467, 1",
        "100000, 8, 4.1234, 1",
    })
    void standardModeRecoversTheNonLinearCharge(double fs, long seed, double shiftMs, double q) {
        SyntheticStepRecording s = new SyntheticStepRecording();
        s.fs = fs;
        s.seed = seed;
        s.qPc = q;
        for (int k = 0; k < s.onsetsS.length; k++) s.onsetsS[k] += shiftMs * 1e-3 * (k % 3 + 1) / 3;
        Recording rec = s.build();
        AnalysisRequest req = new AnalysisRequest(AnalysisMode.STANDARD, s.parameters(), null, null, null, 0, 0, null);
        AnalysisResult r = StepProtocolAnalysis.run(rec, req, INPUT);
        assertEquals(q, r.qDepolPc(), 0.02 * q, "Q_depol");
        assertEquals(-q, r.qHyperpolPc(), 0.02 * q, "Q_hyperpol");
        assertEquals(StepOnsets.FROM_VOLTAGE, r.provenance().onsetSource());
        // Each onset is found within a sample of where the synthetic step really starts.
        for (int k = 0; k < s.onsetsS.length; k++) {
            double found = r.steps().get(k).timeS();
            assertTrue(
                    Math.abs(found - s.onsetsS[k]) < 1.5 / fs,
                    "onset " + k + " at " + found + " s, true " + s.onsetsS[k] + " s");
        }
    }

    @Test
    void channelsInNanoampsAndVoltsGiveTheSameCharge() {
        SyntheticStepRecording s = new SyntheticStepRecording();
        Recording pa = s.build();
        double[] i = pa.samples(0, 0);
        double[] v = pa.samples(0, 1);
        for (int k = 0; k < i.length; k++) {
            i[k] /= 1000;
            v[k] /= 1000;
        }
        Recording na = new Recording(
                "synthetic.abf",
                pa.format(),
                "2.0",
                pa.acquisitionMode(),
                pa.sampleIntervalS(),
                0,
                List.of(new Channel("Im", "nA"), new Channel("Vm", "V")),
                new double[] {0},
                new double[][][] {{i, v}},
                List.of(),
                "",
                null,
                Map.of());
        AnalysisRequest req = new AnalysisRequest(AnalysisMode.STANDARD, s.parameters(), null, null, null, 0, 0, null);
        AnalysisResult a = StepProtocolAnalysis.run(pa, req, INPUT);
        AnalysisResult b = StepProtocolAnalysis.run(na, req, INPUT);
        assertEquals(a.qDepolPc(), b.qDepolPc(), 1e-9 * Math.abs(a.qDepolPc()));
        assertEquals(a.qHyperpolPc(), b.qHyperpolPc(), 1e-9 * Math.abs(a.qHyperpolPc()));
        InvalidAnalysisParameterException e = assertThrows(
                InvalidAnalysisParameterException.class,
                () -> StepProtocolAnalysis.run(
                        pa,
                        new AnalysisRequest(AnalysisMode.STANDARD, s.parameters(), null, null, null, 0, 1, null),
                        INPUT));
        assertTrue(e.getMessage().contains("not a current"), e.getMessage());
    }

    @ParameterizedTest(name = "{0} Hz, epoch table {1}")
    @CsvSource({"20000, true", "100000, true", "20000, false", "100000, false"})
    void withoutAVoltageChannelTheEpochTableOrTheTypedTimesGiveTheOnsets(double fs, boolean epochTable) {
        SyntheticStepRecording s = new SyntheticStepRecording();
        s.fs = fs;
        AnalysisRequest req = new AnalysisRequest(AnalysisMode.STANDARD, s.parameters(), null, null, null, 0, 0, null);
        AnalysisResult r = StepProtocolAnalysis.run(s.buildCurrentOnly(epochTable), req, INPUT);
        assertEquals(
                epochTable ? StepOnsets.FROM_EPOCHS : StepOnsets.FROM_PARAMETERS,
                r.provenance().onsetSource());
        assertEquals(s.qPc, r.qDepolPc(), 0.02 * s.qPc);
        assertEquals(-s.qPc, r.qHyperpolPc(), 0.02 * s.qPc);
    }

    @ParameterizedTest(name = "{0} Hz, filter {1}")
    @CsvSource({"20000, raw", "100000, raw", "100000, batch"})
    void standardModeWithAZeroPhaseFilter(double fs, String preset) {
        SyntheticStepRecording s = new SyntheticStepRecording();
        s.fs = fs;
        s.durationS = 1.0;
        AnalysisRequest req = new AnalysisRequest(
                AnalysisMode.STANDARD, s.parameters(), null, FilterChain.preset(preset), null, 0, 0, null);
        AnalysisResult r = StepProtocolAnalysis.run(s.build(), req, INPUT);
        assertEquals(s.qPc, r.qDepolPc(), 0.02 * s.qPc);
        assertEquals(-s.qPc, r.qHyperpolPc(), 0.02 * s.qPc);
    }

    @ParameterizedTest(name = "{0} Hz")
    @CsvSource({"20000", "50000"})
    void desktopModeRefusesARateItCannotHandle(double fs) {
        SyntheticStepRecording s = new SyntheticStepRecording();
        s.fs = fs;
        s.durationS = 1.2;
        AnalysisRequest req =
                new AnalysisRequest(AnalysisMode.DESKTOP, s.parameters(), StartingPoint.AUTO, null, null, 0, 0, null);
        InvalidAnalysisParameterException e = assertThrows(
                InvalidAnalysisParameterException.class, () -> StepProtocolAnalysis.run(s.build(), req, INPUT));
        assertTrue(e.getMessage().contains("100 kHz") && e.getMessage().contains("standard"), e.getMessage());
    }

    @ParameterizedTest(name = "start point {0}")
    @CsvSource({"auto", "35", "7"})
    void desktopModeRunsOnTheSameRecordingAt100kHz(String start) {
        SyntheticStepRecording s = new SyntheticStepRecording();
        s.durationS = 1.2;
        AnalysisRequest req = new AnalysisRequest(
                AnalysisMode.DESKTOP, s.parameters(), StartingPoint.parse(start), null, null, 0, 0, null);
        AnalysisResult r = assertDoesNotThrow(() -> StepProtocolAnalysis.run(s.build(), req, INPUT));
        assertTrue(Double.isFinite(r.qDepolPc()) && Double.isFinite(r.qHyperpolPc()));
    }

    @ParameterizedTest(name = "{0} s")
    @CsvSource({"0.3", "0.55"})
    void desktopModeSaysWhenTheRecordingIsTooShort(double durationS) {
        SyntheticStepRecording s = new SyntheticStepRecording();
        s.durationS = durationS;
        s.onsetsS = new double[] {0.0173, 0.0473, 0.0773, 0.1073, 0.1373, 0.1673};
        AnalysisRequest req = new AnalysisRequest(
                AnalysisMode.DESKTOP, s.parameters(), StartingPoint.given(35), null, null, 0, 0, null);
        InvalidAnalysisParameterException e = assertThrows(
                InvalidAnalysisParameterException.class, () -> StepProtocolAnalysis.run(s.build(), req, INPUT));
        assertTrue(e.getMessage().contains("too short") && e.getMessage().contains("short by"), e.getMessage());
    }
}
