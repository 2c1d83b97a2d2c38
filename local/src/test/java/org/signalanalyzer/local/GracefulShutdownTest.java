package org.signalanalyzer.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stopping while an upload is half-way through: the stop waits for it, the upload is answered 200 and stored
 * whole, and after a restart the file completes like any other.
 */
class GracefulShutdownTest {

    @TempDir
    Path data;

    @Test
    void anUploadInFlightWhenTheStopIsAskedFinishesAndIsKeptWhole() throws Exception {
        byte[] bytes = LocalClient.sampleBytes();
        int half = bytes.length / 2;
        LocalSettings settings = LocalSettings.defaults().withPort(0).withDataDir(data);
        LocalRuntime runtime = LocalRuntime.start(settings);
        LocalClient http = new LocalClient(runtime.url());
        var created = http.call("POST", "/api/sessions", (String) null, null).json();
        String sid = created.get("sessionId").asText();
        String token = created.get("token").asText();
        var ticket = http.call(
                        "POST",
                        "/api/sessions/" + sid + "/uploads",
                        token,
                        Map.of(
                                "fileName",
                                "a.atf",
                                "contentType",
                                "application/octet-stream",
                                "sizeBytes",
                                bytes.length))
                .json();
        String fileId = ticket.get("fileId").asText();

        CountDownLatch firstHalfSent = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        InputStream secondHalf = new InputStream() {
            private InputStream rest;

            @Override
            public int read() throws IOException {
                return open().read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return open().read(b, off, len);
            }

            private InputStream open() throws IOException {
                if (rest == null) {
                    firstHalfSent.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        throw new IOException(e);
                    }
                    rest = new ByteArrayInputStream(bytes, half, bytes.length - half);
                }
                return rest;
            }
        };
        HttpRequest put = HttpRequest.newBuilder(
                        URI.create(ticket.get("uploadUrl").asText()))
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofInputStream(
                                () -> new SequenceInputStream(new ByteArrayInputStream(bytes, 0, half), secondHalf)),
                        bytes.length))
                .build();
        CompletableFuture<HttpResponse<String>> upload =
                LocalClient.CLIENT.sendAsync(put, HttpResponse.BodyHandlers.ofString());
        assertTrue(firstHalfSent.await(30, TimeUnit.SECONDS), "the first half is on its way");

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(runtime::close);
        Thread.sleep(500);
        assertFalse(stopping.isDone(), "the stop waits for the upload in flight");
        release.countDown();
        assertEquals(200, upload.get(60, TimeUnit.SECONDS).statusCode(), "the upload in flight was answered");
        stopping.get(60, TimeUnit.SECONDS);

        try (LocalRuntime restarted = LocalRuntime.start(settings)) {
            var completed = new LocalClient(restarted.url())
                    .call("POST", "/api/sessions/" + sid + "/files/" + fileId + "/complete", token, null);
            assertEquals(200, completed.status(), "the whole upload was kept: " + completed);
            assertEquals(bytes.length, completed.json().get("sizeBytes").asLong());
        }
    }
}
