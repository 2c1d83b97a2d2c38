package org.signalanalyzer.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalanalyzer.dsp.analysis.AnalysisMode;
import org.signalanalyzer.dsp.analysis.AnalysisRequest;
import org.signalanalyzer.dsp.analysis.AnalysisResult;
import org.signalanalyzer.dsp.analysis.Integrals;
import org.signalanalyzer.dsp.analysis.IntegrationRanges;
import org.signalanalyzer.dsp.analysis.ProtocolParameters;
import org.signalanalyzer.dsp.analysis.StartingPoint;
import org.signalanalyzer.dsp.analysis.StepProtocolAnalysis;
import org.signalanalyzer.dsp.filter.FilterChain;
import org.signalanalyzer.dsp.io.Recording;
import org.signalanalyzer.dsp.io.RecordingReaders;
import org.signalanalyzer.dsp.plot.Decimation;
import org.signalanalyzer.dsp.plot.Envelope;
import org.signalanalyzer.functions.support.WorkbookValues;

/**
 * The product as a user runs it, over real HTTP on a free port: session → upload ticket → the browser's PUT of the
 * desktop sample recording to the presigned URL (same origin, through to S3Proxy) → complete → trace → analysis →
 * export download opened with POI; then a stop and a start on the same data folder, after which the session, its
 * file, its trace, its analysis and a new export of it are all still there.
 * Expected numbers come from shared-dsp run directly on the same file (exact: the compact form is float64).
 */
class LocalRuntimeFlowTest {

    private static final int WIDTH = 400;

    @TempDir
    Path data;

    @Test
    void aRecordingUploadedAnalysedAndExportedSurvivesARestart() throws Exception {
        Path atf = LocalClient.samplePath();
        byte[] bytes = LocalClient.sampleBytes();
        Recording expected = RecordingReaders.read(atf);
        double[] samples = expected.samples(0, 0);
        Envelope envelope = Decimation.envelope(
                samples, 0, samples.length, expected.startTimeS(), expected.sampleIntervalS(), WIDTH);
        LocalSettings settings = LocalSettings.defaults().withPort(0).withDataDir(data);

        String sid;
        String token;
        String fileId;
        String analysisId;
        AnalysisResult direct = StepProtocolAnalysis.run(
                expected,
                new AnalysisRequest(
                        AnalysisMode.DESKTOP,
                        ProtocolParameters.DESKTOP_DEFAULTS,
                        StartingPoint.given(35),
                        FilterChain.preset("raw"),
                        null,
                        0,
                        0,
                        null),
                StepProtocolAnalysis.Input.of(LocalClient.SAMPLE, bytes));
        try (LocalRuntime runtime = LocalRuntime.start(settings)) {
            LocalClient http = new LocalClient(runtime.url());
            var created = http.call("POST", "/api/sessions", (String) null, null);
            assertEquals(201, created.status(), created.toString());
            sid = created.json().get("sessionId").asText();
            token = created.json().get("token").asText();

            var ticket = http.call(
                    "POST",
                    "/api/sessions/" + sid + "/uploads",
                    token,
                    Map.of(
                            "fileName",
                            LocalClient.SAMPLE,
                            "contentType",
                            "application/octet-stream",
                            "sizeBytes",
                            bytes.length));
            assertEquals(201, ticket.status(), ticket.toString());
            String uploadUrl = ticket.json().get("uploadUrl").asText();
            fileId = ticket.json().get("fileId").asText();
            assertTrue(
                    uploadUrl.startsWith(runtime.url() + EmbeddedS3.BUCKET + "/sessions/" + sid + "/"),
                    "the presigned URL is on the app's own origin: " + uploadUrl);

            byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
            assertRefused(
                    LocalClient.put(uploadUrl, "application/octet-stream", longer),
                    "a length other than the signed one");
            assertRefused(LocalClient.put(uploadUrl, "text/csv", bytes), "another content type");
            assertEquals(
                    409,
                    http.call("POST", "/api/sessions/" + sid + "/files/" + fileId + "/complete", token, null)
                            .status(),
                    "nothing was stored by the refused PUTs");
            var put = LocalClient.put(uploadUrl, "application/octet-stream", bytes);
            assertEquals(200, put.status(), put.text());

            var completed = http.call("POST", "/api/sessions/" + sid + "/files/" + fileId + "/complete", token, null);
            assertEquals(200, completed.status(), completed.toString());
            assertDescribes(expected, bytes.length, completed.json());
            assertTraceIs(envelope, http, sid, token, fileId);

            var analysis = http.call(
                    "POST",
                    "/api/sessions/" + sid + "/analyses",
                    token,
                    Map.of(
                            "fileId",
                            fileId,
                            "mode",
                            "desktop",
                            "chain",
                            Map.of("preset", "raw"),
                            "startingPoint",
                            "35"));
            assertEquals(201, analysis.status(), analysis.toString());
            analysisId = analysis.json().get("analysisId").asText();
            assertResultIs(direct, analysis.json().get("result"));
            assertExportHolds(direct, http, sid, token, analysisId);

            // A dragged range kept with the analysis (the same controllers as on AWS): after the restart, the
            // export holds the kept range's numbers.
            var kept = http.call(
                    "PUT",
                    "/api/sessions/" + sid + "/analyses/" + analysisId + "/adjustments",
                    token,
                    Map.of("ranges", Map.of("hyperpol", new int[] {20, 150}, "depol", new int[] {10, 120})));
            assertEquals(200, kept.status(), kept.toString());
        }
        AnalysisResult adjusted = Integrals.recompute(direct, IntegrationRanges.points(20, 150, 10, 120));

        try (LocalRuntime restarted = LocalRuntime.start(settings)) {
            LocalClient http = new LocalClient(restarted.url());
            var session = http.call("GET", "/api/sessions/" + sid, token, null);
            assertEquals(200, session.status(), "the session survived the restart: " + session);
            JsonNode files = session.json().get("files");
            assertEquals(1, files.size());
            assertEquals(fileId, files.get(0).get("fileId").asText());
            assertDescribes(expected, bytes.length, files.get(0));
            assertTraceIs(envelope, http, sid, token, fileId);
            var stored = http.call("GET", "/api/sessions/" + sid + "/analyses/" + analysisId, token, null);
            assertEquals(200, stored.status(), "the analysis survived the restart: " + stored);
            assertResultIs(adjusted, stored.json().get("result"));
            assertExportHolds(adjusted, http, sid, token, analysisId);
            assertEquals(
                    403,
                    http.call("GET", "/api/sessions/" + sid, "not-the-token", null)
                            .status());

            assertEquals(
                    204,
                    http.call("DELETE", "/api/sessions/" + sid, token, null).status());
            assertEquals(
                    404, http.call("GET", "/api/sessions/" + sid, token, null).status());
            assertFalse(
                    Files.exists(data.resolve("s3")
                            .resolve(EmbeddedS3.BUCKET)
                            .resolve("sessions")
                            .resolve(sid)
                            .resolve("files")
                            .resolve(fileId)
                            .resolve("upload")),
                    "the uploaded object is gone from disk");
        }
    }

    /**
     * S3's 403: S3Proxy's own (SignatureDoesNotMatch), or, when it refused from the headers and closed the
     * connection before the body was through, the pass-through's AccessDenied for it.
     */
    private static void assertRefused(LocalClient.Answer answer, String what) {
        String body = answer.text();
        assertTrue(
                answer.status() == 403
                        && (body.contains("<Code>SignatureDoesNotMatch</Code>")
                                || body.contains("<Code>AccessDenied</Code>")),
                what + ": " + answer.status() + " " + body);
    }

    private static void assertDescribes(Recording expected, long size, JsonNode d) {
        assertEquals("ready", d.get("status").asText());
        assertEquals("ATF", d.get("format").asText());
        assertEquals(size, d.get("sizeBytes").asLong());
        assertEquals(expected.sweepCount(), d.get("sweepCount").asInt());
        assertEquals(expected.samplesPerSweep(), d.get("samplesPerSweep").asInt());
        assertEquals(expected.sampleRateHz(), d.get("sampleRateHz").asDouble(), 0.0);
    }

    private static void assertResultIs(AnalysisResult expected, JsonNode result) {
        assertEquals(expected.qHyperpolPc(), result.get("qHyperpolPc").asDouble(), 0.0, "Q hyperpol (shared-dsp)");
        assertEquals(expected.qDepolPc(), result.get("qDepolPc").asDouble(), 0.0, "Q depol (shared-dsp)");
        assertEquals(expected.capacitanceNf(), result.get("capacitanceNf").asDouble(), 0.0, "C (shared-dsp)");
    }

    /** The export link (same origin, through to S3Proxy) downloads a workbook POI opens, holding Q depol and C. */
    private static void assertExportHolds(
            AnalysisResult expected, LocalClient http, String sid, String token, String analysisId) throws Exception {
        var export = http.call(
                "POST",
                "/api/sessions/" + sid + "/exports",
                token,
                Map.of("analysisIds", List.of(analysisId), "layout", "full"));
        assertEquals(200, export.status(), export.toString());
        var download = LocalClient.get(export.json().get("url").asText());
        assertEquals(200, download.status(), download.text());
        boolean foundQ = WorkbookValues.contains(download.body(), expected.qDepolPc(), 1e-12);
        boolean foundC = WorkbookValues.contains(download.body(), expected.capacitanceNf(), 1e-12);
        assertTrue(foundQ && foundC, "the workbook holds Q depol and C as shared-dsp computed them (within 1e-12)");
    }

    private static void assertTraceIs(Envelope envelope, LocalClient http, String sid, String token, String fileId) {
        var trace = http.call(
                "GET",
                "/api/sessions/" + sid + "/files/" + fileId + "/trace?sweep=0&channel=0&width=" + WIDTH,
                token,
                null);
        assertEquals(200, trace.status(), trace.toString());
        JsonNode t = trace.json();
        assertTrue(t.get("decimated").asBoolean());
        assertEquals(envelope.pointCount(), t.get("values").size());
        for (int i = 0; i < envelope.pointCount(); i++) {
            assertEquals(envelope.values()[i], t.get("values").get(i).asDouble(), 0.0, "value " + i);
            assertEquals(envelope.timesS()[i], t.get("timesS").get(i).asDouble(), 1e-12, "time " + i);
        }
    }
}
