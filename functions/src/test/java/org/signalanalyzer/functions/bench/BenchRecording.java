package org.signalanalyzer.functions.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.signalanalyzer.functions.support.ApiHarness;
import org.signalanalyzer.functions.support.ApiHarness.Response;

/**
 * The recording the functions benchmarks work on ({@code ../shared/data/desktop/202304_0521.atf}) and its way into
 * a session as the browser takes it: upload ticket, PUT to the signed URL, complete.
 */
final class BenchRecording {

    static final String FILE_NAME = "202304_0521.atf";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private BenchRecording() {}

    /** The file's bytes, found from the worktree or the repository root's functions folder. */
    static byte[] bytes() throws IOException {
        Path atf = Path.of("..", "..", "shared", "data", "desktop", FILE_NAME);
        if (!Files.exists(atf)) atf = Path.of("..", "shared", "data", "desktop", FILE_NAME);
        return Files.readAllBytes(atf);
    }

    /** Uploads the bytes into session {@code s} ({id, token}); the new file's id, not yet completed. */
    static String upload(String[] s, byte[] bytes) {
        Response ticket = expect(
                ApiHarness.call(
                        "POST",
                        "/api/sessions/" + s[0] + "/uploads",
                        s[1],
                        Map.of(
                                "fileName",
                                FILE_NAME,
                                "contentType",
                                "application/octet-stream",
                                "sizeBytes",
                                bytes.length)),
                201);
        try {
            HttpResponse<Void> put = HTTP.send(
                    HttpRequest.newBuilder(
                                    URI.create(ticket.json().get("uploadUrl").asText()))
                            .header("Content-Type", "application/octet-stream")
                            .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            if (put.statusCode() != 200) throw new IllegalStateException("upload answered " + put.statusCode());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return ticket.json().get("fileId").asText();
    }

    /** {@link #upload} and complete: the id of a file ready for analysis. */
    static String uploadAndComplete(String[] s, byte[] bytes) {
        String id = upload(s, bytes);
        expect(ApiHarness.call("POST", "/api/sessions/" + s[0] + "/files/" + id + "/complete", s[1], null), 200);
        return id;
    }

    static Response expect(Response r, int status) {
        if (r.status() != status) throw new IllegalStateException("expected " + status + ", answered " + r);
        return r;
    }
}
