package org.signalanalyzer.functions.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.signalanalyzer.functions.ApiGatewayFunction;
import org.signalanalyzer.functions.sessions.Tokens;
import org.signalanalyzer.functions.support.ApiHarness;

/**
 * An attacker with a session of their own (B) against a victim session (A), through the Lambda entry point:
 * A's ids under B's session, B's token on A's session, no token, forged tokens, ids that are path tricks, ids of
 * A named inside B's request bodies, tampered presigned links. Afterwards A's objects (S3) and items (DynamoDB)
 * are compared with what they were, read straight from the storage.
 */
class LambdaIsolationTest {

    private static ApiGatewayFunction api;
    private static SessionFixture a;
    private static SessionFixture b;

    @BeforeAll
    static void twoSessions() throws Exception {
        api = ApiHarness.handler();
        a = SessionFixture.create(api);
        b = SessionFixture.create(api);
    }

    /** Every route with A's ids, as {method, path, body-or-null}. */
    private static List<String[]> routesOf(String sid, SessionFixture ids) {
        String s = "/api/sessions/" + sid;
        String ranges = "{\"hyperpol\":[0,10],\"depol\":[0,10]}";
        return List.of(
                new String[] {"GET", s, null},
                new String[] {"GET", s + "/files", null},
                new String[] {"GET", s + "/files/" + ids.fileId(), null},
                new String[] {"GET", s + "/files/" + ids.fileId() + "/trace", null},
                new String[] {"POST", s + "/files/" + ids.fileId() + "/complete", null},
                new String[] {"POST", s + "/files/" + ids.fileId() + "/filter", "{\"chain\":{\"preset\":\"batch\"}}"},
                new String[] {"GET", s + "/analyses", null},
                new String[] {"GET", s + "/analyses/" + ids.analysisId(), null},
                new String[] {"POST", s + "/analyses/" + ids.analysisId() + "/integrals", ranges},
                new String[] {"POST", s + "/analyses", "{\"fileId\":\"" + ids.fileId() + "\"}"},
                new String[] {
                    "POST", s + "/exports", "{\"analysisIds\":[\"" + ids.analysisId() + "\"],\"layout\":\"csv\"}"
                },
                new String[] {"POST", s + "/jobs", "{\"kind\":\"batch\",\"fileIds\":[\"" + ids.fileId() + "\"]}"},
                new String[] {"GET", s + "/jobs/" + ids.exportId(), null},
                new String[] {
                    "POST", s + "/uploads", "{\"fileName\":\"x.atf\",\"contentType\":\"text/plain\",\"sizeBytes\":10}"
                },
                new String[] {"DELETE", s + "/files/" + ids.fileId(), null},
                new String[] {"DELETE", s, null});
    }

    /** Forged tokens by name; those with control characters are in {@link #controlCharacterTokens}. */
    private static Map<String, String> forgedTokens() {
        String flipped =
                a.token().substring(0, a.token().length() - 1) + (a.token().endsWith("A") ? "B" : "A");
        Map<String, String> m = new LinkedHashMap<>();
        m.put("B's token", b.token());
        m.put("A's token with its last character changed", flipped);
        m.put("empty", "");
        m.put("a space", " ");
        m.put("A's token upper-cased", a.token().toUpperCase());
        m.put("A's token plus a character", a.token() + "x");
        m.put("100 000 characters", "x".repeat(100_000));
        m.put("A's session id", a.sid());
        m.put("a fresh id", Tokens.newId());
        return m;
    }

    /**
     * Tokens with characters a header may not hold: Micronaut refuses such a header while adapting the event, which
     * answered 500 with an empty body until the entry point dropped the header (now: a missing token, 403).
     */
    private static Map<String, String> controlCharacterTokens() {
        return Map.of(
                "NUL then A's token",
                "\u0000" + a.token(),
                "A's token then NUL",
                a.token() + "\u0000",
                "A's token, CR LF and another header",
                a.token() + "\r\nX-Session: " + a.sid(),
                "A's token with a BEL inside",
                a.token().substring(0, 5) + "\u0007" + a.token().substring(5));
    }

    @Test
    void anotherSessionsTokenNoTokenAndForgedTokensAreRefusedOnEveryRoute() {
        Map<String, Object> before = snapshot(a);
        List<String> failures = new ArrayList<>();
        for (String[] route : routesOf(a.sid(), a)) {
            forgedTokens()
                    .forEach((what, token) -> expect(
                            failures,
                            route,
                            Map.of("Authorization", "Bearer " + token),
                            Set.of(403),
                            "forged token (" + what + ")"));
            expect(failures, route, Map.of(), Set.of(403), "no token");
            expect(failures, route, Map.of("Authorization", a.token()), Set.of(403), "token without Bearer");
            expect(failures, route, Map.of("Authorization", "Basic " + a.token()), Set.of(403), "another scheme");
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertEquals(before, snapshot(a), "nothing of A changed");
    }

    @Test
    void tokensWithANulByteOrAnotherControlCharacterAreRefusedWith403() {
        Map<String, Object> before = snapshot(a);
        List<String> failures = new ArrayList<>();
        for (String[] route : routesOf(a.sid(), a)) {
            controlCharacterTokens()
                    .forEach((what, token) -> expect(
                            failures,
                            route,
                            Map.of("Authorization", "Bearer " + token),
                            Set.of(403),
                            "forged token (" + what + ")"));
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertEquals(before, snapshot(a), "nothing of A changed");
    }

    @Test
    void theVictimsIdsInsideTheAttackersOwnSessionAreUnknown() {
        Map<String, Object> before = snapshot(a);
        List<String> failures = new ArrayList<>();
        for (String[] route : routesOf(b.sid(), a)) {
            if (route[1].equals("/api/sessions/" + b.sid())
                    || route[1].endsWith("/files")
                    || route[1].endsWith("/analyses") && route[2] == null
                    || route[1].endsWith("/uploads")) {
                continue; // routes without a victim id answer B's own data
            }
            expect(
                    failures,
                    route,
                    Map.of("Authorization", "Bearer " + b.token()),
                    Set.of(404),
                    "A's id inside B's session");
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertEquals(before, snapshot(a), "nothing of A changed");
        // B's listings show nothing of A.
        String listing = ApiHarness.call(api, "GET", "/api/sessions/" + b.sid(), b.token(), null)
                .body();
        assertFalse(listing.contains(a.fileId()) || listing.contains(a.analysisId()), listing);
        SessionFixture.ok(
                ApiHarness.call(
                        api, "GET", "/api/sessions/" + a.sid() + "/analyses/" + a.analysisId(), a.token(), null),
                200);
    }

    private static List<String> pathTricks() {
        return List.of(
                "..",
                "../" + a.sid(),
                "%2e%2e%2f" + a.sid(),
                "..%2F..%2F" + a.sid(),
                "%252e%252e%252f",
                "/etc/passwd",
                a.fileId() + "%00",
                "x".repeat(10_000),
                "\u00e9\u4e2d\uD83D\uDE00",
                a.fileId() + "/../" + a.fileId(),
                "%20",
                a.sid().toUpperCase(),
                "*",
                "sessions/" + a.sid());
    }

    @Test
    void pathTricksAsIdsAreRefusedWithoutAServerError() {
        assertPathTricksRefused(pathTricks());
    }

    /**
     * A backslash, a space or a NUL in the event's path (API Gateway passes {@code %5C}, {@code %20}, {@code %00}
     * on decoded) made the Lambda handler itself throw UriSyntaxException instead of answering, so API Gateway
     * would answer 502; so did the other characters a URI path may not hold, and a '%' that starts no escape.
     */
    @Test
    void aBackslashSpaceOrNulInThePathIsRefusedWithoutAServerError() {
        assertPathTricksRefused(List.of(
                "..\\..\\" + a.sid(),
                "a\\b",
                " ",
                a.fileId() + "\u0000",
                a.fileId() + "\u0001\u007f",
                "a\"b<c>|{d}^`[e]",
                "100%",
                "%zz" + a.sid(),
                "a?b#c"));
    }

    private static void assertPathTricksRefused(List<String> tricks) {
        Map<String, Object> before = snapshot(a);
        List<String> failures = new ArrayList<>();
        String bs = "/api/sessions/" + b.sid();
        for (String trick : tricks) {
            for (String encoded : List.of(trick, URLEncoder.encode(trick, StandardCharsets.UTF_8))) {
                for (String path : List.of(
                        "/api/sessions/" + encoded,
                        "/api/sessions/" + encoded + "/files",
                        bs + "/files/" + encoded,
                        bs + "/files/" + encoded + "/trace",
                        bs + "/analyses/" + encoded,
                        bs + "/jobs/" + encoded)) {
                    for (String method : List.of("GET", "DELETE")) {
                        expect(
                                failures,
                                new String[] {method, path, null},
                                Map.of("Authorization", "Bearer " + b.token()),
                                Set.of(400, 403, 404, 405),
                                "path trick");
                    }
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertEquals(before, snapshot(a), "nothing of A changed");
    }

    @Test
    void hostileUploadNamesStayInsideTheCallersPrefixAndAreShownAsOneSegment() throws Exception {
        Map<String, Object> before = snapshot(a);
        for (String name : List.of(
                "../../sessions/" + a.sid() + "/files/" + a.fileId() + "/upload.atf",
                "/etc/passwd.atf",
                "a\u0000b.atf",
                "%2e%2e%2f%2e%2e%2fx.atf",
                "\u00b5-\u4e2d-\uD83D\uDE00.atf",
                "n".repeat(5000) + ".atf",
                "..\\..\\x.atf",
                "CON.atf",
                ".atf",
                " .atf")) {
            var ticket = ApiHarness.call(
                    api,
                    "POST",
                    "/api/sessions/" + b.sid() + "/uploads",
                    b.token(),
                    Map.of("fileName", name, "contentType", "text/plain", "sizeBytes", 10));
            assertTrue(
                    ticket.status() == 201 || ticket.status() == 400 || ticket.status() == 415,
                    shorten(name) + " → " + ticket);
            if (ticket.status() != 201) continue;
            String url = ticket.json().get("uploadUrl").asText();
            assertTrue(url.contains("/sessions/" + b.sid() + "/"), "signed for B's prefix: " + url);
            assertFalse(url.contains(a.sid()), "the victim's id is not in the key: " + url);
            assertEquals(
                    200, SessionFixture.put(url, "text/plain", new byte[10]).statusCode());
        }
        assertEquals(before, snapshot(a), "nothing landed in or left A's prefix");
    }

    /** The storage's answer to a PUT; a connection it closes mid-body (a refusal of a large body) counts as 403. */
    private static int putStatus(String url, String type, byte[] body) {
        try {
            return SessionFixture.put(url, type, body).statusCode();
        } catch (Exception refusedMidBody) {
            return 403;
        }
    }

    @Test
    void alteredPresignedRequestsAreRefusedByTheStorage() throws Exception {
        Map<String, Object> before = snapshot(a);
        Map<String, Object> attacker = snapshot(b);
        byte[] same = new byte[a.uploadLength()];
        // A's upload link replayed with another key, length, type or expiry: S3 refuses (signature).
        String toB = a.uploadUrl().replace(a.sid(), b.sid());
        assertEquals(403, putStatus(toB, a.uploadType(), same), "key moved to B's prefix");
        String otherFile = a.uploadUrl().replace(a.fileId(), Tokens.newId());
        assertEquals(403, putStatus(otherFile, a.uploadType(), same), "another file id");
        assertEquals(403, putStatus(a.uploadUrl(), a.uploadType(), new byte[same.length + 1]));
        assertEquals(403, putStatus(a.uploadUrl(), "text/html", same), "another type");
        String longer = a.uploadUrl().replaceFirst("X-Amz-Expires=\\d+", "X-Amz-Expires=604800");
        assertNotEquals(a.uploadUrl(), longer);
        assertEquals(403, putStatus(longer, a.uploadType(), same), "a longer expiry");
        // The export link: another key or expiry is refused; the genuine one works.
        assertEquals(200, SessionFixture.get(a.exportUrl()).statusCode());
        String exportToB = a.exportUrl().replace(a.sid(), b.sid());
        assertEquals(403, SessionFixture.get(exportToB).statusCode(), "export link moved to B");
        String renamed = a.exportUrl().replace(a.exportId(), b.exportId());
        assertEquals(403, SessionFixture.get(renamed).statusCode(), "export link to B's export");
        String later = a.exportUrl().replaceFirst("X-Amz-Expires=\\d+", "X-Amz-Expires=604800");
        assertEquals(403, SessionFixture.get(later).statusCode(), "export link with a longer expiry");
        assertEquals(before, snapshot(a), "nothing of A changed");
        assertEquals(attacker, snapshot(b), "nothing landed in B's prefix either");
    }

    @Test
    void foreignOriginsGetNoCorsGrant() throws Exception {
        for (String origin : List.of("https://evil.example", "null", "http://localhost:5173.evil.example")) {
            ApiHarness.Response r = ApiHarness.call(
                    api,
                    "GET",
                    "/api/sessions/" + a.sid(),
                    Map.of("Origin", origin, "Authorization", "Bearer " + a.token()),
                    null);
            String allowed = r.header("Access-Control-Allow-Origin");
            assertTrue(
                    allowed == null || (!allowed.equals("*") && !allowed.equals(origin)),
                    origin + " was granted " + allowed);
            ApiHarness.Response pre = ApiHarness.call(
                    api,
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
                    preAllowed == null || !preAllowed.equals(origin),
                    "preflight from " + origin + ": " + pre.headers());
            // The storage's own CORS (for the browser's presigned PUT) grants only the site's origin.
            var s3 = SessionFixture.HTTP.send(
                    HttpRequest.newBuilder(URI.create(a.uploadUrl()))
                            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                            .header("Origin", origin)
                            .header("Access-Control-Request-Method", "PUT")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertFalse(
                    s3.headers()
                            .firstValue("Access-Control-Allow-Origin")
                            .map(v -> v.equals(origin) || v.equals("*"))
                            .orElse(false),
                    "S3 preflight from " + origin + ": " + s3.headers().map());
        }
    }

    private static void expect(
            List<String> failures, String[] route, Map<String, String> headers, Set<Integer> ok, String what) {
        try {
            ApiHarness.Response r = ApiHarness.call(api, route[0], route[1], headers, route[2]);
            if (!ok.contains(r.status())) failures.add(what + ": " + route[0] + " " + shorten(route[1]) + " → " + r);
        } catch (RuntimeException e) {
            failures.add(what + ": " + route[0] + " " + shorten(route[1]) + " → the handler threw " + e);
        }
    }

    private static String shorten(String s) {
        return s.length() > 160 ? s.substring(0, 160) + "…" : s;
    }

    private static Map<String, Object> snapshot(SessionFixture s) {
        return Map.of("objects", s.objects(), "items", s.items());
    }
}
