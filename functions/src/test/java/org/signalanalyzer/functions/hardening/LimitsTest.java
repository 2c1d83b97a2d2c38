package org.signalanalyzer.functions.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.signalanalyzer.functions.ApiGatewayFunction;
import org.signalanalyzer.functions.support.ApiHarness;
import org.signalanalyzer.functions.support.ApiHarness.Response;
import org.signalanalyzer.functions.support.Dynalite;
import org.signalanalyzer.functions.support.SampleAnalysis;

/**
 * The limits through the real Lambda handler against dynalite and S3Proxy, each on a handler (a warm container)
 * configured with its own small limits: the access code, the creation rate per source address, and every
 * per-session quota, with a refused request changing no item and no object.
 */
class LimitsTest {

    private static final String CODE = "lab door 7-Quokka";

    @Test
    void aConfiguredAccessCodeIsNeededToCreateASessionAndNeverEchoed() {
        ApiGatewayFunction api = ApiHarness.handlerWith(Map.of("signal.access-code", CODE));
        long before = sessionItems();

        Response missing = ApiHarness.call(api, "POST", "/api/sessions", (String) null, null);
        assertEquals(401, missing.status(), missing.toString());
        assertEquals("access_code_required", missing.json().get("error").asText());
        Response empty = ApiHarness.call(api, "POST", "/api/sessions", Map.of(), Map.of());
        assertEquals(401, empty.status(), empty.toString());
        Response wrong =
                ApiHarness.call(api, "POST", "/api/sessions", Map.of(), Map.of("accessCode", "lab door 7-quokka"));
        assertEquals(401, wrong.status(), wrong.toString());
        assertEquals("access_code_required", wrong.json().get("error").asText());
        assertFalse(wrong.body().contains("quokka") || wrong.body().contains("Quokka"), wrong.body());
        Response notJson = ApiHarness.call(api, "POST", "/api/sessions", Map.of(), "accessCode=" + CODE);
        assertEquals(401, notJson.status(), notJson.toString());
        assertEquals(before, sessionItems(), "a refused creation stores no session");

        Response right = ApiHarness.call(api, "POST", "/api/sessions", Map.of(), Map.of("accessCode", CODE));
        assertEquals(201, right.status(), right.toString());
        String sid = right.json().get("sessionId").asText();
        Response opened = ApiHarness.call(
                api,
                "GET",
                "/api/sessions/" + sid,
                Map.of("Authorization", "Bearer " + right.json().get("token").asText()),
                null);
        assertEquals(200, opened.status(), "the session's token, not the code, opens it afterwards: " + opened);
        assertEquals(before + 1, sessionItems());
    }

    @Test
    void withoutAnAccessCodeTheDoorStaysOpen() {
        Response open = ApiHarness.call("POST", "/api/sessions", null, null);
        assertEquals(201, open.status(), open.toString());
    }

    @Test
    void sessionCreationPerSourceAddressIsRateLimitedWithRetryAfter() {
        ApiGatewayFunction api = ApiHarness.handlerWith(
                Map.of("signal.limits.sessions-per-minute", "30", "signal.limits.session-burst", "3"));
        String ip = "203.0.113." + (int) (Math.random() * 200 + 20);
        // The burst of 3 passes; then creations are refused, except for the slots refilled meanwhile (one every
        // 2 s at 30 a minute), which a slow run may see: the bound allows exactly those.
        long started = System.nanoTime();
        int created = 0;
        long before;
        Response refused;
        while (true) {
            before = sessionItems();
            refused = ApiHarness.callFrom(api, ip, "POST", "/api/sessions", Map.of(), null);
            if (refused.status() != 201) break;
            created++;
            long refills = (System.nanoTime() - started) / 2_000_000_000L + 1;
            assertTrue(created <= 3 + refills, created + " creations: more than the burst and the refills");
        }
        assertTrue(created >= 3, "the burst of 3 passes: " + created);
        assertEquals(429, refused.status(), refused.toString());
        assertEquals("rate_limited", refused.json().get("error").asText());
        int retryAfter = Integer.parseInt(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 2, "30 a minute frees a slot within 2 s, not " + retryAfter);
        assertTrue(refused.json().get("message").asText().contains("30 a minute"), refused.toString());
        assertEquals(before, sessionItems(), "a refused creation stores no session");

        Response other = ApiHarness.callFrom(
                api, "198.51.100.9" + (int) (Math.random() * 9), "POST", "/api/sessions", Map.of(), null);
        assertEquals(201, other.status(), "another address has its own allowance: " + other);
    }

    @Test
    void everySessionQuotaRefusesWithItsNameAndChangesNothing() throws Exception {
        ApiGatewayFunction api = ApiHarness.handlerWith(Map.of(
                "signal.limits.files-per-session",
                "2",
                "signal.limits.upload-bytes-per-session",
                "3000000",
                "signal.limits.analyses-per-session",
                "3",
                "signal.limits.exports-per-session",
                "2",
                "signal.limits.jobs-per-session",
                "1"));
        // One completed file, one analysis, one export.
        SessionFixture f = SessionFixture.create(api);
        assertTrue(f.uploadLength() < 3_000_000 - 1000, "the recording leaves room for a small second file");
        String base = "/api/sessions/" + f.sid();

        // Jobs count one job, one analysis per file and one export: 1 job, 2 analyses, 2 exports now.
        Response job = call(api, f, "POST", base + "/jobs", SampleAnalysis.batchJob(List.of(f.fileId()), "raw", "csv"));
        assertEquals(202, job.status(), job.toString());
        awaitJob(api, f, job.json().get("jobId").asText());

        Map<String, String> objects = f.objects();
        Set<String> items = f.items();
        refused(
                api,
                f,
                "POST",
                base + "/jobs",
                SampleAnalysis.batchJob(List.of(f.fileId()), "raw"),
                "jobs-per-session");
        assertEquals(items, f.items(), "a refused job stores no item");

        Response third = call(api, f, "POST", base + "/analyses", analysis(f));
        assertEquals(201, third.status(), "the third analysis fits: " + third);
        objects = f.objects();
        items = f.items();
        refused(api, f, "POST", base + "/analyses", analysis(f), "analyses-per-session");
        refused(
                api,
                f,
                "POST",
                base + "/exports",
                Map.of("analysisIds", List.of(f.analysisId()), "layout", "csv"),
                "exports-per-session");
        // A charge-voltage set analyses each of its files: with no analysis left, it is refused before any runs.
        refused(
                api,
                f,
                "POST",
                base + "/charge-voltage",
                Map.of(
                        "fileIds",
                        List.of(f.fileId()),
                        "mode",
                        "desktop",
                        "chain",
                        Map.of("preset", "raw"),
                        "params",
                        SampleAnalysis.PROTOCOL,
                        "assignments",
                        Map.of(f.fileId(), Map.of("set", "1", "voltageMv", -20))),
                "analyses-per-session");
        assertEquals(items, f.items(), "refused analyses and exports store no item");
        assertEquals(objects, f.objects(), "refused analyses and exports store no object");

        // Files: the second (small) one fits, a third is refused; deleting one makes room again.
        Response small = call(api, f, "POST", base + "/uploads", upload("small.csv", 1000));
        assertEquals(201, small.status(), small.toString());
        items = f.items();
        refused(api, f, "POST", base + "/uploads", upload("third.csv", 10), "files-per-session");
        assertEquals(items, f.items(), "a refused upload ticket stores no item");
        assertEquals(
                204,
                call(
                                api,
                                f,
                                "DELETE",
                                base + "/files/" + small.json().get("fileId").asText(),
                                null)
                        .status());
        int room = 3_000_000 - f.uploadLength();
        Response tooBig =
                refused(api, f, "POST", base + "/uploads", upload("big.csv", room + 1), "upload-bytes-per-session");
        assertTrue(tooBig.json().get("message").asText().contains("3000000 bytes"), tooBig.toString());
        assertEquals(
                201,
                call(api, f, "POST", base + "/uploads", upload("fits.csv", room))
                        .status(),
                "the deleted file's bytes and count were given back");
    }

    @Test
    void aFailedAnalysisGivesItsRoomBack() throws Exception {
        ApiGatewayFunction api = ApiHarness.handlerWith(Map.of("signal.limits.analyses-per-session", "2"));
        SessionFixture f = SessionFixture.create(api);
        String base = "/api/sessions/" + f.sid();
        Map<String, Object> bad = Map.of(
                "fileId",
                f.fileId(),
                "mode",
                "desktop",
                "chain",
                Map.of("preset", "raw"),
                "startingPoint",
                "35",
                "params",
                Map.of("nCycles", 0));
        for (int i = 0; i < 3; i++) {
            int status = call(api, f, "POST", base + "/analyses", bad).status();
            assertTrue(status == 400 || status == 422, "a bad analysis is refused for itself: " + status);
        }
        assertEquals(
                201,
                call(api, f, "POST", base + "/analyses", analysis(f)).status(),
                "failed analyses took no room: the second of two still fits");
    }

    @Test
    void anUnreadableUploadGivesItsRoomBackWhenItIsRemoved() throws Exception {
        ApiGatewayFunction api = ApiHarness.handlerWith(Map.of("signal.limits.files-per-session", "1"));
        Response session = ApiHarness.call(api, "POST", "/api/sessions", (String) null, null);
        String sid = session.json().get("sessionId").asText();
        String token = session.json().get("token").asText();
        byte[] junk = "this is no recording\n".getBytes(StandardCharsets.UTF_8);
        Response ticket = ApiHarness.call(
                api,
                "POST",
                "/api/sessions/" + sid + "/uploads",
                token,
                Map.of("fileName", "junk.atf", "contentType", "application/octet-stream", "sizeBytes", junk.length));
        assertEquals(201, ticket.status(), ticket.toString());
        assertEquals(
                200,
                SessionFixture.put(ticket.json().get("uploadUrl").asText(), "application/octet-stream", junk)
                        .statusCode());
        Response complete = ApiHarness.call(
                api,
                "POST",
                "/api/sessions/" + sid + "/files/" + ticket.json().get("fileId").asText() + "/complete",
                token,
                null);
        assertEquals(422, complete.status(), complete.toString());
        Response again = ApiHarness.call(
                api,
                "POST",
                "/api/sessions/" + sid + "/uploads",
                token,
                Map.of("fileName", "good.atf", "contentType", "application/octet-stream", "sizeBytes", 10));
        assertEquals(201, again.status(), "the removed file's room is free again: " + again);
    }

    private static Map<String, Object> analysis(SessionFixture f) {
        return SampleAnalysis.desktop(f.fileId(), "raw");
    }

    private static Map<String, Object> upload(String name, long size) {
        return Map.of("fileName", name, "contentType", "text/csv", "sizeBytes", size);
    }

    private static Response refused(
            ApiGatewayFunction api, SessionFixture f, String method, String path, Object body, String quota) {
        Response r = call(api, f, method, path, body);
        assertEquals(403, r.status(), r.toString());
        assertEquals("quota_exceeded", r.json().get("error").asText(), r.toString());
        String message = r.json().get("message").asText();
        assertTrue(message.contains("signal.limits." + quota), "names the quota: " + message);
        assertTrue(message.contains("nothing was created"), message);
        assertTrue(
                message.contains("Delete files") || message.contains("start a new session"),
                "says how to free room: " + message);
        return r;
    }

    private static Response call(ApiGatewayFunction api, SessionFixture f, String method, String path, Object body) {
        return ApiHarness.call(api, method, path, f.token(), body);
    }

    private static void awaitJob(ApiGatewayFunction api, SessionFixture f, String jobId) throws InterruptedException {
        JsonNode status = null;
        for (int i = 0; i < 300; i++) {
            status = call(api, f, "GET", "/api/sessions/" + f.sid() + "/jobs/" + jobId, null)
                    .json();
            if (Set.of("done", "failed").contains(status.get("status").asText())) break;
            Thread.sleep(100);
        }
        assertEquals("done", status.get("status").asText(), String.valueOf(status));
    }

    /** Session items in the table (rate items live beside them under other keys). */
    private static long sessionItems() {
        return Dynalite.get().client().scanPaginator(r -> r.tableName(Dynalite.TABLE)).items().stream()
                .filter(item -> "SESSION".equals(item.get("sk").s()))
                .count();
    }
}
