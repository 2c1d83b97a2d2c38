package org.signalanalyzer.dsp.export;

import java.util.List;
import org.signalanalyzer.dsp.analysis.Adjustments;
import org.signalanalyzer.dsp.analysis.AnalysisResult;

/**
 * What the lab's per-file sheet and semicolon CSV show of one analysis: the purple curves (pA, times in ms) and their
 * integrals (pC), and the lines saying what was adjusted on screen (empty when nothing was).
 */
record LabEntry(
        String fileName,
        double v2Mv,
        double hyperpolIntegralPc,
        double depolIntegralPc,
        double[] hyperpolPa,
        double[] hyperpolTimeMs,
        double[] depolPa,
        double[] depolTimeMs,
        List<String> adjustments) {

    LabEntry {
        if (hyperpolPa.length != hyperpolTimeMs.length || depolPa.length != depolTimeMs.length) {
            throw new IllegalArgumentException("a purple curve of " + fileName + " has as many times as values");
        }
    }

    /** The lab's view of an analysis: times converted from the result's seconds to ms. */
    static LabEntry of(NamedAnalysis a) {
        AnalysisResult r = a.result();
        return new LabEntry(
                a.fileName(),
                r.v2Mv(),
                r.qHyperpolPc(),
                r.qDepolPc(),
                r.purpleHyperpol(),
                Units.secondsToMs(r.purpleHyperpolTimesS()),
                r.purpleDepol(),
                Units.secondsToMs(r.purpleDepolTimesS()),
                Adjustments.describe(r));
    }

    /** The desktop's "Overall Integral": the plain sum, so a hyperpol charge of the opposite sign cancels. */
    double overallIntegralPc() {
        return hyperpolIntegralPc + depolIntegralPc;
    }
}
