package org.signalanalyzer.functions.api;

import static org.junit.jupiter.api.Assertions.*;
import static org.signalanalyzer.functions.support.ApiHarness.call;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.signalanalyzer.dsp.analysis.AnalysisMode;
import org.signalanalyzer.dsp.analysis.AnalysisRequest;
import org.signalanalyzer.dsp.analysis.AnalysisResult;
import org.signalanalyzer.dsp.analysis.CurveFit;
import org.signalanalyzer.dsp.analysis.CurveFits;
import org.signalanalyzer.dsp.analysis.FitModel;
import org.signalanalyzer.dsp.analysis.IntegrationRanges;
import org.signalanalyzer.dsp.analysis.Integrals;
import org.signalanalyzer.dsp.analysis.ProtocolParameters;
import org.signalanalyzer.dsp.analysis.StepProtocolAnalysis;
import org.signalanalyzer.dsp.filter.FilterChain;

/**
 * A standard-mode analysis of the desktop sample through the Lambda entry point: the answer carries display curves
 * (min/max envelopes of the full curves, well under 1 MB where the full result is ≈2.7 MB), while the stored result
 * stays complete: integrals and fits asked afterwards equal shared-dsp's on the full result run directly (exactly:
 * same code, float64 storage).
 */
class StandardModeAnswerTest {

    @BeforeAll
    static void setUp() throws Exception {
        ProcessFlowTest.upload();
    }

    @Test
    void theAnswerCarriesDisplayCurvesAndTheStoredResultStaysComplete() {
        var r = call("POST", "/api/sessions/" + ProcessFlowTest.sid + "/analyses", ProcessFlowTest.token,
                Map.of("fileId", ProcessFlowTest.fileId, "mode", "standard", "chain", Map.of("preset", "batch")));
        assertEquals(201, r.status(), r.toString());
        assertTrue(r.body().length() < 1_000_000, "the analysis answer is " + r.body().length() + " bytes");
        JsonNode result = r.json().get("result");
        String analysisId = r.json().get("analysisId").asText();

        AnalysisResult full = StepProtocolAnalysis.run(ProcessFlowTest.recording, new AnalysisRequest(
                AnalysisMode.STANDARD, ProtocolParameters.DESKTOP_DEFAULTS, null, FilterChain.preset("batch"), null,
                0, 0, null), StepProtocolAnalysis.Input.of("202304_0521.atf", ProcessFlowTest.bytes));
        assertEquals(full.qHyperpolPc(), result.get("qHyperpolPc").asDouble(), 0.0);
        assertEquals(full.capacitanceNf(), result.get("capacitanceNf").asDouble(), 0.0);

        assertTrue(full.normalized().length > 30_000, "the full curve is at sample resolution");
        JsonNode shown = result.get("normalized");
        JsonNode shownTimes = result.get("normalizedTimesS");
        assertTrue(shown.size() <= 3000, "display points: " + shown.size());
        assertEquals(shown.size(), shownTimes.size());
        // An envelope keeps the curve's extremes (a spike stays visible), and every point is one of the curve's.
        double[] values = new double[shown.size()];
        for (int i = 0; i < values.length; i++) values[i] = shown.get(i).asDouble();
        assertEquals(Arrays.stream(full.normalized()).max().orElseThrow(), Arrays.stream(values).max().orElseThrow(), 0.0);
        assertEquals(Arrays.stream(full.normalized()).min().orElseThrow(), Arrays.stream(values).min().orElseThrow(), 0.0);
        JsonNode indices = r.json().get("displayIndices").get("normalized");
        assertEquals(shown.size(), indices.size());
        for (int i = 0; i < values.length; i++) {
            int at = indices.get(i).asInt();
            assertTrue(i == 0 || at > indices.get(i - 1).asInt(), "points in order");
            assertEquals(full.normalizedTimesS()[at], shownTimes.get(i).asDouble(), 0.0, "time of point " + i);
            assertEquals(full.normalized()[at], values[i], 0.0, "point " + i);
        }

        var again = call("GET", "/api/sessions/" + ProcessFlowTest.sid + "/analyses/" + analysisId,
                ProcessFlowTest.token, null);
        assertEquals(result, again.json().get("result"), "read back as answered");

        var q = call("POST", "/api/sessions/" + ProcessFlowTest.sid + "/analyses/" + analysisId + "/integrals",
                ProcessFlowTest.token, Map.of("hyperpol", new double[] {0.5, 40}, "depol", new double[] {0.5, 40}));
        assertEquals(200, q.status(), q.toString());
        Integrals.Charges c = Integrals.of(full, IntegrationRanges.ms(0.5, 40, 0.5, 40));
        assertEquals(c.qHyperpolPc(), q.json().get("qHyperpolPc").asDouble(), 0.0);
        assertEquals(c.qDepolPc(), q.json().get("qDepolPc").asDouble(), 0.0);
        assertEquals(c.capacitanceNf(), q.json().get("capacitanceNf").asDouble(), 0.0);
        assertEquals("ms", q.json().get("ranges").get("unit").asText());

        // A fit between two shown points, asked with their full-curve indices, is shared-dsp's fit on the full curve.
        JsonNode purple = r.json().get("displayIndices").get("purpleHyperpol");
        int from = purple.get(10).asInt();
        int to = purple.get(purple.size() / 2).asInt();
        var fit = call("POST", "/api/sessions/" + ProcessFlowTest.sid + "/analyses/" + analysisId + "/fits",
                ProcessFlowTest.token, Map.of("curve", "hyperpol", "model", "exp-decay", "from", from, "to", to));
        assertEquals(200, fit.status(), fit.toString());
        CurveFit f = CurveFits.fit(full, "hyperpol", FitModel.EXP_DECAY, from, to);
        assertEquals(f.parameters().get("tauMs"), fit.json().get("parameters").get("tauMs").asDouble(), 0.0);
        assertEquals(f.rSquared(), fit.json().get("rSquared").asDouble(), 0.0);
    }
}
