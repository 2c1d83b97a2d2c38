package org.signalanalyzer.functions.priming;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.signalanalyzer.dsp.analysis.AnalysisResult;
import org.signalanalyzer.functions.support.ApiHarness;

/** The priming hook is a bean of the Lambda context and runs a complete analysis, not just class loading. */
class SnapStartPrimingTest {

    @Test
    void theHookIsRegisteredAndRunsARealAnalysis() {
        SnapStartPriming priming = ApiHarness.handler().getApplicationContext().getBean(SnapStartPriming.class);
        AnalysisResult r = priming.prime();
        assertEquals(199, r.purpleDepol().length, "the desktop's purple curve length");
        assertTrue(Double.isFinite(r.capacitanceNf()) && Double.isFinite(r.qDepolPc()), r.toString());
        assertDoesNotThrow(() -> priming.beforeCheckpoint(null));
    }
}
