package org.signalanalyzer.local.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalanalyzer.local.LocalClient;
import org.signalanalyzer.local.LocalRuntime;
import org.signalanalyzer.local.LocalSettings;

/**
 * Uploads within the declared limit (default 50 MB) must pass the app's presigned pass-through to S3Proxy, as they
 * would reach S3: found as a 413 above 10 MB (the server's 10 MB request-buffer limit, the body being buffered) and
 * a broken pipe at 30 MB with {@code --max-upload-mb 400}; the body now streams through.
 */
class UploadSizeTest {

    @TempDir
    Path data;

    @Test
    void uploadsUpToTheDefaultLimitReachTheStorage() throws Exception {
        try (LocalRuntime runtime =
                LocalRuntime.start(LocalSettings.defaults().withPort(0).withDataDir(data))) {
            LocalClient http = new LocalClient(runtime.url());
            var session =
                    http.call("POST", "/api/sessions", (String) null, null).json();
            String sid = session.get("sessionId").asText();
            String token = session.get("token").asText();
            List<String> failures = new ArrayList<>();
            for (int mb : new int[] {5, 12, 30, 49}) {
                int size = mb * 1_000_000;
                var ticket = http.call(
                        "POST",
                        "/api/sessions/" + sid + "/uploads",
                        token,
                        Map.of("fileName", "big.atf", "contentType", "text/plain", "sizeBytes", size));
                assertEquals(201, ticket.status(), ticket.toString());
                int status =
                        LocalClient.putStatus(ticket.json().get("uploadUrl").asText(), "text/plain", new byte[size]);
                if (status != 200) failures.add(mb + " MB → " + status + " (403 also stands for a dropped connection)");
            }
            assertTrue(failures.isEmpty(), String.join("\n", failures));
        }
    }

    /**
     * With a raised limit (above the default, so no default size limit of the server can hide behind it), an upload
     * of exactly the limit is stored whole, and one byte more than its link declares is refused by the signature
     * (403, as on S3) with nothing stored.
     */
    @Test
    void anUploadOfExactlyARaisedLimitIsStoredAndOneByteOverTheDeclarationIsRefused() throws Exception {
        LocalSettings settings = LocalSettings.parse(
                new String[] {"--port", "0", "--data", data.toString(), "--max-upload-mb", "64"}, Map.of());
        int limit = Math.toIntExact(settings.maxUploadBytes());
        try (LocalRuntime runtime = LocalRuntime.start(settings)) {
            LocalClient http = new LocalClient(runtime.url());
            var session =
                    http.call("POST", "/api/sessions", (String) null, null).json();
            String sid = session.get("sessionId").asText();
            String token = session.get("token").asText();
            var config = http.call("GET", "/api/config", (String) null, null);
            assertEquals(200, config.status(), config.toString());
            assertEquals(
                    limit,
                    config.json().get("uploads").get("maxBytes").asLong(),
                    "the browser is told the limit --max-upload-mb set");

            var over = http.call(
                    "POST",
                    "/api/sessions/" + sid + "/uploads",
                    token,
                    Map.of("fileName", "over.atf", "contentType", "text/plain", "sizeBytes", limit));
            assertEquals(201, over.status(), over.toString());
            assertEquals(
                    403,
                    LocalClient.putStatus(over.json().get("uploadUrl").asText(), "text/plain", new byte[limit + 1]));
            assertEquals(List.of(), storedObjects(), "a refused upload leaves nothing in the data folder");

            var exact = http.call(
                    "POST",
                    "/api/sessions/" + sid + "/uploads",
                    token,
                    Map.of("fileName", "exact.atf", "contentType", "text/plain", "sizeBytes", limit));
            assertEquals(201, exact.status(), exact.toString());
            byte[] body = new byte[limit];
            body[limit - 1] = 42;
            assertEquals(
                    200, LocalClient.putStatus(exact.json().get("uploadUrl").asText(), "text/plain", body));
            List<Path> stored = storedObjects();
            assertEquals(1, stored.size(), stored.toString());
            assertEquals(limit, Files.size(stored.get(0)));
            assertEquals(42, readLastByte(stored.get(0)));
        }
    }

    /** The uploaded objects of the data folder (S3Proxy keeps one file per object under s3/). */
    private List<Path> storedObjects() throws IOException {
        try (Stream<Path> files = Files.walk(data.resolve("s3"))) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().contains("sessions"))
                    .toList();
        }
    }

    private static int readLastByte(Path file) throws IOException {
        try (var channel = FileChannel.open(file)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, channel.size() - 1);
            return one.get(0);
        }
    }
}
