package org.signalanalyzer.local;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalanalyzer.dsp.io.Recording;
import org.signalanalyzer.dsp.io.RecordingReaders;
import org.signalanalyzer.dsp.plot.Decimation;
import org.signalanalyzer.dsp.plot.Envelope;
import org.signalanalyzer.functions.support.SharedFiles;

/**
 * The product as a user runs it, over real HTTP on a free port: session → upload ticket → the browser's PUT of the
 * desktop sample recording to the presigned URL (same origin, through to S3Proxy) → complete → trace; then a stop
 * and a start on the same data folder, after which the session, its file and its trace are all still there.
 * Expected numbers come from shared-dsp run directly on the same file (exact: the compact form is float64).
 */
class LocalRuntimeFlowTest {

    private static final int WIDTH = 400;

    @TempDir
    Path data;

    @Test
    void aRecordingUploadedAndAnalysedSurvivesARestart() throws Exception {
        Path atf = SharedFiles.desktop("202304_0521.atf");
        byte[] bytes = Files.readAllBytes(atf);
        Recording expected = RecordingReaders.read(atf);
        double[] samples = expected.samples(0, 0);
        Envelope envelope = Decimation.envelope(samples, 0, samples.length, expected.startTimeS(),
                expected.sampleIntervalS(), WIDTH);
        LocalSettings settings = LocalSettings.defaults().withPort(0).withDataDir(data);

        String sid;
        String token;
        String fileId;
        try (LocalRuntime runtime = LocalRuntime.start(settings)) {
            Http http = new Http(runtime.url());
            var created = http.call("POST", "/api/sessions", null, null);
            assertEquals(201, created.status(), created.toString());
            sid = created.json().get("sessionId").asText();
            token = created.json().get("token").asText();

            var ticket = http.call("POST", "/api/sessions/" + sid + "/uploads", token,
                    Map.of("fileName", "202304_0521.atf", "contentType", "application/octet-stream",
                            "sizeBytes", bytes.length));
            assertEquals(201, ticket.status(), ticket.toString());
            String uploadUrl = ticket.json().get("uploadUrl").asText();
            fileId = ticket.json().get("fileId").asText();
            assertTrue(uploadUrl.startsWith(runtime.url() + EmbeddedS3.BUCKET + "/sessions/" + sid + "/"),
                    "the presigned URL is on the app's own origin: " + uploadUrl);

            byte[] longer = java.util.Arrays.copyOf(bytes, bytes.length + 1);
            var refused = Http.put(uploadUrl, "application/octet-stream", longer);
            assertEquals(403, refused.statusCode(), "S3Proxy refuses a length other than the signed one, through "
                    + "the same-origin route: " + new String(refused.body()));
            var wrongType = Http.put(uploadUrl, "text/csv", bytes);
            assertEquals(403, wrongType.statusCode(), "and another content type: " + new String(wrongType.body()));
            var put = Http.put(uploadUrl, "application/octet-stream", bytes);
            assertEquals(200, put.statusCode(), new String(put.body()));

            var completed = http.call("POST", "/api/sessions/" + sid + "/files/" + fileId + "/complete", token, null);
            assertEquals(200, completed.status(), completed.toString());
            assertDescribes(expected, bytes.length, completed.json());
            assertTraceIs(envelope, http, sid, token, fileId);
        }

        try (LocalRuntime restarted = LocalRuntime.start(settings)) {
            Http http = new Http(restarted.url());
            var session = http.call("GET", "/api/sessions/" + sid, token, null);
            assertEquals(200, session.status(), "the session survived the restart: " + session);
            JsonNode files = session.json().get("files");
            assertEquals(1, files.size());
            assertEquals(fileId, files.get(0).get("fileId").asText());
            assertDescribes(expected, bytes.length, files.get(0));
            assertTraceIs(envelope, http, sid, token, fileId);
            assertEquals(403, http.call("GET", "/api/sessions/" + sid, "not-the-token", null).status());

            assertEquals(204, http.call("DELETE", "/api/sessions/" + sid, token, null).status());
            assertEquals(404, http.call("GET", "/api/sessions/" + sid, token, null).status());
            assertFalse(Files.exists(data.resolve("s3").resolve(EmbeddedS3.BUCKET).resolve("sessions").resolve(sid)
                    .resolve("files").resolve(fileId).resolve("upload")), "the uploaded object is gone from disk");
        }
    }

    private static void assertDescribes(Recording expected, long size, JsonNode d) {
        assertEquals("ready", d.get("status").asText());
        assertEquals("ATF", d.get("format").asText());
        assertEquals(size, d.get("sizeBytes").asLong());
        assertEquals(expected.sweepCount(), d.get("sweepCount").asInt());
        assertEquals(expected.samplesPerSweep(), d.get("samplesPerSweep").asInt());
        assertEquals(expected.sampleRateHz(), d.get("sampleRateHz").asDouble(), 0.0);
    }

    private static void assertTraceIs(Envelope envelope, Http http, String sid, String token, String fileId) {
        var trace = http.call("GET", "/api/sessions/" + sid + "/files/" + fileId + "/trace?sweep=0&channel=0&width="
                + WIDTH, token, null);
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
