package org.signalanalyzer.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * This module's jar outside the web process (how the local runtime uses it): no "web" environment and no api.url,
 * so no proxy filter and none of application-web.yml; the site is served and /api paths are never the page.
 */
class WithoutApiUrlTest {

    private static EmbeddedServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        server = TestSite.start(Map.of());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(server.getURL() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void noProxyAndNoWebSettings() {
        assertFalse(server.getApplicationContext().containsBean(ApiProxyFilter.class));
        assertFalse(server.getApplicationContext()
                .getProperty("api.url", String.class)
                .isPresent());
        assertFalse(server.getApplicationContext()
                .getProperty("micronaut.application.name", String.class)
                .filter("signal-analyzer-web"::equals)
                .isPresent());
    }

    @Test
    void servesTheSiteButNeverForApiPaths() throws Exception {
        HttpResponse<String> route = get("/history/abc");
        assertEquals(200, route.statusCode());
        assertTrue(route.body().contains("<div id=\"root\">"));
        for (String path : new String[] {"/api", "/api/sessions/s9/files"}) {
            HttpResponse<String> api = get(path);
            assertEquals(404, api.statusCode(), path);
            assertFalse(api.body().contains("<div id=\"root\">"), path);
        }
    }
}
