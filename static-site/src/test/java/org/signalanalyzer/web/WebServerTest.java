package org.signalanalyzer.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Heroku web process end to end over real sockets: static files from a test site folder on the classpath, and
 * /api forwarded to a stub backend (JDK HttpServer) whose answers must come back unchanged.
 */
class WebServerTest {

    /** What the stub backend last received. */
    record Seen(String method, String path, String query, String authorization, String contentType, String body) {}

    private static final AtomicReference<Seen> SEEN = new AtomicReference<>();
    private static HttpServer upstream;
    private static EmbeddedServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws IOException {
        upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        upstream.createContext("/", WebServerTest::answer);
        upstream.start();
        server = TestSite.start(
                Map.of(
                        // A stage path like API Gateway's: /api/... must be appended to it.
                        "api.url", "http://127.0.0.1:" + upstream.getAddress().getPort() + "/Prod"),
                WebApplication.ENVIRONMENT);
    }

    @AfterAll
    static void stop() {
        server.close();
        upstream.stop(0);
    }

    @BeforeEach
    void forget() {
        SEEN.set(null);
    }

    private static void answer(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = ex.getRequestURI().getPath();
        SEEN.set(new Seen(
                ex.getRequestMethod(),
                path,
                ex.getRequestURI().getRawQuery(),
                ex.getRequestHeaders().getFirst("Authorization"),
                ex.getRequestHeaders().getFirst("Content-Type"),
                body));
        int status;
        String json;
        if (path.endsWith("/gzipped")) {
            // Like API Gateway with compression on: gzip when the client accepts it.
            byte[] plain = "{\"values\":[1.5,2.5,3.5]}".getBytes(StandardCharsets.UTF_8);
            boolean gzip = String.valueOf(ex.getRequestHeaders().getFirst("Accept-Encoding"))
                    .contains("gzip");
            byte[] out = gzip ? gzip(plain) : plain;
            ex.getResponseHeaders().add("Content-Type", "application/json");
            if (gzip) ex.getResponseHeaders().add("Content-Encoding", "gzip");
            ex.sendResponseHeaders(200, out.length);
            ex.getResponseBody().write(out);
            ex.close();
            return;
        }
        if (path.equals("/Prod/api/sessions") && ex.getRequestMethod().equals("POST")) {
            status = 201;
            json = "{\"sessionId\":\"s1\",\"token\":\"t1\"}";
            ex.getResponseHeaders().add("X-Request-Id", "req-42");
        } else if (path.endsWith("/forbidden")) {
            status = 403;
            json = "{\"error\":\"forbidden\",\"message\":\"Wrong token for this session.\"}";
        } else if (path.endsWith("/busy")) {
            status = 503;
            json = "{\"error\":\"storage_unavailable\",\"message\":\"Storage is unavailable; retry.\"}";
            ex.getResponseHeaders().add("Retry-After", "7");
        } else if (ex.getRequestMethod().equals("DELETE")) {
            ex.sendResponseHeaders(204, -1);
            ex.close();
            return;
        } else {
            status = 404;
            json = "{\"error\":\"not_found\",\"message\":\"No such session (it may have expired).\"}";
        }
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    private static byte[] gzip(byte[] plain) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var gz = new GZIPOutputStream(bytes)) {
            gz.write(plain);
        }
        return bytes.toByteArray();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(server.getURL() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesIndexWithoutCaching() throws Exception {
        HttpResponse<String> r = get("/");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("<title>Test site</title>"), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertEquals("no-cache", r.headers().firstValue("Cache-Control").orElse(""));
    }

    @Test
    void servesFingerprintedAssetForAYear() throws Exception {
        HttpResponse<String> r = get("/assets/app-3f9a1c.js");
        assertEquals(200, r.statusCode());
        assertEquals("console.log(\"fingerprinted asset\");\n", r.body());
        assertTrue(
                r.headers().firstValue("Content-Type").orElse("").contains("javascript"),
                r.headers().map().toString());
        assertEquals(
                "public, max-age=31536000, immutable",
                r.headers().firstValue("Cache-Control").orElse(""));
    }

    @Test
    void servesOtherFilesBriefly() throws Exception {
        HttpResponse<String> r = get("/robots.txt");
        assertEquals(200, r.statusCode());
        assertEquals(
                "public, max-age=3600", r.headers().firstValue("Cache-Control").orElse(""));
    }

    @Test
    void fallsBackToIndexForAppRoutes() throws Exception {
        HttpResponse<String> r = get("/history/abc");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("<div id=\"root\">"));
        assertEquals("no-cache", r.headers().firstValue("Cache-Control").orElse(""));
    }

    @Test
    void missingFileIsNotFoundNotTheIndex() throws Exception {
        HttpResponse<String> r = get("/assets/gone-123.js");
        assertEquals(404, r.statusCode());
        assertFalse(r.body().contains("<div id=\"root\">"));
    }

    @Test
    void refusesToLeaveTheSiteFolder() throws Exception {
        assertFalse(SiteFiles.isSafe("../application.yml"));
        assertFalse(SiteFiles.isSafe("assets/../../logback.xml"));
        assertFalse(SiteFiles.isSafe("assets//x.js"));
        assertTrue(SiteFiles.isSafe("assets/app-3f9a1c.js"));
        HttpResponse<String> r = get("/assets/%2e%2e/%2e%2e/" + WebApplication.LOGGING);
        assertFalse(r.body().contains("<configuration>"), r.body());
    }

    @Test
    void proxiesPostWithHeadersBodyAndStatus() throws Exception {
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(URI.create(server.getURL() + "/api/sessions"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer secret-token")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"hello\":1}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, r.statusCode());
        assertEquals("{\"sessionId\":\"s1\",\"token\":\"t1\"}", r.body());
        assertEquals("req-42", r.headers().firstValue("X-Request-Id").orElse(""));
        Seen seen = SEEN.get();
        assertEquals("POST", seen.method());
        assertEquals("/Prod/api/sessions", seen.path());
        assertEquals("Bearer secret-token", seen.authorization());
        assertEquals("application/json", seen.contentType());
        assertEquals("{\"hello\":1}", seen.body());
    }

    @Test
    void proxiesQueryStringAndNotFoundJson() throws Exception {
        HttpResponse<String> r = get("/api/sessions/s9/files/f1/trace?sweep=2&channel=0&width=800");
        assertEquals(404, r.statusCode());
        assertEquals("{\"error\":\"not_found\",\"message\":\"No such session (it may have expired).\"}", r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals("/Prod/api/sessions/s9/files/f1/trace", SEEN.get().path());
        assertEquals("sweep=2&channel=0&width=800", SEEN.get().query());
    }

    @Test
    void compressedAnswersStayConsistentWithTheirHeaders() throws Exception {
        HttpResponse<byte[]> r = HTTP.send(
                HttpRequest.newBuilder(URI.create(server.getURL() + "/api/gzipped"))
                        .header("Accept-Encoding", "gzip")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode());
        byte[] body = r.body();
        if (r.headers().firstValue("Content-Encoding").orElse("").equals("gzip")) {
            body = new GZIPInputStream(new ByteArrayInputStream(body)).readAllBytes();
        }
        assertEquals("{\"values\":[1.5,2.5,3.5]}", new String(body, StandardCharsets.UTF_8));
    }

    @Test
    void passesClientErrorsThrough() throws Exception {
        HttpResponse<String> r = get("/api/sessions/s1/forbidden");
        assertEquals(403, r.statusCode());
        assertTrue(r.body().contains("\"error\":\"forbidden\""), r.body());
    }

    @Test
    void passesRetryAfterThrough() throws Exception {
        HttpResponse<String> r = get("/api/busy");
        assertEquals(503, r.statusCode());
        assertEquals("7", r.headers().firstValue("Retry-After").orElse(""));
    }

    @Test
    void proxiesDeleteWithNoContent() throws Exception {
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(URI.create(server.getURL() + "/api/sessions/s1"))
                        .header("Authorization", "Bearer t1")
                        .DELETE()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(204, r.statusCode());
        assertEquals("DELETE", SEEN.get().method());
        assertEquals("Bearer t1", SEEN.get().authorization());
    }

    @Test
    void unreachableBackendIsABadGatewayInTheApiErrorShape() throws Exception {
        try (EmbeddedServer orphan = TestSite.start(Map.of("api.url", "http://127.0.0.1:" + freePort()))) {
            HttpResponse<String> r = HTTP.send(
                    HttpRequest.newBuilder(URI.create(orphan.getURL() + "/api/sessions"))
                            .POST(HttpRequest.BodyPublishers.ofString("{}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(502, r.statusCode());
            assertTrue(r.body().contains("\"error\":\"bad_gateway\""), r.body());
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
