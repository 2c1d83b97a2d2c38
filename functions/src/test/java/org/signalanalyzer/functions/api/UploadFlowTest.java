package org.signalanalyzer.functions.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.signalanalyzer.functions.support.ApiHarness.call;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.signalanalyzer.dsp.SharedData;
import org.signalanalyzer.dsp.io.Recording;
import org.signalanalyzer.dsp.io.RecordingReaders;
import org.signalanalyzer.dsp.plot.Decimation;
import org.signalanalyzer.dsp.plot.Envelope;
import org.signalanalyzer.functions.support.ApiHarness;
import org.signalanalyzer.functions.support.S3ProxyServer;

/**
 * Session → upload ticket → a real HTTP PUT of a real ATF to the presigned URL → complete → describe, list,
 * trace → delete; every number compared with shared-dsp run directly on the same file (exact: the compact form
 * is float64).
 */
class UploadFlowTest {

    static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Uploads a file through the API and answers its fileId (complete not yet called). */
    static String upload(String sid, String token, String name, byte[] bytes, String contentType) throws Exception {
        var ticket = call(
                "POST",
                "/api/sessions/" + sid + "/uploads",
                token,
                Map.of("fileName", name, "contentType", contentType, "sizeBytes", bytes.length));
        assertEquals(201, ticket.status(), ticket.toString());
        JsonNode t = ticket.json();
        assertEquals("PUT", t.get("method").asText());
        var put = HTTP.send(
                HttpRequest.newBuilder(URI.create(t.get("uploadUrl").asText()))
                        .header(
                                "Content-Type",
                                t.get("headers").get("Content-Type").asText())
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, put.statusCode(), "S3 accepted the presigned PUT: " + put.body());
        return t.get("fileId").asText();
    }

    @Test
    void aRealAtfGoesFromUploadToPlotWithTheNumbersSharedDspComputes() throws Exception {
        Path atf = SharedData.desktop("202304_0521.atf");
        byte[] bytes = Files.readAllBytes(atf);
        Recording expected = RecordingReaders.read(atf);
        String[] s = ApiHarness.newSession();
        String sid = s[0];
        String token = s[1];

        String fileId = upload(sid, token, "202304_0521.atf", bytes, "application/octet-stream");
        var pending = call("GET", "/api/sessions/" + sid + "/files/" + fileId, token, null);
        assertEquals("awaiting_upload", pending.json().get("status").asText());

        var completed = call("POST", "/api/sessions/" + sid + "/files/" + fileId + "/complete", token, null);
        assertEquals(200, completed.status(), completed.toString());
        JsonNode d = completed.json();
        assertEquals("ready", d.get("status").asText());
        assertEquals("ATF", d.get("format").asText());
        assertEquals(expected.sweepCount(), d.get("sweepCount").asInt());
        assertEquals(expected.samplesPerSweep(), d.get("samplesPerSweep").asInt());
        assertEquals(expected.sampleRateHz(), d.get("sampleRateHz").asDouble(), 0.0);
        assertEquals(
                expected.channels().get(0).unit(),
                d.get("channels").get(0).get("unit").asText());
        assertEquals(bytes.length, d.get("sizeBytes").asLong());

        var again = call("POST", "/api/sessions/" + sid + "/files/" + fileId + "/complete", token, null);
        assertEquals(200, again.status(), "complete is idempotent");

        var list = call("GET", "/api/sessions/" + sid + "/files", token, null);
        assertEquals(1, list.json().get("files").size());
        assertEquals(fileId, list.json().get("files").get(0).get("fileId").asText());
        var session = call("GET", "/api/sessions/" + sid, token, null);
        assertEquals(200, session.status());
        assertEquals(fileId, session.json().get("files").get(0).get("fileId").asText());

        // The whole sweep, decimated, equals shared-dsp's envelope of the reader's samples (exactly).
        var trace = call(
                "GET",
                "/api/sessions/" + sid + "/files/" + fileId + "/trace",
                token,
                null,
                Map.of("sweep", "0", "channel", "0", "width", "400"));
        assertEquals(200, trace.status(), trace.toString());
        double[] samples = expected.samples(0, 0);
        Envelope env =
                Decimation.envelope(samples, 0, samples.length, expected.startTimeS(), expected.sampleIntervalS(), 400);
        JsonNode tr = trace.json();
        assertTrue(tr.get("decimated").asBoolean());
        assertEquals(800, tr.get("values").size());
        for (int i = 0; i < env.pointCount(); i++) {
            assertEquals(env.values()[i], tr.get("values").get(i).asDouble(), 0.0, "value " + i);
            assertEquals(env.timesS()[i], tr.get("timesS").get(i).asDouble(), 1e-12, "time " + i);
        }

        // A window small enough to come back as the samples themselves, read by byte range.
        double dt = expected.sampleIntervalS();
        var window = call(
                "GET",
                "/api/sessions/" + sid + "/files/" + fileId + "/trace",
                token,
                null,
                Map.of(
                        "sweep",
                        "0",
                        "channel",
                        "1",
                        "startS",
                        Double.toString(100 * dt),
                        "endS",
                        Double.toString(149 * dt),
                        "width",
                        "400"));
        assertEquals(200, window.status(), window.toString());
        JsonNode w = window.json();
        assertFalse(w.get("decimated").asBoolean());
        assertEquals(50, w.get("values").size());
        for (int i = 0; i < 50; i++) {
            assertEquals(expected.sample(0, 1, 100 + i), w.get("values").get(i).asDouble(), 0.0);
        }

        var bad =
                call("GET", "/api/sessions/" + sid + "/files/" + fileId + "/trace", token, null, Map.of("sweep", "99"));
        assertEquals(400, bad.status());
        assertEquals("invalid_parameter", bad.json().get("error").asText());

        assertEquals(
                204,
                call("DELETE", "/api/sessions/" + sid + "/files/" + fileId, token, null)
                        .status());
        assertEquals(
                404,
                call("GET", "/api/sessions/" + sid + "/files/" + fileId, token, null)
                        .status());
        assertTrue(
                S3ProxyServer.get()
                        .client()
                        .listObjectsV2(r ->
                                r.bucket(S3ProxyServer.BUCKET).prefix("sessions/" + sid + "/files/" + fileId + "/"))
                        .contents()
                        .isEmpty(),
                "objects removed");

        assertEquals(204, call("DELETE", "/api/sessions/" + sid, token, null).status());
        var gone = call("GET", "/api/sessions/" + sid, token, null);
        assertEquals(404, gone.status());
        assertEquals("not_found", gone.json().get("error").asText());
    }
}
