package org.signalanalyzer.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
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
        try (HeldStart start = HeldStart.holdingStorage(data)) {
            assertEquals(200, start.page().statusCode(), "GET / with S3Proxy not started");
            assertFalse(start.runtime.isDone(), "start() returns only once S3Proxy is up");

            CompletableFuture<HttpResponse<String>> session =
                    start.sendAsync(HttpRequest.newBuilder(start.base.resolve("api/sessions"))
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build());
            // Long enough for an unheld call to be answered, the first one included (the session store needs no
            // S3), even on a busy machine: held, it is not.
            Thread.sleep(5000);
            assertFalse(session.isDone(), "an API call before S3Proxy is up waits for it");

            LocalRuntime runtime = start.release();
            assertEquals(
                    201,
                    session.get(60, TimeUnit.SECONDS).statusCode(),
                    session.get().body());
            assertTrue(runtime.url().toString().endsWith(":" + start.base.getPort() + "/"));
        }
    }
}
