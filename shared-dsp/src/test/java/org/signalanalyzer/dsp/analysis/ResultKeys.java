package org.signalanalyzer.dsp.analysis;

import java.util.List;

/** The keys every analysis result's JSON holds, as docs/api.md promises them: one list for every test that checks. */
public final class ResultKeys {

    public static final List<String> PROMISED = List.of(
            "startingPoint",
            "baselinePa",
            "orange",
            "orangeTimesS",
            "normalized",
            "average",
            "purpleHyperpol",
            "purpleHyperpolTimesS",
            "purpleDepol",
            "purpleDepolTimesS",
            "qHyperpolPc",
            "qDepolPc",
            "capacitanceNf",
            "provenance",
            "mode",
            "v2Mv",
            "v0Mv",
            "ranges");

    private ResultKeys() {}
}
