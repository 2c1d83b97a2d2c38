package org.signalanalyzer.local.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.signalanalyzer.functions.support.SampleAnalysis;
import org.signalanalyzer.local.LocalClient;
import org.signalanalyzer.local.LocalRuntime;
import org.signalanalyzer.local.LocalSettings;

/**
 * The local runtime attacked over real HTTP by a second session, by a foreign web page and by hand-made requests:
 * swapped ids and tokens, path tricks in the URL (raw {@code ..}, encoded, NUL, unicode) against the API, the
 * static site and the presigned-storage path, unsigned or altered storage requests, foreign CORS origins. The
 * victim's files in the data folder are hashed before and after: nothing is read, listed or deleted across
 * sessions, and no file outside the data folder is served.
 */
class LocalIsolationTest {

    private static Path data;
    private static LocalRuntime runtime;
    private static LocalClient http;
    private static Victim a;
    private static Victim b;

    private record Victim(
            String sid,
            String token,
            String fileId,
            String analysisId,
            String uploadUrl,
            String exportUrl,
            int length) {}

    @BeforeAll
    static void start() throws Exception {
        data = Files.createTempDirectory("hardening-local");
        runtime = LocalRuntime.start(LocalSettings.defaults().withPort(0).withDataDir(data));
        http = new LocalClient(runtime.url());
        a = victim();
        b = victim();
    }

    @AfterAll
    static void stop() throws IOException {
        if (runtime != null) runtime.close();
        try (Stream<Path> files = Files.walk(data)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static Victim victim() throws Exception {
        byte[] bytes = LocalClient.sampleBytes();
        JsonNode s =
                ok(http.call("POST", "/api/sessions", (String) null, null), 201).json();
        String sid = s.get("sessionId").asText();
        String token = s.get("token").asText();
        JsonNode t = ok(
                        http.call(
                                "POST",
                                "/api/sessions/" + sid + "/uploads",
                                token,
                                Map.of(
                                        "fileName",
                                        LocalClient.SAMPLE,
                                        "contentType",
                                        "application/octet-stream",
                                        "sizeBytes",
                                        bytes.length)),
                        201)
                .json();
        assertEquals(200, LocalClient.putStatus(t.get("uploadUrl").asText(), "application/octet-stream", bytes));
        String fileId = t.get("fileId").asText();
        ok(http.call("POST", "/api/sessions/" + sid + "/files/" + fileId + "/complete", token, null), 200);
        String analysisId = ok(
                        http.call(
                                "POST",
                                "/api/sessions/" + sid + "/analyses",
                                token,
                                Map.of(
                                        "fileId",
                                        fileId,
                                        "mode",
                                        "desktop",
                                        "startingPoint",
                                        "35",
                                        "params",
                                        SampleAnalysis.PROTOCOL)),
                        201)
                .json()
                .get("analysisId")
                .asText();
        String exportUrl = ok(
                        http.call(
                                "POST",
                                "/api/sessions/" + sid + "/exports",
                                token,
                                Map.of("analysisIds", List.of(analysisId), "layout", "csv")),
                        200)
                .json()
                .get("url")
                .asText();
        return new Victim(sid, token, fileId, analysisId, t.get("uploadUrl").asText(), exportUrl, bytes.length);
    }

    private static LocalClient.Answer ok(LocalClient.Answer r, int status) {
        assertEquals(status, r.status(), r.toString());
        return r;
    }

    /** Every file of the data folder that mentions the session (objects and journal aside), with its SHA-256. */
    private static Map<String, String> filesOf(String sid) {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> files = Files.walk(data)) {
            for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String rel = data.relativize(p).toString();
                if (rel.contains(sid)) m.put(rel, sha256(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertFalse(m.isEmpty(), "the session's objects are in the data folder");
        return m;
    }

    private static String sha256(Path p) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void stillWhole(Map<String, String> before) {
        assertEquals(before, filesOf(a.sid()), "A's files in the data folder");
        ok(http.call("GET", "/api/sessions/" + a.sid() + "/analyses/" + a.analysisId(), a.token(), null), 200);
        ok(http.call("GET", "/api/sessions/" + a.sid() + "/files/" + a.fileId() + "/trace", a.token(), null), 200);
    }

    @Test
    void theAttackersTokenForgedTokensAndTheVictimsIdsGetNothing() {
        Map<String, String> before = filesOf(a.sid());
        String as = "/api/sessions/" + a.sid();
        String bs = "/api/sessions/" + b.sid();
        List<String> failures = new ArrayList<>();
        List<String[]> onA = List.of(
                new String[] {"GET", as},
                new String[] {"GET", as + "/files"},
                new String[] {"GET", as + "/files/" + a.fileId()},
                new String[] {"GET", as + "/files/" + a.fileId() + "/trace"},
                new String[] {"GET", as + "/analyses"},
                new String[] {"GET", as + "/analyses/" + a.analysisId()},
                new String[] {"DELETE", as + "/files/" + a.fileId()},
                new String[] {"DELETE", as});
        for (String[] r : onA) {
            for (String token : new String[] {b.token(), null, "", a.token() + "x", a.sid()}) {
                int status = http.call(r[0], r[1], token, null).status();
                if (status != 403) failures.add(r[0] + " " + r[1] + " with token " + token + " → " + status);
            }
        }
        List<String[]> aIdsInB = List.of(
                new String[] {"GET", bs + "/files/" + a.fileId(), null},
                new String[] {"GET", bs + "/files/" + a.fileId() + "/trace", null},
                new String[] {"GET", bs + "/analyses/" + a.analysisId(), null},
                new String[] {
                    "POST", bs + "/analyses/" + a.analysisId() + "/integrals", "{\"hyperpol\":[0,10],\"depol\":[0,10]}"
                },
                new String[] {"POST", bs + "/analyses", "{\"fileId\":\"" + a.fileId() + "\"}"},
                new String[] {"POST", bs + "/exports", "{\"analysisIds\":[\"" + a.analysisId() + "\"]}"},
                new String[] {"POST", bs + "/jobs", "{\"kind\":\"batch\",\"fileIds\":[\"" + a.fileId() + "\"]}"},
                new String[] {"DELETE", bs + "/files/" + a.fileId(), null});
        for (String[] r : aIdsInB) {
            LocalClient.Answer answer = http.call(r[0], r[1], b.token(), r[2]);
            if (answer.status() != 404) failures.add(r[0] + " " + r[1] + " (A's id in B) → " + answer);
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        String listing = http.call("GET", bs, b.token(), null).text();
        assertFalse(listing.contains(a.fileId()) || listing.contains(a.analysisId()), listing);
        stillWhole(before);
    }

    @Test
    void pathTricksReachNeitherAnotherSessionNorFilesOutsideTheDataFolder() {
        Map<String, String> before = filesOf(a.sid());
        String bs = "/api/sessions/" + b.sid();
        List<String> paths = List.of(
                bs + "/../" + a.sid(),
                bs + "/files/../../" + a.sid() + "/files",
                bs + "/files/%2e%2e%2f%2e%2e%2f" + a.sid(),
                "/api/sessions/" + a.sid().toUpperCase(),
                bs + "/files/" + a.fileId() + "%00",
                bs + "/files/%00",
                bs + "/files/" + "x".repeat(8000),
                bs + "/files/\u00e9\u4e2d",
                bs + "/files/..%5C..%5C" + a.sid(),
                "/../../../../etc/passwd",
                "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
                "/..%2f..%2f..%2fetc%2fpasswd",
                "/static/../../../../etc/passwd",
                "/index.html/../../../../etc/passwd",
                "/blobs/../../../../etc/passwd",
                "/blobs/sessions/" + a.sid() + "/files/" + a.fileId() + "/upload",
                "/blobs/sessions/" + a.sid() + "/",
                "/blobs?list-type=2&prefix=sessions/",
                "/blobs/",
                "/blobs/%2e%2e/%2e%2e/sessions",
                "/blobs/sessions/" + a.sid() + "/../" + b.sid());
        List<String> failures = new ArrayList<>();
        for (String path : paths) {
            for (String method : List.of("GET", "DELETE", "PUT")) {
                LocalClient.Answer r = http.raw(method, path, b.token());
                if (r.status() >= 500 || r.status() == 0 && !r.text().contains("reset")) {
                    failures.add(method + " " + shorten(path) + " → " + r.status() + " " + shorten(r.text()));
                }
                if (r.text().contains("root:x:0:0") || r.status() == 200 && path.startsWith("/blobs")) {
                    failures.add(
                            "LEAK: " + method + " " + shorten(path) + " → " + r.status() + " " + shorten(r.text()));
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        stillWhole(before);
    }

    /** Altered PUTs of a link for {@code length} bytes; each entry: what was changed → the status. */
    private static Map<String, Integer> alteredPuts(String url, String fileId, int length) {
        byte[] same = new byte[length];
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("key moved to B", LocalClient.putStatus(url.replace(a.sid(), b.sid()), "application/octet-stream", same));
        m.put(
                "another file id",
                LocalClient.putStatus(url.replace(fileId, b.fileId()), "application/octet-stream", same));
        m.put(
                "longer expiry",
                LocalClient.putStatus(
                        url.replaceFirst("X-Amz-Expires=\\d+", "X-Amz-Expires=604800"),
                        "application/octet-stream",
                        same));
        m.put(
                "signature dropped",
                LocalClient.putStatus(
                        url.replaceFirst("&?X-Amz-Signature=[0-9a-f]+", ""), "application/octet-stream", same));
        m.put("another length", LocalClient.putStatus(url, "application/octet-stream", new byte[length + 1]));
        m.put("another type", LocalClient.putStatus(url, "text/html", same));
        return m;
    }

    private static List<String> notRefused(Map<String, Integer> statuses) {
        List<String> failures = new ArrayList<>();
        statuses.forEach((what, status) -> {
            if (status != 403) failures.add("PUT " + what + " → " + status);
        });
        return failures;
    }

    @Test
    void alteredPresignedRequestsAreRefused() {
        Map<String, String> before = filesOf(a.sid());
        JsonNode t = ok(
                        http.call(
                                "POST",
                                "/api/sessions/" + a.sid() + "/uploads",
                                a.token(),
                                Map.of(
                                        "fileName",
                                        "small.atf",
                                        "contentType",
                                        "application/octet-stream",
                                        "sizeBytes",
                                        100)),
                        201)
                .json();
        List<String> failures = notRefused(
                alteredPuts(t.get("uploadUrl").asText(), t.get("fileId").asText(), 100));
        assertEquals(200, LocalClient.get(a.exportUrl()).status(), "the genuine export link works");
        Map<String, String> gets = new LinkedHashMap<>();
        gets.put("export moved to B", a.exportUrl().replace(a.sid(), b.sid()));
        gets.put(
                "export with a longer expiry",
                a.exportUrl().replaceFirst("X-Amz-Expires=\\d+", "X-Amz-Expires=604800"));
        gets.put("export link turned into a listing", a.exportUrl().replaceFirst("/sessions/.*\\?", "?list-type=2&"));
        gets.forEach((what, url) -> {
            int s = LocalClient.get(url).status();
            if (s != 403 && s != 405) failures.add("GET " + what + " → " + s);
        });
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        stillWhole(before);
    }

    /**
     * With a recording-sized body (the victim's 2.9 MB link) S3Proxy refuses before reading the body and closes
     * the connection; the pass-through answers S3's 403 for it (it once answered 500), and nothing is stored.
     */
    @Test
    void alteredPresignedUploadsOfARealRecordingAreRefusedWith403() {
        Map<String, String> before = filesOf(a.sid());
        List<String> failures = notRefused(alteredPuts(a.uploadUrl(), a.fileId(), a.length()));
        stillWhole(before);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /**
     * Requests to the storage with no credential at all (no signature, no bearer token) get S3's 403: S3Proxy's
     * filesystem store once read the world-readable bucket folder as a public-read bucket and answered them with
     * the listing of every session and the files themselves.
     */
    @Test
    void storageRequestsWithoutAnyCredentialAreRefused() {
        Map<String, String> before = filesOf(a.sid());
        String base = runtime.url().toString().replaceAll("/$", "");
        for (String path : List.of(
                "/blobs/",
                "/blobs/?list-type=2&prefix=sessions/",
                // An object that exists: complete deleted the upload, and S3Proxy answers a missing key 404.
                "/blobs/sessions/" + a.sid() + "/files/" + a.fileId() + "/recording.json")) {
            LocalClient.Answer r = LocalClient.get(base + path);
            assertEquals(403, r.status(), path + " → " + r);
        }
        stillWhole(before);
    }

    @Test
    void foreignOriginsGetNoCorsGrant() {
        for (String origin : List.of(
                "https://evil.example", "null", runtime.url().toString().replace("localhost", "evil.example"))) {
            LocalClient.Answer r = http.call(
                    "GET",
                    "/api/sessions/" + a.sid(),
                    Map.of("Origin", origin, "Authorization", "Bearer " + a.token()),
                    null);
            String allowed = r.header("Access-Control-Allow-Origin");
            assertTrue(
                    allowed == null || (!allowed.equals("*") && !allowed.equals(origin)), origin + " got " + allowed);
            LocalClient.Answer pre = http.call(
                    "OPTIONS",
                    "/api/sessions/" + a.sid(),
                    Map.of(
                            "Origin",
                            origin,
                            "Access-Control-Request-Method",
                            "DELETE",
                            "Access-Control-Request-Headers",
                            "authorization"),
                    null);
            String preAllowed = pre.header("Access-Control-Allow-Origin");
            assertTrue(
                    preAllowed == null || (!preAllowed.equals("*") && !preAllowed.equals(origin)),
                    "preflight from " + origin + ": " + pre.headers());
        }
    }

    private static String shorten(String s) {
        return s.length() > 160 ? s.substring(0, 160) + "…" : s;
    }
}
