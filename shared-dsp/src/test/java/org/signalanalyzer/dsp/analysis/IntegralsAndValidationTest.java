package org.signalanalyzer.dsp.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.signalanalyzer.dsp.io.Recording;

/** Integrals recomputed from a stored result equal a fresh run; parameters are refused with a clear reason. */
class IntegralsAndValidationTest {

    static Recording rec;
    static StepProtocolAnalysis.Input input;

    @BeforeAll
    static void read() throws Exception {
        DesktopSample sample = DesktopSample.read();
        rec = sample.recording();
        input = sample.input();
    }

    @Test
    void desktopRecomputeFromStoredJsonEqualsAFreshRun() {
        AnalysisRequest req = AnalysisRequest.desktopDefaults().withStartingPoint(StartingPoint.given(35));
        AnalysisResult stored = AnalysisResult.fromJson(
                StepProtocolAnalysis.run(rec, req, input).toJson());
        IntegrationRanges ranges = IntegrationRanges.points(10, 150, 5, 100);
        AnalysisResult recomputed = Integrals.recompute(stored, ranges);
        AnalysisResult fresh = StepProtocolAnalysis.run(rec, req.withRanges(ranges), input);
        assertEquals(fresh.qHyperpolPc(), recomputed.qHyperpolPc(), 0.0);
        assertEquals(fresh.qDepolPc(), recomputed.qDepolPc(), 0.0);
        assertEquals(fresh.capacitanceNf(), recomputed.capacitanceNf(), 0.0);
        assertEquals(ranges, recomputed.ranges());
    }

    @Test
    void standardRecomputeEqualsAFreshRun() {
        AnalysisRequest req = AnalysisRequest.desktopDefaults().withMode(AnalysisMode.STANDARD);
        AnalysisResult stored = AnalysisResult.fromJson(
                StepProtocolAnalysis.run(rec, req, input).toJson());
        IntegrationRanges ranges = IntegrationRanges.ms(-0.05, 20, 0.3, 35.5);
        AnalysisResult recomputed = Integrals.recompute(stored, ranges);
        AnalysisResult fresh = StepProtocolAnalysis.run(rec, req.withRanges(ranges), input);
        assertEquals(fresh.qHyperpolPc(), recomputed.qHyperpolPc(), 0.0);
        assertEquals(fresh.qDepolPc(), recomputed.qDepolPc(), 0.0);
        assertEquals(fresh.capacitanceNf(), recomputed.capacitanceNf(), 0.0);
    }

    @Test
    void desktopRangeInPointsIsTheTrapezoidOverSeconds() {
        AnalysisResult r = StepProtocolAnalysis.run(
                rec, AnalysisRequest.desktopDefaults().withStartingPoint(StartingPoint.given(35)), input);
        double[] y = r.purpleDepol();
        double[] t = r.purpleDepolTimesS();
        double q = 0;
        for (int i = 20; i < 59; i++) q += (t[i + 1] - t[i]) * (y[i + 1] + y[i]) / 2;
        AnalysisResult part = Integrals.recompute(r, IntegrationRanges.points(0, 200, 20, 60));
        assertEquals(q, part.qDepolPc(), 1e-9 * Math.abs(q));
        assertThrows(
                InvalidAnalysisParameterException.class,
                () -> Integrals.recompute(r, IntegrationRanges.ms(0, 10, 0, 10)));
    }

    @Test
    void parametersOutOfRangeAreRefusedWithTheReason() {
        assertMessage("nCycles must be 1 to 10", () -> new ProtocolParameters(11, 20, 100, 100, -80, -100, -20));
        assertMessage("t1Ms must be > 0 ms", () -> new ProtocolParameters(2, 20, 0, 100, -80, -100, -20));
        assertMessage("v2Mv must be -100 to 100 mV", () -> new ProtocolParameters(2, 20, 100, 100, -80, -100, 120));
        assertMessage("at least 1", () -> StartingPoint.given(0));
        assertMessage("'auto' or a whole number", () -> StartingPoint.parse("soon"));
        assertMessage("0 ≤ start < end", () -> IntegrationRanges.points(50, 20, 0, 10));
    }

    @Test
    void aStartingPointThatLeavesNoRoomSaysBy_howMuch() {
        InvalidAnalysisParameterException e = assertThrows(
                InvalidAnalysisParameterException.class,
                () -> StepProtocolAnalysis.run(
                        rec, AnalysisRequest.desktopDefaults().withStartingPoint(StartingPoint.given(1100)), input));
        assertTrue(e.getMessage().contains("1100") && e.getMessage().contains("short by 99"), e.getMessage());
    }

    @Test
    void v2FromFileNamesAsTheDesktopReadsThem() {
        assertEquals(
                10, VoltageFromFileName.parse("20130507_0006_10mVdepol.atf").getAsDouble());
        assertEquals(
                -50, VoltageFromFileName.parse("dir/20130507_0007_-50depol.atf").getAsDouble());
        assertEquals(-20, VoltageFromFileName.parse("20230405_0521_-20mV.atf").getAsDouble());
        assertTrue(VoltageFromFileName.parse("202304_0521.atf").isEmpty());
    }

    @Test
    void setNamesAsTheDesktopsBatchExportReadsThem() {
        assertEquals(
                new VoltageFromFileName.SetName("20230405_0521", 3, -20),
                VoltageFromFileName.parseSetName("20230405_0521_3_-20mV.ATF").orElseThrow());
        assertEquals(
                new VoltageFromFileName.SetName("20230405_052", 12, 40),
                VoltageFromFileName.parseSetName("x/20230405_052_12_+40mV.atf").orElseThrow());
        assertEquals(
                new VoltageFromFileName.SetName("0521_a", 2, 10),
                VoltageFromFileName.parseSetName("0521_a_2_10mV_extra.atf").orElseThrow());
        assertTrue(VoltageFromFileName.parseSetName("202304_0521.atf").isEmpty());
    }

    static void assertMessage(String part, Executable e) {
        InvalidAnalysisParameterException ex = assertThrows(InvalidAnalysisParameterException.class, e);
        assertTrue(ex.getMessage().contains(part), ex.getMessage());
    }
}
