package org.signalanalyzer.functions.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.signalanalyzer.functions.support.ApiHarness.call;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.signalanalyzer.functions.sessions.Tokens;
import org.signalanalyzer.functions.support.ApiHarness;
import org.signalanalyzer.functions.support.S3ProxyServer;

/** Sessions cannot reach each other; the storage itself enforces what the upload ticket declared. */
class SecurityTest {

    private static final String ATF = "ATF\t1.0\n0\t2\n\"Time (s)\"\t\"Trace #1 (pA)\"\n0\t1.5\n1e-4\t2.5\n2e-4\t3.5\n";

    private static int objectCount(String prefix) {
        return S3ProxyServer.get()
                .client()
                .listObjectsV2(r -> r.bucket(S3ProxyServer.BUCKET).prefix(prefix))
                .contents()
                .size();
    }

    private static HttpResponse<String> put(String url, String contentType, byte[] body) throws Exception {
        return UploadFlowTest.HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", contentType)
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anotherSessionsTokenOrIdsReadAndDeleteNothing() throws Exception {
        String[] a = ApiHarness.newSession();
        String[] b = ApiHarness.newSession();
        String file = UploadFlowTest.upload(a[0], a[1], "a.atf", ATF.getBytes(StandardCharsets.UTF_8), "text/plain");
        assertEquals(
                200,
                call("POST", "/api/sessions/" + a[0] + "/files/" + file + "/complete", a[1], null)
                        .status());
        int objects = objectCount("sessions/" + a[0] + "/");
        assertTrue(objects >= 2);

        // B's token on A's session: 403, for reads and deletes alike.
        for (String[] req : new String[][] {
            {"GET", "/api/sessions/" + a[0]},
            {"DELETE", "/api/sessions/" + a[0]},
            {"GET", "/api/sessions/" + a[0] + "/files/" + file},
            {"DELETE", "/api/sessions/" + a[0] + "/files/" + file},
            {"GET", "/api/sessions/" + a[0] + "/files/" + file + "/trace"}
        }) {
            var r = call(req[0], req[1], b[1], null);
            assertEquals(403, r.status(), req[0] + " " + req[1] + ": " + r);
            assertEquals("forbidden", r.json().get("error").asText());
        }
        assertEquals(403, call("GET", "/api/sessions/" + a[0], null, null).status(), "no token");
        // A's file id inside B's own session: 404.
        assertEquals(
                404,
                call("GET", "/api/sessions/" + b[0] + "/files/" + file, b[1], null)
                        .status());
        assertEquals(
                404,
                call("DELETE", "/api/sessions/" + b[0] + "/files/" + file, b[1], null)
                        .status());
        // Unknown session: 404.
        assertEquals(
                404, call("GET", "/api/sessions/" + Tokens.newId(), a[1], null).status());

        assertEquals(objects, objectCount("sessions/" + a[0] + "/"), "nothing of A was deleted");
        assertEquals(
                200,
                call("GET", "/api/sessions/" + a[0] + "/files/" + file, a[1], null)
                        .status());
    }

    /** The session is opened before the body is read: a stranger learns nothing from how a body is judged. */
    @Test
    void aWrongTokenIsRefusedBeforeTheBodyIsJudged() throws Exception {
        String[] a = ApiHarness.newSession();
        String[] b = ApiHarness.newSession();
        String base = "/api/sessions/" + a[0];
        for (String path : new String[] {
            "/uploads",
            "/analyses",
            "/exports",
            "/jobs",
            "/charge-voltage",
            "/files/" + Tokens.newId() + "/filter",
            "/analyses/" + Tokens.newId() + "/integrals",
            "/analyses/" + Tokens.newId() + "/fits"
        }) {
            var wrong = call("POST", base + path, b[1], "{not json");
            assertEquals(403, wrong.status(), path + ": " + wrong);
            assertEquals("forbidden", wrong.json().get("error").asText(), path + ": " + wrong);
            var unknown = call("POST", "/api/sessions/" + Tokens.newId() + path, a[1], "{\"unknownField\": 1}");
            assertEquals(404, unknown.status(), path + ": " + unknown);
        }
        var adjust = call("PUT", base + "/analyses/" + Tokens.newId() + "/adjustments", null, "[]");
        assertEquals(403, adjust.status(), adjust.toString());
    }

    @Test
    void theStorageRefusesAnotherSizeOrTypeAndATamperedUrl() throws Exception {
        String[] s = ApiHarness.newSession();
        var ticket = call(
                "POST",
                "/api/sessions/" + s[0] + "/uploads",
                s[1],
                Map.of("fileName", "x.atf", "contentType", "text/plain", "sizeBytes", 100));
        String url = ticket.json().get("uploadUrl").asText();
        String fileId = ticket.json().get("fileId").asText();

        assertEquals(403, put(url, "text/plain", new byte[101]).statusCode(), "a longer body");
        assertEquals(403, put(url, "text/plain", new byte[99]).statusCode(), "a shorter body");
        assertEquals(403, put(url, "application/octet-stream", new byte[100]).statusCode(), "another type");
        String otherKey = url.replace("/files/" + fileId + "/upload", "/files/" + Tokens.newId() + "/upload");
        assertEquals(403, put(otherKey, "text/plain", new byte[100]).statusCode(), "the URL pointed elsewhere");
        int sig = url.indexOf("X-Amz-Signature=") + "X-Amz-Signature=".length();
        String tampered = url.substring(0, sig) + (url.charAt(sig) == 'a' ? 'b' : 'a') + url.substring(sig + 1);
        assertEquals(403, put(tampered, "text/plain", new byte[100]).statusCode(), "a changed signature");
        assertEquals(0, objectCount("sessions/" + s[0] + "/"), "nothing was stored");

        var early = call("POST", "/api/sessions/" + s[0] + "/files/" + fileId + "/complete", s[1], null);
        assertEquals(409, early.status(), "complete before any upload");
        assertEquals("conflict", early.json().get("error").asText());

        assertEquals(200, put(url, "text/plain", new byte[100]).statusCode(), "exactly what was declared");
    }

    @Test
    void declarationsTheReadersCannotTakeAreRefusedBeforeAnyUrlIsSigned() {
        String[] s = ApiHarness.newSession();
        String path = "/api/sessions/" + s[0] + "/uploads";
        var big = call(
                "POST",
                path,
                s[1],
                Map.of(
                        "fileName",
                        "x.abf",
                        "contentType",
                        "application/octet-stream",
                        "sizeBytes",
                        50L * 1024 * 1024 + 1));
        assertEquals(413, big.status());
        assertEquals("too_large", big.json().get("error").asText());
        var exe = call(
                "POST",
                path,
                s[1],
                Map.of("fileName", "x.exe", "contentType", "application/octet-stream", "sizeBytes", 10));
        assertEquals(415, exe.status());
        assertEquals("unsupported_type", exe.json().get("error").asText());
        var html = call("POST", path, s[1], Map.of("fileName", "x.atf", "contentType", "text/html", "sizeBytes", 10));
        assertEquals(415, html.status());
        var none = call("POST", path, s[1], Map.of("fileName", "x.atf", "contentType", "text/plain"));
        assertEquals(400, none.status());
        var malformed = call("POST", path, s[1], "{not json");
        assertEquals(400, malformed.status(), malformed.toString());
        assertEquals("invalid_parameter", malformed.json().path("error").asText(), malformed.toString());
        var files = call("GET", "/api/sessions/" + s[0] + "/files", s[1], null);
        assertEquals(0, files.json().get("files").size(), files.toString());
        assertEquals(200, files.status(), files.toString());
    }

    @Test
    void pathTricksInNamesAndIdsAreHarmless() throws Exception {
        String[] victim = ApiHarness.newSession();
        String victimFile = UploadFlowTest.upload(
                victim[0], victim[1], "v.atf", ATF.getBytes(StandardCharsets.UTF_8), "text/plain");
        String[] s = ApiHarness.newSession();
        for (String name : new String[] {
            "../../sessions/" + victim[0] + "/x.atf", "/etc/passwd.atf", "..\\..\\a.atf", "%2e%2e%2fb.atf"
        }) {
            byte[] bytes = ATF.getBytes(StandardCharsets.UTF_8);
            String fileId = UploadFlowTest.upload(s[0], s[1], name, bytes, "text/plain");
            var d = call("GET", "/api/sessions/" + s[0] + "/files/" + fileId, s[1], null)
                    .json();
            assertFalse(d.get("fileName").asText().contains("/"), "shown name is one segment: " + d.get("fileName"));
            assertFalse(d.get("fileName").asText().contains("\\"));
        }
        assertEquals(4, objectCount("sessions/" + s[0] + "/"), "every upload landed under its own session");
        assertEquals(1, objectCount("sessions/" + victim[0] + "/"), "the victim's prefix got nothing");

        for (String id : new String[] {"..", "%2e%2e", "..%2f..%2f" + victim[0], victimFile + "%2f..%2f.."}) {
            var r = call("GET", "/api/sessions/" + s[0] + "/files/" + id, s[1], null);
            assertTrue(r.status() == 404 || r.status() == 400, id + ": " + r);
        }
        var r = call("GET", "/api/sessions/%2e%2e/files", s[1], null);
        assertTrue(r.status() == 404 || r.status() == 400, r.toString());
        assertEquals(1, objectCount("sessions/" + victim[0] + "/"));
    }

    @Test
    void aFileThatIsNotARecordingIsRefusedWithWhereAndRemoved() throws Exception {
        String[] s = ApiHarness.newSession();
        String fileId = UploadFlowTest.upload(
                s[0], s[1], "notes.txt", "shopping list\nmilk\n".getBytes(StandardCharsets.UTF_8), "text/plain");
        var r = call("POST", "/api/sessions/" + s[0] + "/files/" + fileId + "/complete", s[1], null);
        assertEquals(422, r.status(), r.toString());
        assertEquals("unreadable_recording", r.json().get("error").asText());
        assertTrue(
                r.json().get("message").asText().contains("notes.txt"), r.json().toString());
        assertEquals(0, objectCount("sessions/" + s[0] + "/"), "the unreadable upload is removed");
        assertEquals(
                404,
                call("GET", "/api/sessions/" + s[0] + "/files/" + fileId, s[1], null)
                        .status());
    }
}
