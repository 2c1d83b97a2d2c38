package org.signalanalyzer.local;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalanalyzer.functions.store.BlobMissingException;
import org.signalanalyzer.functions.store.BlobStore;
import org.signalanalyzer.functions.store.S3BlobStore;

/**
 * The server's own reads and writes made in process on S3Proxy's store agree with the same objects seen over the S3
 * API (the functions' {@link S3BlobStore} against the running S3Proxy), both ways: bytes, ranges, sizes, content
 * type on a presigned download, absence, listing past one page, deletes. Keys outside the sessions' folders are
 * refused before the disk is touched.
 */
class InProcessBlobStoreTest {

    private static final String FILE = "sessions/s1234567/files/f1234567/";

    @TempDir
    Path data;

    private EmbeddedS3Fixture s3;
    private S3BlobStore overS3;
    private InProcessBlobStore inProcess;

    @BeforeEach
    void start() throws Exception {
        s3 = new EmbeddedS3Fixture(data);
        overS3 = s3.overS3;
        inProcess = new InProcessBlobStore(s3.s3::served, EmbeddedS3.BUCKET, s3.signer());
    }

    @AfterEach
    void stop() throws Exception {
        s3.close();
    }

    @Test
    void whatIsWrittenInProcessIsWhatS3Serves() throws Exception {
        byte[] channel = new byte[70_001];
        for (int i = 0; i < channel.length; i++) channel[i] = (byte) (i * 31 + 7);
        inProcess.put(FILE + "c0.f64", channel, "application/octet-stream");
        inProcess.put(FILE + "recording.json", bytes("{\"a\":1}"), "application/json");

        assertArrayEquals(channel, overS3.get(FILE + "c0.f64").orElseThrow());
        assertArrayEquals(
                bytes("{\"a\":1}"), overS3.get(FILE + "recording.json").orElseThrow());
        assertEquals(channel.length, overS3.size(FILE + "c0.f64").orElseThrow());
        // The content type written in process is the one a presigned download is served with.
        HttpResponse<byte[]> download = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        inProcess.presignGet(FILE + "recording.json", "r.json", Duration.ofMinutes(1)))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, download.statusCode());
        assertEquals(
                "application/json",
                download.headers().firstValue("Content-Type").orElse(""));
        assertArrayEquals(bytes("{\"a\":1}"), download.body());
    }

    @Test
    void whatS3StoredIsReadInProcess() throws IOException, InterruptedException {
        overS3.put(FILE + "c1.f64", bytes("0123456789"), "application/octet-stream");
        assertArrayEquals(bytes("0123456789"), inProcess.get(FILE + "c1.f64").orElseThrow());
        assertArrayEquals(bytes("345"), inProcess.getRange(FILE + "c1.f64", 3, 3));
        assertArrayEquals(new byte[0], inProcess.getRange(FILE + "c1.f64", 3, 0));
        assertEquals(10, inProcess.size(FILE + "c1.f64").orElseThrow());
        assertThrows(IllegalStateException.class, () -> inProcess.getRange(FILE + "c1.f64", 8, 3), "past the end");

        // A browser upload through a presigned PUT (its signed length and type) is read in process as sent.
        BlobStore.PresignedUpload ticket =
                inProcess.presignPut(FILE + "upload", "text/plain", 5, Duration.ofMinutes(1));
        HttpRequest.Builder put =
                HttpRequest.newBuilder(ticket.url()).PUT(HttpRequest.BodyPublishers.ofByteArray(bytes("hello")));
        ticket.headers().forEach((name, value) -> {
            if (!name.equalsIgnoreCase("host") && !name.equalsIgnoreCase("content-length")) put.header(name, value);
        });
        assertEquals(
                200,
                HttpClient.newHttpClient()
                        .send(put.build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode());
        assertArrayEquals(bytes("hello"), inProcess.get(FILE + "upload").orElseThrow());
    }

    @Test
    void absenceIsAnsweredAsS3Does() {
        assertTrue(inProcess.get(FILE + "none").isEmpty());
        assertTrue(inProcess.size(FILE + "none").isEmpty());
        assertThrows(BlobMissingException.class, () -> inProcess.getRange(FILE + "none", 0, 1));
        inProcess.delete(FILE + "none"); // deleting what is not there is not an error, as on S3
    }

    @Test
    void listingAndDeletingGoPastOnePage() {
        List<String> written = new ArrayList<>();
        for (int i = 0; i < 1003; i++) {
            String key = String.format("%sp%04d", FILE, i);
            inProcess.put(key, new byte[] {(byte) i}, "application/octet-stream");
            written.add(key);
        }
        overS3.put("sessions/s7654321/analyses/a1234567.json", bytes("[]"), "application/json");

        assertEquals(written, inProcess.list(FILE), "every key, in key order, past the 1000 of one page");
        assertEquals(written, overS3.list(FILE));
        inProcess.delete(written.get(0));
        assertTrue(overS3.get(written.get(0)).isEmpty());
        assertEquals(1002, inProcess.deletePrefix(FILE));
        assertTrue(overS3.list(FILE).isEmpty());
        assertArrayEquals(
                bytes("[]"),
                inProcess.get("sessions/s7654321/analyses/a1234567.json").orElseThrow());
    }

    @Test
    void keysOutsideTheSessionsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> inProcess.put("other/x", bytes("x"), "text/plain"));
        assertThrows(IllegalArgumentException.class, () -> inProcess.get("sessions/../x"));
        assertThrows(IllegalArgumentException.class, () -> inProcess.list("sessions//"));
        assertThrows(IllegalArgumentException.class, () -> inProcess.delete("x"));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
