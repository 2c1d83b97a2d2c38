package org.signalanalyzer.functions.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.signalanalyzer.functions.support.ApiHarness.call;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.signalanalyzer.dsp.SharedData;
import org.signalanalyzer.dsp.analysis.AnalysisMode;
import org.signalanalyzer.dsp.analysis.AnalysisRequest;
import org.signalanalyzer.dsp.analysis.AnalysisResult;
import org.signalanalyzer.dsp.analysis.CurveFit;
import org.signalanalyzer.dsp.analysis.CurveFits;
import org.signalanalyzer.dsp.analysis.FitModel;
import org.signalanalyzer.dsp.analysis.Integrals;
import org.signalanalyzer.dsp.analysis.IntegrationRanges;
import org.signalanalyzer.dsp.analysis.ProtocolParameters;
import org.signalanalyzer.dsp.analysis.StartingPoint;
import org.signalanalyzer.dsp.analysis.StepProtocolAnalysis;
import org.signalanalyzer.dsp.filter.FilterChain;
import org.signalanalyzer.dsp.io.Recording;
import org.signalanalyzer.dsp.io.RecordingReaders;
import org.signalanalyzer.functions.support.ApiHarness;
import org.signalanalyzer.functions.support.SampleAnalysis;

/**
 * Process and integrals through the Lambda entry point on the desktop sample. References: shared-dsp run
 * directly on the same file (must be equal exactly: same code, float64 storage) and the desktop application's
 * own numbers (expected-desktop.json, case batch_n35; relative 1e-9).
 */
class ProcessFlowTest {

    static String sid;
    static String token;
    static String fileId;
    static Recording recording;
    static byte[] bytes;

    /** A session holding the desktop sample, uploaded and completed (shared by the science tests). */
    static synchronized void upload() throws Exception {
        if (sid != null) return;
        Path atf = SharedData.desktop("202304_0521.atf");
        bytes = Files.readAllBytes(atf);
        recording = RecordingReaders.read(atf);
        String[] s = ApiHarness.newSession();
        fileId = UploadFlowTest.upload(s[0], s[1], "202304_0521.atf", bytes, "application/octet-stream");
        assertEquals(
                200,
                call("POST", "/api/sessions/" + s[0] + "/files/" + fileId + "/complete", s[1], null)
                        .status());
        token = s[1];
        sid = s[0];
    }

    @BeforeAll
    static void setUp() throws Exception {
        upload();
    }

    static AnalysisResult direct(String preset, StartingPoint sp) {
        AnalysisRequest req = new AnalysisRequest(
                AnalysisMode.DESKTOP,
                ProtocolParameters.DESKTOP_DEFAULTS,
                sp,
                FilterChain.preset(preset),
                null,
                0,
                0,
                null);
        return StepProtocolAnalysis.run(recording, req, StepProtocolAnalysis.Input.of("202304_0521.atf", bytes));
    }

    static void sameCurve(double[] expected, JsonNode actual, String what) {
        assertEquals(expected.length, actual.size(), what + " length");
        for (int i = 0; i < expected.length; i++)
            assertEquals(expected[i], actual.get(i).asDouble(), 0.0, what + i);
    }

    @Test
    void processStoresTheResultSharedDspComputesAndIntegralsRecomputeIt() {
        var r = call("POST", "/api/sessions/" + sid + "/analyses", token, SampleAnalysis.desktop(fileId, "batch"));
        assertEquals(201, r.status(), r.toString());
        assertTrue(
                r.body().length() < 1_000_000,
                "the analysis answer is " + r.body().length() + " bytes");
        JsonNode view = r.json();
        String analysisId = view.get("analysisId").asText();
        JsonNode result = view.get("result");

        AnalysisResult expected = direct("batch", StartingPoint.given(35));
        assertEquals(expected.qHyperpolPc(), result.get("qHyperpolPc").asDouble(), 0.0);
        assertEquals(expected.qDepolPc(), result.get("qDepolPc").asDouble(), 0.0);
        assertEquals(expected.capacitanceNf(), result.get("capacitanceNf").asDouble(), 0.0);
        sameCurve(expected.orange(), result.get("orange"), "orange");
        sameCurve(expected.purpleDepol(), result.get("purpleDepol"), "purpleDepol");
        // The desktop application's own numbers for this case (expected-desktop.json batch_n35).
        assertEquals(-14.117414341533726, result.get("qHyperpolPc").asDouble(), 14.12 * 1e-9);
        assertEquals(9.315680642187917, result.get("qDepolPc").asDouble(), 9.32 * 1e-9);
        assertEquals(0.3905515830620274, result.get("capacitanceNf").asDouble(), 0.39 * 1e-9);
        assertEquals(expected.qDepolPc(), view.get("summary").get("qDepolPc").asDouble(), 0.0);

        var again = call("GET", "/api/sessions/" + sid + "/analyses/" + analysisId, token, null);
        assertEquals(200, again.status());
        assertEquals(result, again.json().get("result"), "the stored result reads back unchanged");
        var history = call("GET", "/api/sessions/" + sid + "/analyses", token, null)
                .json()
                .get("analyses");
        assertTrue(history.findValuesAsText("analysisId").contains(analysisId));
        assertEquals(200, call("GET", "/api/sessions/" + sid, token, null).status());

        var q = call(
                "POST",
                "/api/sessions/" + sid + "/analyses/" + analysisId + "/integrals",
                token,
                Map.of("hyperpol", new int[] {10, 150}, "depol", new int[] {5, 120}));
        assertEquals(200, q.status(), q.toString());
        Integrals.Charges c = Integrals.of(expected, IntegrationRanges.points(10, 150, 5, 120));
        assertEquals(c.qHyperpolPc(), q.json().get("qHyperpolPc").asDouble(), 0.0);
        assertEquals(c.qDepolPc(), q.json().get("qDepolPc").asDouble(), 0.0);
        assertEquals(c.capacitanceNf(), q.json().get("capacitanceNf").asDouble(), 0.0);
        assertEquals("points", q.json().get("ranges").get("unit").asText());

        var fit = call(
                "POST",
                "/api/sessions/" + sid + "/analyses/" + analysisId + "/fits",
                token,
                Map.of("curve", "hyperpol", "model", "exp-decay", "from", 5, "to", 150));
        assertEquals(200, fit.status(), fit.toString());
        CurveFit f = CurveFits.fit(expected, "hyperpol", FitModel.EXP_DECAY, 5, 150);
        assertEquals(f.rSquared(), fit.json().get("rSquared").asDouble(), 0.0);
        assertEquals(
                f.parameters().get("tauMs"),
                fit.json().get("parameters").get("tauMs").asDouble(),
                0.0);
        sameCurve(f.fitted(), fit.json().get("fitted"), "fitted");
        assertEquals(
                400,
                call(
                                "POST",
                                "/api/sessions/" + sid + "/analyses/" + analysisId + "/fits",
                                token,
                                Map.of("curve", "hyperpol", "model", "cubic", "from", 5, "to", 150))
                        .status());

        var badRange = call(
                "POST",
                "/api/sessions/" + sid + "/analyses/" + analysisId + "/integrals",
                token,
                Map.of("hyperpol", new double[] {0.5, 3}, "depol", new int[] {0, 10}));
        assertEquals(400, badRange.status(), badRange.toString());

        String[] other = ApiHarness.newSession();
        assertEquals(
                404,
                call("GET", "/api/sessions/" + other[0] + "/analyses/" + analysisId, other[1], null)
                        .status());
        assertEquals(
                404,
                call(
                                "POST",
                                "/api/sessions/" + other[0] + "/analyses/" + analysisId + "/integrals",
                                other[1],
                                Map.of("hyperpol", new int[] {0, 10}, "depol", new int[] {0, 10}))
                        .status());
        assertEquals(
                403,
                call("GET", "/api/sessions/" + sid + "/analyses/" + analysisId, other[1], null)
                        .status());
    }

    @Test
    void badParametersAreRefusedWithTheFieldNamed() {
        var r = call(
                "POST",
                "/api/sessions/" + sid + "/analyses",
                token,
                Map.of("fileId", fileId, "mode", "desktop", "params", Map.of("nCycles", 42)));
        assertEquals(400, r.status(), r.toString());
        assertTrue(r.json().get("message").asText().contains("nCycles must be 1 to 10, got 42"), r.toString());
        var chain = call(
                "POST",
                "/api/sessions/" + sid + "/analyses",
                token,
                Map.of("fileId", fileId, "chain", Map.of("steps", new Object[] {Map.of("type", "no-such-filter")})));
        assertEquals(400, chain.status(), chain.toString());
        var noFile = call("POST", "/api/sessions/" + sid + "/analyses", token, Map.of("mode", "desktop"));
        assertEquals(400, noFile.status());
    }
}
