package org.signalanalyzer.functions.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.signalanalyzer.functions.ApiGatewayFunction;
import org.signalanalyzer.functions.support.ApiHarness;
import org.signalanalyzer.functions.support.SampleAnalysis;

/**
 * Seeded mutation fuzzing of the request bodies of upload, filter, process, integrals and export, through the real
 * Lambda entry point: every answer is a success or a 4xx with {@code {"error", "message"}}, never a 5xx, within
 * a bounded time. CI sends a few hundred bodies; the longer run: {@code -Dfuzz.iterations=10000}
 * ({@code -Dfuzz.seed=N} to look elsewhere). A failure names the seed, case, route and body.
 */
class ApiBodyFuzzTest {

    private static final long SEED = Long.getLong("fuzz.seed", 30261124L);
    private static final int CASES = Integer.getInteger("fuzz.iterations", 150);
    private static final int BATCH = 25;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A fuzz finding kept as a regression: Savitzky–Golay windows of tens of thousands of samples (seed 30261124
     * case 801: 51 000 on the desktop file) once allocated window² doubles, or far beyond the trace before any check
     * (OutOfMemoryError → 500). They must be refused as a bad parameter.
     */
    @Test
    void aHugeSavitzkyGolayWindowIsFilteredOrRefusedNotA500() throws Exception {
        ApiGatewayFunction api = ApiHarness.handler();
        SessionFixture s = SessionFixture.create(api);
        for (String window : List.of("2147483647", "51001")) {
            ApiHarness.Response r = ApiHarness.call(
                    api,
                    "POST",
                    "/api/sessions/" + s.sid() + "/files/" + s.fileId() + "/filter",
                    s.token(),
                    "{\"chain\":{\"steps\":[{\"type\":\"savgol\",\"window\":" + window + ",\"polyorder\":3}]}}");
            assertTrue(r.status() == 200 || r.status() == 400, "window " + window + ": " + r);
        }
    }

    @Test
    void everyMutatedBodyGetsASuccessOrATypedClientError() throws Exception {
        ApiGatewayFunction api = ApiHarness.handler();
        SessionFixture s = SessionFixture.create(api);
        String base = "/api/sessions/" + s.sid();
        Map<String, JsonNode> seeds = new TreeMap<>();
        seeds.put(
                base + "/uploads",
                JSON.valueToTree(Map.of("fileName", "a.atf", "contentType", "text/plain", "sizeBytes", 1000)));
        seeds.put(
                base + "/files/" + s.fileId() + "/filter",
                JSON.readTree("{\"sweep\":0,\"channel\":0,\"width\":600,"
                        + "\"startS\":0.1,\"endS\":0.5,\"chain\":{\"steps\":[{\"type\":\"savgol\",\"window\":51,\"polyorder\":3},"
                        + "{\"type\":\"butterworth\",\"btype\":\"lowpass\",\"order\":2,\"cutoff_hz\":2000}]}}"));
        seeds.put(
                base + "/analyses",
                JSON.valueToTree(Map.of(
                        "fileId",
                        s.fileId(),
                        "mode",
                        "desktop",
                        "chain",
                        Map.of("preset", "raw"),
                        "startingPoint",
                        "35",
                        "params",
                        SampleAnalysis.PROTOCOL,
                        "ranges",
                        Map.of("hyperpol", List.of(0, 150), "depol", List.of(5, 120)))));
        seeds.put(
                base + "/analyses/" + s.analysisId() + "/integrals",
                JSON.valueToTree(Map.of("hyperpol", List.of(10, 150), "depol", List.of(5, 120))));
        seeds.put(base + "/exports", JSON.valueToTree(Map.of("analysisIds", List.of(s.analysisId()), "layout", "csv")));
        List<String> routes = List.copyOf(seeds.keySet());

        Random rnd = new Random(SEED);
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (int from = 0; from < CASES; from += BATCH) {
            int start = from;
            int end = Math.min(CASES, from + BATCH);
            assertTimeoutPreemptively(
                    Duration.ofSeconds(120),
                    () -> {
                        for (int c = start; c < end; c++) {
                            String route = routes.get(rnd.nextInt(routes.size()));
                            String body = BodyMutator.mutate(seeds.get(route), rnd);
                            ApiHarness.Response r = ApiHarness.call(api, "POST", route, s.token(), body);
                            statuses.merge(r.status(), 1, Integer::sum);
                            String what = "seed " + SEED + " case " + c + " POST " + route.replace(base, "…") + " body "
                                    + (body.length() > 300
                                            ? body.substring(0, 300) + "… (" + body.length() + " chars)"
                                            : body);
                            if (r.status() >= 500 || r.status() < 200) fail(what + " → " + r);
                            if (r.status() >= 400) {
                                JsonNode e = r.json();
                                assertTrue(
                                        e.hasNonNull("error")
                                                && !e.path("message").asText().isBlank(),
                                        what + " → " + r);
                            }
                        }
                    },
                    "API body fuzz, seed " + SEED + " cases " + start + ".." + (end - 1));
        }
        assertEquals(
                CASES, statuses.values().stream().mapToInt(Integer::intValue).sum());
        System.out.println(
                "API body fuzz: " + CASES + " bodies, answers by status (0: a known crash, skipped) " + statuses);
        // The session still works after all that.
        SessionFixture.ok(ApiHarness.call(api, "GET", base + "/analyses/" + s.analysisId(), s.token(), null), 200);
    }
}
