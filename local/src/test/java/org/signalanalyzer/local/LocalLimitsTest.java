package org.signalanalyzer.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.signalanalyzer.functions.limits.Limits;
import org.signalanalyzer.functions.support.SampleAnalysis;

/**
 * The limits of the local runtime over real HTTP (Netty's remote address is the client): the access code, the
 * creation rate per address with Retry-After, and the per-session quotas; a refused request writes nothing to the
 * session journal and no object to the data folder.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalLimitsTest {

    private static final String CODE = "bench 3, drawer 2";

    @TempDir
    static Path data;

    private static LocalRuntime runtime;
    private static LocalClient http;

    @BeforeAll
    static void start() throws Exception {
        runtime = LocalRuntime.start(LocalSettings.defaults()
                .withPort(0)
                .withDataDir(data)
                .withAccessCode(CODE)
                .withLimits(new Limits(30, 6, 1, 100L * 1024 * 1024, 1, 1, 0)));
        http = new LocalClient(runtime.url());
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    @Order(2) // uses up the creation burst; the quota test needs one creation first
    void theAccessCodeOpensTheDoorAndTheCreationRateHoldsPerAddress() throws Exception {
        Map<String, Long> before = dataFolder();
        LocalClient.Answer missing = http.call("POST", "/api/sessions", (String) null, null);
        assertEquals(401, missing.status(), missing.toString());
        assertEquals("access_code_required", missing.json().get("error").asText());
        LocalClient.Answer wrong =
                http.call("POST", "/api/sessions", (String) null, Map.of("accessCode", "bench 3, drawer 1"));
        assertEquals(401, wrong.status(), wrong.toString());
        assertFalse(wrong.text().contains("drawer"), "the code is never echoed: " + wrong.text());
        assertEquals(before, dataFolder(), "refused creations write nothing");

        // The two refusals above counted too (guessing is as slow as creating); the burst is 6.
        // Slots refill one every 2 s (30 a minute): a slow run may see some, and the bounds allow exactly those.
        long started = System.nanoTime();
        int created = 0;
        LocalClient.Answer last;
        Map<String, Long> beforeLast;
        while (true) {
            beforeLast = dataFolder();
            last = http.call("POST", "/api/sessions", (String) null, Map.of("accessCode", CODE));
            if (last.status() != 201) break;
            created++;
            assertTrue(created <= 6 + refillsSince(started), "the burst is 6");
        }
        // Checked on the refusal itself: a second attempt could find a slot refilled (one every 2 s) on a slow run.
        assertEquals(beforeLast, dataFolder(), "a rate-limited creation writes nothing");
        assertTrue(
                created >= 1 && created <= 4 + refillsSince(started),
                "the burst is 6 and the two refusals took slots: " + created);
        assertEquals(429, last.status(), last.toString());
        assertEquals("rate_limited", last.json().get("error").asText());
        int retryAfter = Integer.parseInt(last.retryAfter());
        assertTrue(retryAfter >= 1 && retryAfter <= 2, "30 a minute frees a slot within 2 s: " + retryAfter);
        Thread.sleep(retryAfter * 1000L);
        assertEquals(
                201,
                http.call("POST", "/api/sessions", (String) null, Map.of("accessCode", CODE))
                        .status(),
                "after Retry-After a slot is free again");
    }

    @Test
    @Order(1)
    void everyQuotaRefusesWithNothingWritten() throws Exception {
        LocalClient.Answer session = http.call("POST", "/api/sessions", (String) null, Map.of("accessCode", CODE));
        assertEquals(201, session.status(), session.toString());
        String sid = session.json().get("sessionId").asText();
        String token = session.json().get("token").asText();
        String base = "/api/sessions/" + sid;
        byte[] bytes = LocalClient.sampleBytes();

        LocalClient.Answer ticket = http.call(
                "POST",
                base + "/uploads",
                token,
                Map.of(
                        "fileName",
                        LocalClient.SAMPLE,
                        "contentType",
                        "application/octet-stream",
                        "sizeBytes",
                        bytes.length));
        assertEquals(201, ticket.status(), ticket.toString());
        assertEquals(
                200,
                LocalClient.put(ticket.json().get("uploadUrl").asText(), "application/octet-stream", bytes)
                        .status());
        String fileId = ticket.json().get("fileId").asText();
        assertEquals(
                200,
                http.call("POST", base + "/files/" + fileId + "/complete", token, null)
                        .status());
        Map<String, Object> analysis =
                Map.of("fileId", fileId, "mode", "desktop", "chain", Map.of("preset", "raw"), "startingPoint", "35");
        LocalClient.Answer analysed = http.call("POST", base + "/analyses", token, analysis);
        assertEquals(201, analysed.status(), analysed.toString());
        String analysisId = analysed.json().get("analysisId").asText();
        Map<String, Object> export = Map.of("analysisIds", List.of(analysisId), "layout", "csv");
        assertEquals(200, http.call("POST", base + "/exports", token, export).status());

        Map<String, Long> before = dataFolder();
        refused(
                http.call(
                        "POST",
                        base + "/uploads",
                        token,
                        Map.of("fileName", "second.csv", "contentType", "text/csv", "sizeBytes", 10)),
                "files-per-session");
        refused(http.call("POST", base + "/analyses", token, analysis), "analyses-per-session");
        refused(http.call("POST", base + "/exports", token, export), "exports-per-session");
        refused(
                http.call("POST", base + "/jobs", token, SampleAnalysis.batchJob(List.of(fileId), "raw")),
                "jobs-per-session");
        assertEquals(before, dataFolder(), "refused requests wrote nothing: no journal line, no object");

        assertEquals(
                204, http.call("DELETE", base + "/files/" + fileId, token, null).status());
        assertEquals(
                201,
                http.call(
                                "POST",
                                base + "/uploads",
                                token,
                                Map.of("fileName", "second.csv", "contentType", "text/csv", "sizeBytes", 10))
                        .status(),
                "a deleted file gives its room back");
    }

    private static void refused(LocalClient.Answer answer, String quota) {
        assertEquals(403, answer.status(), answer.toString());
        assertEquals("quota_exceeded", answer.json().get("error").asText());
        assertTrue(answer.json().get("message").asText().contains("signal.limits." + quota), answer.toString());
    }

    /** Every file of the data folder with its size (the session journal, the objects). */
    private static Map<String, Long> dataFolder() {
        Map<String, Long> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(data)) {
            all.filter(Files::isRegularFile).forEach(p -> {
                try {
                    files.put(data.relativize(p).toString(), Files.size(p));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** Creation slots refilled since {@code startedNanos} at 30 a minute (one every 2 s), counting the one under way. */
    private static long refillsSince(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 2_000_000_000L + 1;
    }
}
