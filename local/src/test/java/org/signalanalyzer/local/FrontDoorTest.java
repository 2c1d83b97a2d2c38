package org.signalanalyzer.local;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page is served from the first moments of the process, before the server is up: the browser app's files and
 * routes come from the front door with SiteController's answers, while API calls and unknown files wait (they are
 * not refused) and get the server's own answers once it has taken the socket over.
 */
class FrontDoorTest {

    private static final Pattern SCRIPT = Pattern.compile("src=\"/(assets/[^\"]+\\.js)\"");

    @TempDir
    Path data;

    @Test
    void theAppIsServedBeforeTheServerIsUpAndOtherRequestsWaitForIt() throws Exception {
        try (HeldStart start = HeldStart.holdingServer(data)) {
            HttpResponse<byte[]> page = start.page();
            assertEquals(200, page.statusCode(), "GET / with the server held back");
            assertFalse(start.runtime.isDone(), "the server is still held back");
            byte[] index = resource("public/index.html");
            assertArrayEquals(index, page.body());
            assertEquals("text/html", page.headers().firstValue("Content-Type").orElse(""));
            assertEquals("no-cache", page.headers().firstValue("Cache-Control").orElse(""));

            Matcher script = SCRIPT.matcher(new String(index, StandardCharsets.UTF_8));
            assertTrue(script.find(), "index.html names its script");
            HttpResponse<byte[]> js = start.http.send(
                    HttpRequest.newBuilder(start.base.resolve(script.group(1))).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, js.statusCode());
            assertArrayEquals(resource("public/" + script.group(1)), js.body());
            assertEquals(
                    "public, max-age=31536000, immutable",
                    js.headers().firstValue("Cache-Control").orElse(""));

            HttpResponse<byte[]> route = start.http.send(
                    HttpRequest.newBuilder(start.base.resolve("analyses/recent"))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, route.statusCode(), "an app route is the app");
            assertArrayEquals(index, route.body());

            CompletableFuture<HttpResponse<String>> session =
                    start.sendAsync(HttpRequest.newBuilder(start.base.resolve("api/sessions"))
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build());
            CompletableFuture<HttpResponse<String>> missing =
                    start.sendAsync(HttpRequest.newBuilder(start.base.resolve("nothing-here.js"))
                            .build());
            Thread.sleep(3000);
            assertFalse(session.isDone(), "an API call waits for the server");
            assertFalse(missing.isDone(), "a file the app does not have is the server's to answer");

            LocalRuntime runtime = start.release();
            assertEquals(
                    201,
                    session.get(60, TimeUnit.SECONDS).statusCode(),
                    session.get().body());
            assertEquals(404, missing.get(60, TimeUnit.SECONDS).statusCode());
            assertTrue(runtime.url().toString().endsWith(":" + start.base.getPort() + "/"));
            assertEquals(
                    201,
                    start.http
                            .send(
                                    HttpRequest.newBuilder(start.base.resolve("api/sessions"))
                                            .POST(HttpRequest.BodyPublishers.noBody())
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .statusCode(),
                    "after the hand-over the server answers on the same port");
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = FrontDoorTest.class.getClassLoader().getResourceAsStream(name)) {
            assertTrue(in != null, name + " on the classpath (static-site built)");
            return in.readAllBytes();
        }
    }
}
