package org.signalanalyzer.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What Heroku imposes on the web process: it must have a backend to forward to (no localhost default that would
 * 502 every API call while the site looks healthy), and it must answer within the router's 30 s, so a backend
 * slower than the proxy's read timeout becomes the API's JSON 504 instead of Heroku's own error page.
 */
class WebProcessLimitsTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void withoutApiUrlTheWebProcessRefusesToStartAndSaysWhatToSet() {
        Exception refused = assertThrows(
                Exception.class,
                () -> TestSite.start(Map.of(), WebApplication.ENVIRONMENT).close());
        StringBuilder messages = new StringBuilder();
        for (Throwable t = refused; t != null; t = t.getCause())
            messages.append(t.getMessage()).append('\n');
        assertTrue(messages.toString().contains(ApiUrlRequired.MESSAGE), messages.toString());
    }

    @Test
    void theProxyGivesUpBeforeHerokusRouterDoes() {
        try (ApplicationContext web =
                ApplicationContext.run(Map.of("api.url", "http://127.0.0.1:9"), WebApplication.ENVIRONMENT)) {
            Duration readTimeout = web.getProperty("micronaut.http.client.read-timeout", Duration.class)
                    .orElseThrow();
            assertTrue(
                    readTimeout.compareTo(Duration.ofSeconds(29)) < 0,
                    "read timeout " + readTimeout + " is below API Gateway's 29 s and Heroku's 30 s");
            assertTrue(
                    readTimeout.compareTo(Duration.ofSeconds(20)) >= 0,
                    "read timeout " + readTimeout + " still lets a legitimate 25 s API call finish");
        }
    }

    @Test
    void aBackendSlowerThanTheReadTimeoutIsAJsonGatewayTimeout() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        HttpServer upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        upstream.createContext("/", exchange -> {
            try {
                release.await(10, TimeUnit.SECONDS);
                byte[] late = "{\"sessionId\":\"late\"}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(201, late.length);
                exchange.getResponseBody().write(late);
            } catch (Exception ignored) {
                // the proxy has gone already
            } finally {
                exchange.close();
            }
        });
        upstream.start();
        // The same path as on Heroku, with the limit shortened so the test does not wait 28 s.
        try (EmbeddedServer web = TestSite.start(
                Map.of(
                        "micronaut.http.client.read-timeout",
                        "1s",
                        "api.url",
                        "http://127.0.0.1:" + upstream.getAddress().getPort()),
                WebApplication.ENVIRONMENT)) {
            HttpResponse<String> r = HTTP.send(
                    HttpRequest.newBuilder(URI.create(web.getURL() + "/api/sessions"))
                            .timeout(Duration.ofSeconds(8))
                            .POST(HttpRequest.BodyPublishers.ofString("{}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(504, r.statusCode(), r.body());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
            assertTrue(r.body().contains("\"error\":\"upstream_timeout\""), r.body());
            assertTrue(r.body().contains("\"message\":"), r.body());
        } finally {
            release.countDown();
            upstream.stop(0);
        }
    }
}
