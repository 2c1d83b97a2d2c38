package org.signalanalyzer.local;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The browser app, as the static-site module builds it into the classpath's public/, is served from the runtime's
 * own port: the exact index.html at / and at the app's routes, its fingerprinted files, while /api stays the API.
 */
class SiteServedTest {

    @TempDir
    static Path data;

    private static LocalRuntime runtime;
    private static String indexHtml;

    @BeforeAll
    static void start() throws Exception {
        URL index = SiteServedTest.class.getResource("/public/index.html");
        assumeTrue(index != null, "the static-site module's build (public/index.html) is not on the classpath");
        try (InputStream in = index.openStream()) {
            indexHtml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        runtime = LocalRuntime.start(LocalSettings.defaults().withPort(0).withDataDir(data));
    }

    @AfterAll
    static void stop() {
        if (runtime != null) runtime.close();
    }

    @Test
    void theAppIsServedAtTheRootAndAtItsOwnRoutes() throws Exception {
        for (String path : new String[] {"", "index.html", "sessions/abc/analysis"}) {
            var page = LocalClient.get(runtime.url() + path);
            assertEquals(200, page.status(), "/" + path);
            assertTrue(page.contentType().startsWith("text/html"), "/" + path);
            assertEquals(indexHtml, page.text(), "/" + path);
        }
    }

    @Test
    void theFilesTheIndexNamesAreServedAndMissingOnesAre404() throws Exception {
        Matcher m = Pattern.compile("src=\"/(assets/[^\"]+\\.js)\"").matcher(indexHtml);
        assertTrue(m.find(), "index.html names its script: " + indexHtml);
        URL expected = SiteServedTest.class.getResource("/public/" + m.group(1));
        assertNotNull(expected);
        var script = LocalClient.get(runtime.url() + m.group(1));
        assertEquals(200, script.status());
        try (InputStream in = expected.openStream()) {
            assertArrayEquals(in.readAllBytes(), script.body());
        }
        assertEquals(
                404, LocalClient.get(runtime.url() + "assets/no-such-file.js").status());
    }

    @Test
    void apiPathsAreNeverThePage() throws Exception {
        var unknown = LocalClient.get(runtime.url() + "api/no-such-thing");
        assertEquals(404, unknown.status());
        assertTrue(unknown.text().contains("\"error\":\"not_found\""));
    }
}
