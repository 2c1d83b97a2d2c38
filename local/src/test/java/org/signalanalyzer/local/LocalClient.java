package org.signalanalyzer.local;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.signalanalyzer.dsp.SharedData;

/**
 * The local runtime's tests' one HTTP client: JSON calls with a token or any headers against a running
 * {@link LocalRuntime}, plain GETs and PUTs of presigned URLs, and raw request lines the JDK client refuses.
 */
public final class LocalClient {

    public static final ObjectMapper JSON = new ObjectMapper();
    /** The desktop sample recording every upload test sends (in ../shared; see SharedData). */
    public static final String SAMPLE = "202304_0521.atf";
    /** Shared by every test; thread-safe, so the load driver's concurrent sessions use it too. */
    public static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private final URI base;

    /** Where the sample recording is (SharedData skips the test, or fails it on CI, where it is absent). */
    public static Path samplePath() {
        return SharedData.desktop(SAMPLE);
    }

    public static byte[] sampleBytes() throws IOException {
        return Files.readAllBytes(samplePath());
    }

    public LocalClient(URI base) {
        this.base = base;
    }

    /** A status, the body's bytes and the headers; {@link #text()} and {@link #json()} read the body. */
    public record Answer(int status, byte[] body, Map<String, List<String>> headers) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON (status " + status + "): " + this, e);
            }
        }

        /**
         * A top-level member's text, or null, read without building the whole tree: the load driver needs one id
         * from an analysis answer of a few hundred kB, and parsing every number of it in the driving clients took a
         * fifth of the cores the server under test shares with them.
         */
        public String member(String name) {
            try (JsonParser p = JSON.getFactory().createParser(body)) {
                if (p.nextToken() != JsonToken.START_OBJECT) return null;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken value = p.nextToken();
                    if (field.equals(name)) return value.isScalarValue() ? p.getText() : null;
                    p.skipChildren();
                }
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON (status " + status + "): " + this, e);
            }
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The header's values joined by commas, or null; names are matched without regard to case. */
        public String header(String name) {
            for (var e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) return String.join(",", e.getValue());
            }
            return null;
        }

        public String contentType() {
            String type = header("Content-Type");
            return type == null ? "" : type;
        }

        public String retryAfter() {
            return header("Retry-After");
        }

        @Override
        public String toString() {
            String t = text();
            return status + " " + (t.length() > 500 ? t.substring(0, 500) + "…" : t);
        }
    }

    public Answer call(String method, String path, String token, Object body) {
        return call(method, path, token == null ? Map.of() : Map.of("Authorization", "Bearer " + token), body);
    }

    public Answer call(String method, String path, Map<String, String> headers, Object body) {
        try {
            String root = base.toString().replaceAll("/$", "");
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(root + (path.startsWith("/") ? "" : "/") + path))
                    .timeout(TIMEOUT)
                    .header("Accept", "application/json");
            headers.forEach(b::header);
            if (body != null) {
                b.header("Content-Type", "application/json");
                String text = body instanceof String s ? s : JSON.writeValueAsString(body);
                b.method(method, HttpRequest.BodyPublishers.ofString(text));
            } else {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            }
            return send(b.build(), method + " " + path);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        }
    }

    public static Answer get(String url) {
        return send(
                HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build(), "GET " + url);
    }

    public static Answer put(String url, String contentType, byte[] bytes) {
        return send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(TIMEOUT)
                        .header("Content-Type", contentType)
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes))
                        .build(),
                "PUT " + url);
    }

    /**
     * The status of a PUT whose answer body does not matter; a connection the store closes mid-body (a refused large
     * upload) counts as 403.
     */
    public static int putStatus(String url, String contentType, byte[] bytes) {
        try {
            return CLIENT.send(
                            HttpRequest.newBuilder(URI.create(url))
                                    .timeout(TIMEOUT)
                                    .header("Content-Type", contentType)
                                    .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException refusedMidBody) {
            return 403;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends the request line byte for byte (paths with {@code ..}, NUL, raw unicode) and answers the status and
     * the body; status 0 when the server closes without an answer.
     */
    public Answer raw(String method, String rawPath, String token) {
        try (Socket s = new Socket(base.getHost(), base.getPort())) {
            s.setSoTimeout(30_000);
            String head = method + " " + rawPath + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\n" + (token == null ? "" : "Authorization: Bearer " + token + "\r\n")
                    + "Connection: close\r\nContent-Length: 0\r\n\r\n";
            OutputStream out = s.getOutputStream();
            out.write(head.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            byte[] bytes = all.toByteArray();
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            if (text.isEmpty()) return new Answer(0, new byte[0], Map.of());
            int status = Integer.parseInt(text.substring(9, 12));
            int bodyAt = text.indexOf("\r\n\r\n");
            byte[] body = bodyAt < 0 ? new byte[0] : Arrays.copyOfRange(bytes, bodyAt + 4, bytes.length);
            return new Answer(status, body, Map.of());
        } catch (IOException e) {
            return new Answer(0, e.toString().getBytes(StandardCharsets.UTF_8), Map.of());
        }
    }

    private static Answer send(HttpRequest request, String what) {
        try {
            HttpResponse<byte[]> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(r.statusCode(), r.body(), r.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
