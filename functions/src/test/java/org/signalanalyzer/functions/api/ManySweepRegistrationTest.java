package org.signalanalyzer.functions.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.signalanalyzer.functions.support.ApiHarness.call;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.signalanalyzer.dsp.io.Recording;
import org.signalanalyzer.dsp.io.RecordingReaders;
import org.signalanalyzer.functions.recordings.RecordingArchive;
import org.signalanalyzer.functions.store.BlobKeys;
import org.signalanalyzer.functions.store.BlobStore;
import org.signalanalyzer.functions.support.ApiHarness;
import org.signalanalyzer.functions.support.ManySweepAbf1;

/**
 * A 100,000-sweep ABF1 (made here, 1.6 MB) registered through the Lambda handler: the stored form is two objects
 * (the description and one float64 object for the channel), the upload is gone, and every sample comes back
 * exactly as the reader gives it, through the trace window reads (byte ranges inside the channel object) and the
 * whole-recording load the analyses use. Not timed: bench/run.py's "register 100,000-sweep file" row measures it.
 */
class ManySweepRegistrationTest {

    static final int SWEEPS = 100_000;
    static final int SAMPLES = 8;

    @Test
    void aHundredThousandSweepFileIsStoredAsOneObjectPerChannelAndReadsBackExactly() throws Exception {
        byte[] bytes = ManySweepAbf1.write(SWEEPS, SAMPLES);
        Recording expected = RecordingReaders.read("many_sweeps.abf", bytes);
        String[] s = ApiHarness.newSession();
        String fileId = UploadFlowTest.upload(s[0], s[1], "many_sweeps.abf", bytes, "application/octet-stream");

        var completed = call("POST", "/api/sessions/" + s[0] + "/files/" + fileId + "/complete", s[1], null);
        assertEquals(200, completed.status(), completed.toString());
        JsonNode d = completed.json();
        assertEquals(SWEEPS, d.get("sweepCount").asInt());
        assertEquals(SAMPLES, d.get("samplesPerSweep").asInt());
        assertTrue(d.get("sweepStartTimesS").isNull(), "100,000 start times do not fit a DynamoDB item");

        BlobStore blobs = ApiHarness.handler().getApplicationContext().getBean(BlobStore.class);
        List<String> keys = blobs.list(BlobKeys.filePrefix(s[0], fileId));
        assertEquals(
                List.of(
                        BlobKeys.fileObject(s[0], fileId, "c0.f64"),
                        BlobKeys.fileObject(s[0], fileId, "recording.json")),
                keys,
                "no object per sweep; the upload is gone");

        for (int sweep : new int[] {0, 1, 54_321, SWEEPS - 1}) {
            var trace = call(
                            "GET",
                            "/api/sessions/" + s[0] + "/files/" + fileId + "/trace",
                            s[1],
                            null,
                            Map.of("sweep", Integer.toString(sweep), "width", "100"))
                    .json();
            assertFalse(trace.get("decimated").asBoolean());
            JsonNode values = trace.get("values");
            assertEquals(SAMPLES, values.size());
            for (int i = 0; i < SAMPLES; i++) {
                assertEquals(
                        ManySweepAbf1.expected(sweep, i),
                        values.get(i).asDouble(),
                        0.0,
                        "sweep " + sweep + " sample " + i);
                assertEquals(expected.sample(sweep, 0, i), values.get(i).asDouble(), 0.0);
            }
        }
        // A window inside a sweep far from the start reads the right bytes of the channel object.
        var window = call(
                        "GET",
                        "/api/sessions/" + s[0] + "/files/" + fileId + "/trace",
                        s[1],
                        null,
                        Map.of("sweep", "77777", "startS", "0.0003", "endS", "0.0005", "width", "100"))
                .json();
        assertEquals(
                ManySweepAbf1.expected(77_777, 3), window.get("values").get(0).asDouble(), 0.0);

        RecordingArchive archive = ApiHarness.handler().getApplicationContext().getBean(RecordingArchive.class);
        Recording loaded = archive.load(s[0], fileId);
        assertEquals(SWEEPS, loaded.sweepCount());
        assertArrayEquals(expected.sweepStartTimesS(), loaded.sweepStartTimesS(), 0.0);
        for (int sweep = 0; sweep < SWEEPS; sweep++) {
            assertArrayEquals(expected.samples(sweep, 0), loaded.samples(sweep, 0), 0.0, "sweep " + sweep);
        }
    }

    @Test
    void aHeaderClaimingMoreSamplesThanOneRegistrationTakesIsRefusedWith413AndRemoved() throws Exception {
        byte[] bytes = ManySweepAbf1.write(4, SAMPLES);
        // lActualAcqLength claims 40 million samples (the data section holds 32).
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(10, 40_000_000);
        String[] s = ApiHarness.newSession();
        String fileId = UploadFlowTest.upload(s[0], s[1], "claims_too_much.abf", bytes, "application/octet-stream");
        var refused = call("POST", "/api/sessions/" + s[0] + "/files/" + fileId + "/complete", s[1], null);
        assertEquals(413, refused.status(), refused.toString());
        assertEquals("too_large", refused.json().get("error").asText());
        assertTrue(refused.json().get("message").asText().contains("split the recording"), refused.toString());
        assertEquals(
                404,
                call("GET", "/api/sessions/" + s[0] + "/files/" + fileId, s[1], null)
                        .status());
        BlobStore blobs = ApiHarness.handler().getApplicationContext().getBean(BlobStore.class);
        assertTrue(blobs.list(BlobKeys.filePrefix(s[0], fileId)).isEmpty());
    }
}
