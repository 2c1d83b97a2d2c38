package org.signalanalyzer.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.http.HttpMethod;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which requests queue for a core: those that compute from a recording, and no others. */
class ComputeQueueTest {

    private static final String S = "/api/sessions/s1234567/";

    @Test
    void computingRequestsQueueAndShortOnesPassAtOnce() {
        Map<String, Boolean> queues = Map.ofEntries(
                Map.entry("POST " + S + "files/f1234567/complete", true),
                Map.entry("POST " + S + "files/f1234567/filter", true),
                Map.entry("GET " + S + "files/f1234567/trace", true),
                Map.entry("POST " + S + "analyses", true),
                Map.entry("PUT " + S + "analyses/a1234567/adjustments", true),
                Map.entry("POST " + S + "analyses/a1234567/fits", true),
                Map.entry("POST " + S + "exports", true),
                Map.entry("POST /api/sessions", false),
                Map.entry("POST " + S + "uploads", false),
                Map.entry("GET " + S + "files/f1234567", false),
                Map.entry("GET " + S + "analyses", false),
                Map.entry("GET " + S + "analyses/a1234567", false),
                Map.entry("POST " + S + "analyses/a1234567/integrals", false),
                Map.entry("GET " + S + "exports/e1234567", false),
                Map.entry("DELETE " + S + "files/f1234567", false));
        queues.forEach((request, expected) -> {
            String[] methodAndPath = request.split(" ");
            assertEquals(
                    expected, ComputeQueue.computes(HttpMethod.valueOf(methodAndPath[0]), methodAndPath[1]), request);
        });
    }
}
