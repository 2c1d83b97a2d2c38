package org.signalanalyzer.functions.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.signalanalyzer.dsp.SharedData;
import org.signalanalyzer.functions.support.ApiHarness;

/**
 * A process call retried with the same Idempotency-Key (after a lost answer or a gateway error) answers the
 * analysis the first call made; the history holds it once. Without a key every call is a new analysis.
 */
class ProcessIdempotencyTest {

    private static ApiHarness.Response process(String sid, String token, String fileId, String key) {
        Map<String, String> headers = new HashMap<>(Map.of("Authorization", "Bearer " + token));
        if (key != null) headers.put("Idempotency-Key", key);
        return ApiHarness.call(
                ApiHarness.handler(),
                "POST",
                "/api/sessions/" + sid + "/analyses",
                headers,
                Map.of("fileId", fileId, "mode", "desktop", "chain", Map.of("preset", "raw"), "startingPoint", "35"));
    }

    @Test
    void aRetryWithTheSameKeyAnswersTheFirstAnalysis() throws Exception {
        byte[] bytes = Files.readAllBytes(SharedData.desktop("202304_0521.atf"));
        String[] s = ApiHarness.newSession();
        String fileId = UploadFlowTest.upload(s[0], s[1], "202304_0521.atf", bytes, "application/octet-stream");
        assertEquals(
                200,
                ApiHarness.call("POST", "/api/sessions/" + s[0] + "/files/" + fileId + "/complete", s[1], null)
                        .status());
        String key = UUID.randomUUID().toString();

        var first = process(s[0], s[1], fileId, key);
        assertEquals(201, first.status(), first.toString());
        var retried = process(s[0], s[1], fileId, key);
        assertEquals(201, retried.status(), retried.toString());
        assertEquals(first.json().get("analysisId"), retried.json().get("analysisId"));
        assertEquals(first.json().get("result"), retried.json().get("result"));
        assertEquals(
                1,
                ApiHarness.call("GET", "/api/sessions/" + s[0] + "/analyses", s[1], null)
                        .json()
                        .get("analyses")
                        .size(),
                "one analysis in the history");

        var other = process(s[0], s[1], fileId, UUID.randomUUID().toString());
        assertNotEquals(
                first.json().get("analysisId"), other.json().get("analysisId"), "another key, another analysis");
        var unkeyed = process(s[0], s[1], fileId, null);
        assertNotEquals(first.json().get("analysisId"), unkeyed.json().get("analysisId"));
        assertEquals(
                3,
                ApiHarness.call("GET", "/api/sessions/" + s[0] + "/analyses", s[1], null)
                        .json()
                        .get("analyses")
                        .size());

        var bad = process(s[0], s[1], fileId, "has spaces in it");
        assertEquals(400, bad.status(), bad.toString());
        assertEquals("invalid_parameter", bad.json().get("error").asText());
    }
}
