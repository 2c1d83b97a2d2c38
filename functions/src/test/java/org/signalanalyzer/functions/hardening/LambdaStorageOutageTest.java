package org.signalanalyzer.functions.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.signalanalyzer.functions.ApiGatewayFunction;
import org.signalanalyzer.functions.support.ApiHarness;
import org.signalanalyzer.functions.support.Dynalite;
import org.signalanalyzer.functions.support.S3ProxyServer;
import org.signalanalyzer.functions.support.SampleAnalysis;

/**
 * S3 or DynamoDB taken away (or slowed) under a warm Lambda container: every call answers 503 with Retry-After
 * and a message, nothing half-written is left for the session to trip on, and the same session works again when
 * the storage returns. The storage servers are the tests' own (S3Proxy, dynalite) behind {@link StorageRelay}s.
 */
class LambdaStorageOutageTest {

    private static StorageRelay s3;
    private static StorageRelay dynamo;
    private static ApiGatewayFunction api;
    private static SessionFixture s;

    @BeforeAll
    static void containerBehindRelays() throws Exception {
        s3 = new StorageRelay(S3ProxyServer.get().endpoint());
        dynamo = new StorageRelay(Dynalite.get().endpoint());
        api = ApiHarness.handlerBehind(s3.endpoint(), dynamo.endpoint());
        s = SessionFixture.create(api);
    }

    @AfterEach
    void storageBack() {
        s3.mode(StorageRelay.Mode.UP);
        dynamo.mode(StorageRelay.Mode.UP);
    }

    @AfterAll
    static void closeRelays() throws Exception {
        s3.close();
        dynamo.close();
    }

    /** The calls a page makes, each as a supplier of its answer. */
    private static Map<String, Supplier<ApiHarness.Response>> calls() {
        String base = "/api/sessions/" + s.sid();
        Map<String, Supplier<ApiHarness.Response>> m = new LinkedHashMap<>();
        m.put("create session", () -> ApiHarness.call(api, "POST", "/api/sessions", (String) null, null));
        m.put("get session", () -> ApiHarness.call(api, "GET", base, s.token(), null));
        m.put(
                "upload ticket",
                () -> ApiHarness.call(
                        api,
                        "POST",
                        base + "/uploads",
                        s.token(),
                        Map.of("fileName", "b.atf", "contentType", "text/plain", "sizeBytes", 100)));
        m.put("trace", () -> ApiHarness.call(api, "GET", base + "/files/" + s.fileId() + "/trace", s.token(), null));
        m.put(
                "filter",
                () -> ApiHarness.call(
                        api,
                        "POST",
                        base + "/files/" + s.fileId() + "/filter",
                        s.token(),
                        Map.of("chain", Map.of("preset", "batch"))));
        m.put(
                "process",
                () -> ApiHarness.call(
                        api,
                        "POST",
                        base + "/analyses",
                        s.token(),
                        Map.of(
                                "fileId",
                                s.fileId(),
                                "mode",
                                "desktop",
                                "startingPoint",
                                "35",
                                "params",
                                SampleAnalysis.PROTOCOL)));
        m.put(
                "integrals",
                () -> ApiHarness.call(
                        api,
                        "POST",
                        base + "/analyses/" + s.analysisId() + "/integrals",
                        s.token(),
                        Map.of("hyperpol", List.of(0, 100), "depol", List.of(0, 100))));
        m.put(
                "export",
                () -> ApiHarness.call(
                        api,
                        "POST",
                        base + "/exports",
                        s.token(),
                        Map.of("analysisIds", List.of(s.analysisId()), "layout", "csv")));
        return m;
    }

    private static void everyCallAnswers503WithRetryAfter(Set<String> mayStillSucceed) {
        List<String> failures = new ArrayList<>();
        assertTimeoutPreemptively(
                Duration.ofSeconds(240),
                () -> {
                    for (var call : calls().entrySet()) {
                        ApiHarness.Response r = call.getValue().get();
                        if (r.status() < 300 && mayStillSucceed.contains(call.getKey())) continue;
                        if (r.status() != 503) {
                            failures.add(call.getKey() + " → " + r);
                            continue;
                        }
                        JsonNode e = r.json();
                        if (!"storage_unavailable".equals(e.path("error").asText())
                                || r.header("Retry-After") == null) {
                            failures.add(
                                    call.getKey() + ": 503 without the code or Retry-After: " + r + " " + r.headers());
                        }
                    }
                },
                "calls with the storage away must answer, not wait for a Lambda timeout");
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    private static void theSessionWorksAgainAndHoldsOnlyWholeThings() {
        Map<String, Supplier<ApiHarness.Response>> calls = calls();
        for (String name : List.of("get session", "trace", "filter", "integrals", "export", "process")) {
            ApiHarness.Response r = calls.get(name).get();
            assertTrue(r.status() == 200 || r.status() == 201, name + " after the storage returned: " + r);
        }
        // Every analysis the session lists opens: none points at an object that was never written.
        JsonNode listed = ApiHarness.call(api, "GET", "/api/sessions/" + s.sid() + "/analyses", s.token(), null)
                .json();
        for (JsonNode a : listed.get("analyses")) {
            String id = a.get("analysisId").asText();
            ApiHarness.Response r =
                    ApiHarness.call(api, "GET", "/api/sessions/" + s.sid() + "/analyses/" + id, s.token(), null);
            assertEquals(200, r.status(), "listed analysis " + id + " opens: " + r);
        }
        for (JsonNode f : ApiHarness.call(api, "GET", "/api/sessions/" + s.sid() + "/files", s.token(), null)
                .json()
                .get("files")) {
            String id = f.get("fileId").asText();
            if (!"ready".equals(f.path("status").asText("ready"))) continue;
            ApiHarness.Response r = ApiHarness.call(
                    api, "GET", "/api/sessions/" + s.sid() + "/files/" + id + "/trace", s.token(), null);
            assertEquals(200, r.status(), "listed file " + id + " plots: " + r);
        }
    }

    @Test
    void s3DownGives503AndTheSessionRecovers() {
        s3.mode(StorageRelay.Mode.DOWN);
        // Calls that need only DynamoDB may still succeed: the session, the upload ticket (signing is local) and the
        // integrals (recomputed from the stored result's summary).
        everyCallAnswers503WithRetryAfter(Set.of("create session", "get session", "upload ticket", "integrals"));
        s3.mode(StorageRelay.Mode.UP);
        theSessionWorksAgainAndHoldsOnlyWholeThings();
    }

    @Test
    void dynamoDownGives503AndTheSessionRecovers() {
        dynamo.mode(StorageRelay.Mode.DOWN);
        everyCallAnswers503WithRetryAfter(Set.of());
        dynamo.mode(StorageRelay.Mode.UP);
        theSessionWorksAgainAndHoldsOnlyWholeThings();
    }

    @Test
    void slowStorageStillAnswersCorrectly() {
        s3.slow(150);
        dynamo.slow(150);
        assertTimeoutPreemptively(Duration.ofSeconds(240), () -> {
            ApiHarness.Response r = calls().get("integrals").get();
            assertEquals(200, r.status(), r.toString());
            assertNotNull(r.json().get("qHyperpolPc"));
        });
        s3.mode(StorageRelay.Mode.UP);
        dynamo.mode(StorageRelay.Mode.UP);
        theSessionWorksAgainAndHoldsOnlyWholeThings();
    }

    /**
     * Storage that accepts connections and never answers. Without call timeouts on the AWS clients a call waited
     * for the socket timeout on every retry (minutes) and Lambda killed it first; it must answer 503.
     */
    @Test
    void hangingStorageAnswers503WithinTheLambdaTimeout() {
        dynamo.mode(StorageRelay.Mode.HANG);
        answers503WithinTheLambdaTimeout("get session");
        dynamo.mode(StorageRelay.Mode.UP);
        s3.mode(StorageRelay.Mode.HANG);
        answers503WithinTheLambdaTimeout("trace");
        s3.mode(StorageRelay.Mode.UP);
        theSessionWorksAgainAndHoldsOnlyWholeThings();
    }

    /** The API functions' Lambda timeout is 30 s (template.yaml); API Gateway gives up at 29 s. */
    private static void answers503WithinTheLambdaTimeout(String call) {
        assertTimeoutPreemptively(
                Duration.ofSeconds(29),
                () -> {
                    ApiHarness.Response r = calls().get(call).get();
                    assertEquals(503, r.status(), call + ": " + r);
                    assertEquals("storage_unavailable", r.json().path("error").asText(), call + ": " + r);
                    assertNotNull(r.header("Retry-After"), call + ": " + r.headers());
                },
                call + " with the storage hanging");
    }
}
