package org.signalanalyzer.local;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalanalyzer.functions.store.BlobMissingException;
import org.signalanalyzer.functions.store.BlobStore;

/**
 * The in-memory copies of this process's writes, over S3Proxy: what is served from memory equals what S3Proxy
 * holds, an upload written behind the store's back (the browser's PUT) is read from S3Proxy, and a delete is not
 * outlived by a copy.
 */
class RecentWritesTest {

    private static final String FILE = "sessions/s1234567/files/f1234567/";

    @TempDir
    Path data;

    private EmbeddedS3Fixture s3;
    private BlobStore direct;
    private RecentWrites store;

    @BeforeEach
    void start() throws Exception {
        s3 = new EmbeddedS3Fixture(data);
        direct = s3.overS3;
        store = new RecentWrites(direct, 1024);
    }

    @AfterEach
    void stop() throws Exception {
        s3.close();
    }

    @Test
    void aWriteIsStoredAndServedAlike() {
        byte[] samples = bytes("0123456789");
        store.put(FILE + "c0.f64", samples, "application/octet-stream");
        samples[0] = 'x'; // the caller's array is not the copy kept
        assertArrayEquals(bytes("0123456789"), direct.get(FILE + "c0.f64").orElseThrow(), "in S3Proxy");
        assertArrayEquals(bytes("0123456789"), store.get(FILE + "c0.f64").orElseThrow());
        assertArrayEquals(bytes("345"), store.getRange(FILE + "c0.f64", 3, 3));
        assertEquals(10, store.size(FILE + "c0.f64").orElseThrow());
        store.get(FILE + "c0.f64").orElseThrow()[1] = 'y'; // nor is an answer
        assertArrayEquals(bytes("0123456789"), store.get(FILE + "c0.f64").orElseThrow());
        assertThrows(
                IllegalStateException.class,
                () -> store.getRange(FILE + "c0.f64", 8, 3),
                "beyond the end, S3Proxy's answer decides, as without the copies");
    }

    @Test
    void anUploadIsAlwaysReadFromStorage() {
        store.put(FILE + "upload", bytes("first"), "application/octet-stream");
        direct.put(FILE + "upload", bytes("second PUT"), "application/octet-stream");
        assertArrayEquals(bytes("second PUT"), store.get(FILE + "upload").orElseThrow());
    }

    @Test
    void aDeletedObjectIsGone() {
        store.put(FILE + "c0.f64", bytes("abc"), "application/octet-stream");
        store.put(FILE + "recording.json", bytes("{}"), "application/json");
        store.put("sessions/s7654321/analyses/a1234567.json", bytes("[]"), "application/json");
        store.delete(FILE + "recording.json");
        assertTrue(store.get(FILE + "recording.json").isEmpty());
        assertEquals(1, store.deletePrefix(FILE));
        assertTrue(store.get(FILE + "c0.f64").isEmpty());
        assertThrows(BlobMissingException.class, () -> store.getRange(FILE + "c0.f64", 0, 1));
        assertArrayEquals(
                bytes("[]"),
                store.get("sessions/s7654321/analyses/a1234567.json").orElseThrow());
    }

    @Test
    void theOldestCopiesMakeWayWithinTheBudget() {
        for (int i = 0; i < 10; i++) {
            store.put(FILE + "c" + i + ".f64", new byte[200], "application/octet-stream");
        }
        // 10 x 200 bytes against a budget of 1024: the first ones are read back from S3Proxy, equal all the same.
        for (int i = 0; i < 10; i++) {
            assertArrayEquals(new byte[200], store.get(FILE + "c" + i + ".f64").orElseThrow());
        }
        BlobStore.PresignedUpload upload = store.presignPut(FILE + "upload", "text/plain", 3, Duration.ofMinutes(5));
        assertTrue(upload.url().getPath().endsWith("/upload"));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
