package org.signalanalyzer.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deployed bucket enforces bucket ownership, so an upload that asks for a public-read ACL is refused (S3's
 * 400 AccessControlListNotSupported) and nothing becomes readable without a signature; the local runtime's
 * storage origin answers the same, although S3Proxy behind it would honour the ACL.
 */
class BlobAclTest {

    @TempDir
    Path data;

    @Test
    void aPublicReadAclOnThePresignedPutIsRefusedAndNothingIsPublic() throws Exception {
        byte[] bytes = "Time (s),Im (pA)\n0,1\n0.0001,2\n".getBytes(StandardCharsets.US_ASCII);
        try (LocalRuntime runtime =
                LocalRuntime.start(LocalSettings.defaults().withPort(0).withDataDir(data))) {
            LocalClient http = new LocalClient(runtime.url());
            var created = http.call("POST", "/api/sessions", (String) null, null);
            String sid = created.json().get("sessionId").asText();
            String token = created.json().get("token").asText();
            var ticket = http.call(
                            "POST",
                            "/api/sessions/" + sid + "/uploads",
                            token,
                            Map.of("fileName", "a.csv", "contentType", "text/csv", "sizeBytes", bytes.length))
                    .json();
            String url = ticket.get("uploadUrl").asText();
            for (String acl : new String[] {"public-read", "public-read-write", "authenticated-read"}) {
                HttpResponse<String> put = LocalClient.CLIENT.send(
                        HttpRequest.newBuilder(URI.create(url))
                                .header("Content-Type", "text/csv")
                                .header("x-amz-acl", acl)
                                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(400, put.statusCode(), acl + ": " + put.body());
                assertTrue(put.body().contains("AccessControlListNotSupported"), put.body());
            }
            String unsigned = url.substring(0, url.indexOf('?'));
            assertNotEquals(200, LocalClient.get(unsigned).status(), "nothing was stored");

            assertEquals(200, LocalClient.put(url, "text/csv", bytes).status(), "the ticket's own headers work");
            int anonymous = LocalClient.get(unsigned).status();
            assertTrue(anonymous == 403 || anonymous == 404, "an unsigned GET reads nothing: " + anonymous);
            assertEquals(
                    200,
                    http.call(
                                    "POST",
                                    "/api/sessions/" + sid + "/files/"
                                            + ticket.get("fileId").asText() + "/complete",
                                    token,
                                    null)
                            .status());
        }
    }
}
