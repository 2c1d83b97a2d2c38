package org.signalanalyzer.functions.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.signalanalyzer.functions.support.ApiHarness.call;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.signalanalyzer.dsp.analysis.AnalysisResult;
import org.signalanalyzer.dsp.analysis.StartingPoint;
import org.signalanalyzer.dsp.filter.FilterChain;
import org.signalanalyzer.dsp.filter.FilterMetrics;
import org.signalanalyzer.dsp.io.Recording;
import org.signalanalyzer.dsp.plot.Decimation;
import org.signalanalyzer.dsp.plot.Envelope;
import org.signalanalyzer.functions.support.ApiHarness;
import org.signalanalyzer.functions.support.WorkbookValues;

/** Export (a real workbook through a presigned link, opened with POI) and filter preview, against shared-dsp. */
class ExportAndFilterTest {

    private static String sid;
    private static String token;
    private static String fileId;
    private static Recording recording;

    @BeforeAll
    static void setUp() throws Exception {
        ProcessFlowTest.upload();
        sid = ProcessFlowTest.sid;
        token = ProcessFlowTest.token;
        fileId = ProcessFlowTest.fileId;
        recording = ProcessFlowTest.recording;
    }

    private static AnalysisResult direct(String preset, StartingPoint sp) {
        return ProcessFlowTest.direct(preset, sp);
    }

    @Test
    void theExportLinkDownloadsAWorkbookHoldingTheAnalysisNumbers() throws Exception {
        var processed = call(
                "POST",
                "/api/sessions/" + sid + "/analyses",
                token,
                Map.of("fileId", fileId, "mode", "desktop", "chain", Map.of("preset", "raw"), "startingPoint", "35"));
        assertEquals(201, processed.status(), processed.toString());
        String analysisId = processed.json().get("analysisId").asText();
        AnalysisResult expected = direct("raw", StartingPoint.given(35));

        var export = call(
                "POST",
                "/api/sessions/" + sid + "/exports",
                token,
                Map.of("analysisIds", List.of(analysisId), "layout", "full"));
        assertEquals(200, export.status(), export.toString());
        assertTrue(export.json().get("fileName").asText().endsWith(".xlsx"), export.toString());
        var download = UploadFlowTest.HTTP.send(
                HttpRequest.newBuilder(URI.create(export.json().get("url").asText()))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, download.statusCode());
        boolean foundQ = WorkbookValues.contains(download.body(), expected.qDepolPc(), 1e-12);
        boolean foundC = WorkbookValues.contains(download.body(), expected.capacitanceNf(), 1e-12);
        assertTrue(foundQ && foundC, "the workbook holds Q depol and C as shared-dsp computed them");

        var tampered = UploadFlowTest.HTTP.send(
                HttpRequest.newBuilder(URI.create(
                                export.json().get("url").asText().replace("X-Amz-Signature=", "X-Amz-Signature=0")))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, tampered.statusCode(), "a changed download link fails");

        // A fresh link for the same export (the first one dies with the role's credentials on AWS).
        String exportId = export.json().get("exportId").asText();
        var fresh = call("GET", "/api/sessions/" + sid + "/exports/" + exportId, token, null);
        assertEquals(200, fresh.status(), fresh.toString());
        assertEquals(exportId, fresh.json().get("exportId").asText());
        assertEquals(export.json().get("fileName"), fresh.json().get("fileName"));
        assertFalse(
                Instant.parse(fresh.json().get("expiresAt").asText())
                        .isBefore(Instant.parse(export.json().get("expiresAt").asText())),
                "signed later");
        var again = UploadFlowTest.HTTP.send(
                HttpRequest.newBuilder(URI.create(fresh.json().get("url").asText()))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, again.statusCode());
        assertArrayEquals(download.body(), again.body(), "the same bytes");
        assertEquals(
                404,
                call("GET", "/api/sessions/" + sid + "/exports/" + analysisId, token, null)
                        .status(),
                "an id that is no export of this session");

        String[] other = ApiHarness.newSession();
        assertEquals(
                404,
                call("GET", "/api/sessions/" + other[0] + "/exports/" + exportId, other[1], null)
                        .status(),
                "another session's export");
        assertEquals(
                404,
                call(
                                "POST",
                                "/api/sessions/" + other[0] + "/exports",
                                other[1],
                                Map.of("analysisIds", List.of(analysisId), "layout", "full"))
                        .status());
        assertEquals(
                400,
                call(
                                "POST",
                                "/api/sessions/" + sid + "/exports",
                                token,
                                Map.of("analysisIds", List.of(analysisId), "layout", "pdf"))
                        .status());
    }

    @Test
    void filterPreviewAnswersSharedDspsMetricsAndBothTracesDecimated() {
        var r = call(
                "POST",
                "/api/sessions/" + sid + "/files/" + fileId + "/filter",
                token,
                Map.of("sweep", 0, "channel", 0, "chain", Map.of("preset", "batch"), "width", 500));
        assertEquals(200, r.status(), r.toString());
        double[] x = recording.samples(0, 0);
        double[] y = FilterChain.preset("batch").apply(x, recording.sampleRateHz());
        FilterMetrics m = FilterMetrics.of(x, y);
        var metrics = r.json().get("metrics");
        assertEquals(m.rmse(), metrics.get("rmse").asDouble(), 0.0);
        assertEquals(m.snrDb(), metrics.get("snrDb").asDouble(), 0.0);
        assertEquals(m.maxAbsResidual(), metrics.get("maxAbsResidual").asDouble(), 0.0);
        Envelope e = Decimation.envelope(y, 0, y.length, recording.startTimeS(), recording.sampleIntervalS(), 500);
        var filtered = r.json().get("filtered").get("values");
        assertEquals(1000, filtered.size());
        for (int i = 0; i < 1000; i++)
            assertEquals(e.values()[i], filtered.get(i).asDouble(), 0.0);
        assertEquals(1000, r.json().get("raw").get("values").size());

        var raw = call(
                "POST",
                "/api/sessions/" + sid + "/files/" + fileId + "/filter",
                token,
                Map.of("chain", Map.of("preset", "raw")));
        assertEquals(200, raw.status(), raw.toString());
        assertTrue(raw.json().get("metrics").get("snrDb").isNull(), "no residual: SNR has no finite value");
    }
}
