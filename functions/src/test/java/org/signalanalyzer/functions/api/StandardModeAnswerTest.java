package org.signalanalyzer.functions.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.signalanalyzer.functions.support.ApiHarness.call;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.signalanalyzer.dsp.analysis.AnalysisMode;
import org.signalanalyzer.dsp.analysis.AnalysisRequest;
import org.signalanalyzer.dsp.analysis.AnalysisResult;
import org.signalanalyzer.dsp.analysis.CurveFit;
import org.signalanalyzer.dsp.analysis.CurveFits;
import org.signalanalyzer.dsp.analysis.FitModel;
import org.signalanalyzer.dsp.analysis.Integrals;
import org.signalanalyzer.dsp.analysis.IntegrationRanges;
import org.signalanalyzer.dsp.analysis.ProtocolParameters;
import org.signalanalyzer.dsp.analysis.StepProtocolAnalysis;
import org.signalanalyzer.dsp.filter.FilterChain;

/**
 * A standard-mode analysis of the desktop sample through the Lambda entry point: the answer carries display curves
 * (column means with min/max of the full curves, time in ms from each step onset, well under 1 MB where the full
 * result is ≈2.7 MB), while the stored result stays complete: integrals and fits asked afterwards equal shared-dsp's
 * on the full result run directly (exactly: same code, float64 storage).
 */
class StandardModeAnswerTest {

    @BeforeAll
    static void setUp() throws Exception {
        ProcessFlowTest.upload();
    }

    @Test
    void theAnswerCarriesDisplayCurvesAndTheStoredResultStaysComplete() {
        var r = call(
                "POST",
                "/api/sessions/" + ProcessFlowTest.sid + "/analyses",
                ProcessFlowTest.token,
                Map.of("fileId", ProcessFlowTest.fileId, "mode", "standard", "chain", Map.of("preset", "raw")));
        assertEquals(201, r.status(), r.toString());
        assertTrue(
                r.body().length() < 1_000_000,
                "the analysis answer is " + r.body().length() + " bytes");
        JsonNode result = r.json().get("result");
        String analysisId = r.json().get("analysisId").asText();

        AnalysisResult full = StepProtocolAnalysis.run(
                ProcessFlowTest.recording,
                new AnalysisRequest(
                        AnalysisMode.STANDARD,
                        ProtocolParameters.DESKTOP_DEFAULTS,
                        null,
                        FilterChain.preset("raw"),
                        null,
                        0,
                        0,
                        null),
                StepProtocolAnalysis.Input.of("202304_0521.atf", ProcessFlowTest.bytes));
        assertEquals(full.qHyperpolPc(), result.get("qHyperpolPc").asDouble(), 0.0);
        assertEquals(full.capacitanceNf(), result.get("capacitanceNf").asDouble(), 0.0);

        assertTrue(full.purpleDepol().length > 3000, "the full curve is at sample resolution");
        assertEquals(0, result.get("purpleDepol").size(), "long curves are answered as display curves only");
        assertTrue(result.get("curvesOmitted").toString().contains("purpleDepol"));
        assertEquals(0, result.get("purpleDepolTimesS").size(), "with its times");
        // Each curve is either omitted, values and times, or answered whole.
        Map<String, double[]> fullCurves = Map.of(
                "orange",
                full.orange(),
                "normalized",
                full.normalized(),
                "average",
                full.average(),
                "purpleHyperpol",
                full.purpleHyperpol(),
                "purpleDepol",
                full.purpleDepol());
        fullCurves.forEach((name, values) -> {
            boolean omitted = result.get("curvesOmitted").toString().contains("\"" + name + "\"");
            assertEquals(omitted, values.length > 2 * 1500, name + " is omitted exactly when it is long");
            assertEquals(omitted ? 0 : values.length, result.get(name).size(), name);
            assertEquals(
                    omitted ? 0 : values.length, result.get(name + "TimesS").size(), name + "TimesS");
        });

        JsonNode depol = r.json().get("curves").get("purpleDepol");
        assertEquals("step onset", depol.get("origin").asText());
        assertEquals(full.depolOnsetS(), depol.get("originS").asDouble(), 0.0);
        assertEquals(full.purpleDepol().length, depol.get("sampleCount").asInt());
        assertTrue(depol.get("decimated").asBoolean());
        int columns = depol.get("mean").size();
        assertEquals(1500, columns);
        // Every sample in exactly one column, in order; each column's mean, min, max and time are its samples'.
        double[] y = full.purpleDepol();
        double[] t = full.purpleDepolTimesS();
        int next = 0;
        double spread = 0;
        for (int c = 0; c < columns; c++) {
            int a = depol.get("firstIndex").get(c).asInt();
            int b = depol.get("lastIndex").get(c).asInt();
            assertEquals(next, a, "column " + c + " starts where the last ended");
            next = b + 1;
            double sum = 0;
            double sumT = 0;
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int i = a; i <= b; i++) {
                sum += y[i];
                sumT += t[i];
                lo = Math.min(lo, y[i]);
                hi = Math.max(hi, y[i]);
            }
            int m = b - a + 1;
            assertEquals(sum / m, depol.get("mean").get(c).asDouble(), 1e-9 * Math.max(1, Math.abs(sum / m)));
            assertEquals(lo, depol.get("min").get(c).asDouble(), 0.0);
            assertEquals(hi, depol.get("max").get(c).asDouble(), 0.0);
            assertEquals(
                    (sumT / m - full.depolOnsetS()) * 1000,
                    depol.get("timeMs").get(c).asDouble(),
                    1e-9);
            spread = Math.max(spread, hi - lo);
        }
        assertEquals(y.length, next, "every sample shown");
        // Readable on raw data: the means integrate to the charge (ms → s), while a column's min/max spans the noise.
        double q = 0;
        JsonNode mean = depol.get("mean");
        JsonNode tm = depol.get("timeMs");
        for (int c = 0; c + 1 < columns; c++) {
            q += (tm.get(c + 1).asDouble() - tm.get(c).asDouble())
                    / 1000
                    * (mean.get(c).asDouble() + mean.get(c + 1).asDouble())
                    / 2;
        }
        assertEquals(full.qDepolPc(), q, 0.02 * Math.abs(full.qDepolPc()), "the drawn line carries the charge");
        assertTrue(spread > 10 * Math.abs(full.qDepolPc()), "raw columns span the noise: " + spread);

        var again = call(
                "GET", "/api/sessions/" + ProcessFlowTest.sid + "/analyses/" + analysisId, ProcessFlowTest.token, null);
        assertEquals(result, again.json().get("result"), "read back as answered");
        assertEquals(r.json().get("curves"), again.json().get("curves"));
        assertEquals(
                "raw", again.json().get("request").get("chain").get("steps").size() == 0 ? "raw" : "filtered");
        assertEquals("standard", again.json().get("request").get("mode").asText());

        var q2 = call(
                "POST",
                "/api/sessions/" + ProcessFlowTest.sid + "/analyses/" + analysisId + "/integrals",
                ProcessFlowTest.token,
                Map.of("hyperpol", new double[] {0.5, 40}, "depol", new double[] {0.5, 40}));
        assertEquals(200, q2.status(), q2.toString());
        Integrals.Charges c = Integrals.of(full, IntegrationRanges.ms(0.5, 40, 0.5, 40));
        assertEquals(c.qHyperpolPc(), q2.json().get("qHyperpolPc").asDouble(), 0.0);
        assertEquals(c.qDepolPc(), q2.json().get("qDepolPc").asDouble(), 0.0);
        assertEquals(c.capacitanceNf(), q2.json().get("capacitanceNf").asDouble(), 0.0);
        assertEquals("ms", q2.json().get("ranges").get("unit").asText());

        // A fit between two shown columns, asked with their full-curve indices, is shared-dsp's fit on the full curve.
        JsonNode purple = r.json().get("curves").get("purpleHyperpol");
        int from = purple.get("firstIndex").get(10).asInt();
        int to = purple.get("lastIndex").get(purple.get("lastIndex").size() / 2).asInt();
        var fit = call(
                "POST",
                "/api/sessions/" + ProcessFlowTest.sid + "/analyses/" + analysisId + "/fits",
                ProcessFlowTest.token,
                Map.of("curve", "hyperpol", "model", "exp-decay", "from", from, "to", to));
        assertEquals(200, fit.status(), fit.toString());
        CurveFit f = CurveFits.fit(full, "hyperpol", FitModel.EXP_DECAY, from, to);
        assertEquals(
                f.parameters().get("tauMs"),
                fit.json().get("parameters").get("tauMs").asDouble(),
                0.0);
        assertEquals(f.rSquared(), fit.json().get("rSquared").asDouble(), 0.0);
        assertEquals("ms", fit.json().get("units").get("tauMs").asText());
        assertEquals(
                (full.purpleHyperpolTimesS()[from] - full.hyperpolOnsetS()) * 1000,
                fit.json().get("timeMs").get(0).asDouble(),
                1e-9,
                "the fit is drawn on the curve's ms axis");
    }
}
