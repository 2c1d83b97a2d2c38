package org.signalanalyzer.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * S3Proxy starts after the page is served: the page answers while it is held back, an API call made then waits
 * (it is not refused) and is answered once S3Proxy is up.
 */
class StorageStartGateTest {

    @TempDir
    Path data;

    @Test
    void thePageIsServedBeforeStorageIsUpAndAnApiCallWaitsForIt() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        URI base = URI.create("http://localhost:" + port + "/");
        CompletableFuture<Void> storageMayStart = new CompletableFuture<>();
        LocalSettings settings = LocalSettings.defaults().withPort(port).withDataDir(data);
        CompletableFuture<LocalRuntime> runtime = CompletableFuture.supplyAsync(() -> {
            try {
                return LocalRuntime.start(settings, storageMayStart);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            int page = 0;
            for (int attempt = 0; attempt < 600 && page != 200; attempt++) {
                try {
                    page = http.send(HttpRequest.newBuilder(base).build(), HttpResponse.BodyHandlers.discarding())
                            .statusCode();
                } catch (java.io.IOException notYetListening) {
                    Thread.sleep(100);
                }
            }
            assertEquals(200, page, "GET / with S3Proxy not started");
            assertFalse(runtime.isDone(), "start() returns only once S3Proxy is up");

            CompletableFuture<HttpResponse<String>> session = http.sendAsync(HttpRequest.newBuilder(
                    base.resolve("api/sessions")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            // Long enough for an unheld call to be answered, the first one included (the session store needs no
            // S3), even on a busy machine: held, it is not.
            Thread.sleep(5000);
            assertFalse(session.isDone(), "an API call before S3Proxy is up waits for it");

            storageMayStart.complete(null);
            assertEquals(201, session.get(60, TimeUnit.SECONDS).statusCode(), session.get().body());
            assertTrue(runtime.get(60, TimeUnit.SECONDS).url().toString().endsWith(":" + port + "/"));
        } finally {
            storageMayStart.complete(null);
            runtime.thenAccept(LocalRuntime::close);
            runtime.exceptionally(e -> null).get(60, TimeUnit.SECONDS);
        }
    }
}
