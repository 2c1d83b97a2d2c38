package org.signalanalyzer.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which requests queue for a core: those of the endpoints marked as computing from recordings, read from the
 * running server's own routes, and no others.
 */
class ComputeQueueTest {

    private static final String S = "/api/sessions/{sessionId}/";

    @TempDir
    Path data;

    @Test
    void computingEndpointsQueueAndShortOnesPassAtOnce() throws Exception {
        Map<String, Boolean> routes = new TreeMap<>();
        try (LocalRuntime runtime =
                LocalRuntime.start(LocalSettings.defaults().withPort(0).withDataDir(data))) {
            runtime.context()
                    .getBean(Router.class)
                    .uriRoutes()
                    .forEach((UriRouteInfo<?, ?> r) -> routes.put(
                            r.getHttpMethodName() + " " + r.getUriMatchTemplate(), ComputeQueue.computes(r)));
        }
        Map<String, Boolean> expected = Map.ofEntries(
                Map.entry("POST " + S + "files/{fileId}/complete", true),
                Map.entry("POST " + S + "files/{fileId}/filter", true),
                // A bounded read of one window: the plot stays interactive while analyses queue.
                Map.entry("GET " + S + "files/{fileId}/trace", false),
                Map.entry("POST " + S + "analyses", true),
                Map.entry("PUT " + S + "analyses/{analysisId}/adjustments", true),
                Map.entry("POST " + S + "analyses/{analysisId}/fits", true),
                Map.entry("POST " + S + "exports", true),
                Map.entry("POST " + S + "charge-voltage", true),
                Map.entry("POST /api/sessions", false),
                Map.entry("POST " + S + "uploads", false),
                Map.entry("GET " + S + "files/{fileId}", false),
                Map.entry("DELETE " + S + "files/{fileId}", false),
                Map.entry("GET " + S + "analyses", false),
                Map.entry("GET " + S + "analyses/{analysisId}", false),
                Map.entry("POST " + S + "analyses/{analysisId}/integrals", false),
                Map.entry("GET " + S + "exports/{exportId}", false),
                Map.entry("POST " + S + "jobs", false));
        expected.forEach((route, computes) -> {
            assertTrue(routes.containsKey(route), route + " is one of the server's routes: " + routes.keySet());
            assertEquals(computes, routes.get(route), route);
        });
        long marked = routes.values().stream().filter(b -> b).count();
        assertEquals(7, marked, "only the computing endpoints are marked: " + routes);
    }
}
