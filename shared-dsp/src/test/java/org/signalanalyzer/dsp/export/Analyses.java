package org.signalanalyzer.dsp.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.signalanalyzer.dsp.analysis.AnalysisMode;
import org.signalanalyzer.dsp.analysis.AnalysisResult;
import org.signalanalyzer.dsp.analysis.CurveFit;
import org.signalanalyzer.dsp.analysis.FitModel;
import org.signalanalyzer.dsp.analysis.IntegrationRanges;
import org.signalanalyzer.dsp.analysis.ProtocolParameters;
import org.signalanalyzer.dsp.analysis.Provenance;
import org.signalanalyzer.dsp.analysis.desktop.StartingPointScore;

/**
 * Analysis results built for export tests, shaped like a desktop-mode analysis of the sample recording (n = 35:
 * 199-point purple curves at 0.5 ms spacing from 417.745 ms and 517.745 ms). Values vary per point and per file so
 * that a value written to the wrong cell or row shows.
 */
final class Analyses {

    private Analyses() {}

    static NamedAnalysis named(String fileName, double v2, double seed) {
        return new NamedAnalysis(fileName, fileName, result(fileName, v2, seed));
    }

    static AnalysisResult result(String fileName, double v2, double seed) {
        try {
            ProtocolParameters params = ProtocolParameters.DESKTOP_DEFAULTS.withV2Mv(v2);
            Provenance p = new Provenance(
                    AnalysisMode.DESKTOP,
                    params,
                    "35",
                    new ObjectMapper()
                            .readTree("{\"steps\":[{\"type\":\"savgol\",\"window\":101,\"order\":3},"
                                    + "{\"type\":\"butterworth\",\"cutoffHz\":2000,\"order\":2}]}"),
                    "desktop forward-backward, zero state, no padding",
                    0,
                    0,
                    null,
                    null,
                    fileName,
                    "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                    1e5,
                    "0.1.0",
                    "2026-11-24T23:00:00Z",
                    List.of("spike fix moved 11 points", "second note; with a semicolon"));
            double[] orange = curve(2200, seed, 1);
            double[] orangeT = times(2200, 0.000245);
            double[] normalized = curve(800, seed, 2);
            double[] normalizedT = times(800, 0.000245 + 35 * 0.0005);
            double[] average = curve(200, seed, 3);
            double[] averageT = times(200, 0.000245 + 35 * 0.0005);
            double[] hyper = curve(199, seed, 4);
            double[] hyperT = times(199, 0.517745);
            double[] depol = curve(199, seed, 5);
            double[] depolT = times(199, 0.417745);
            CurveFit fit = new CurveFit(
                    "hyperpol",
                    FitModel.EXP_DECAY,
                    2,
                    60,
                    Map.of("amplitude", -480.25 - seed, "tauMs", 3.75, "offset", -12.5),
                    0.987,
                    new double[] {0, 5e-4},
                    new double[] {-480, -470});
            CurveFit line = new CurveFit(
                    "depol",
                    FitModel.LINEAR,
                    100,
                    198,
                    Map.of("slope", 12.5, "intercept", -3.25),
                    0.5,
                    new double[] {0.4677},
                    new double[] {-3});
            double qh = -44.528545 + seed;
            double qd = -36.815969 - seed / 3;
            return new AnalysisResult(
                    AnalysisMode.DESKTOP,
                    35,
                    "given",
                    List.of(
                            new StartingPointScore(10, 0.61, 0.6, 0.62, null),
                            new StartingPointScore(80, 0, 0, 0, "orange curve too short")),
                    1961.936761 + seed,
                    -80,
                    v2,
                    orange,
                    orangeT,
                    normalized,
                    normalizedT,
                    average,
                    averageT,
                    hyper,
                    hyperT,
                    depol,
                    depolT,
                    null,
                    null,
                    List.of(),
                    IntegrationRanges.points(0, 200, 0, 200),
                    qh,
                    qd,
                    Math.abs(qh - qd) / Math.abs(v2 + 80),
                    List.of(fit, line),
                    p);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A decaying transient with a per-point wobble and full double precision (digits beyond any display format). */
    private static double[] curve(int n, double seed, int which) {
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = -505.988406123 * Math.exp(-i / (20.0 + which)) + 3.1 * Math.sin(i * 0.7 + seed) - which / 7.0;
        }
        return y;
    }

    private static double[] times(int n, double first) {
        double[] t = new double[n];
        for (int i = 0; i < n; i++) t[i] = first + i * 0.0005;
        return t;
    }
}
