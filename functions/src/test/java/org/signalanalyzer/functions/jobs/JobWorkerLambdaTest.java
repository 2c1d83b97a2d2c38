package org.signalanalyzer.functions.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.signalanalyzer.functions.support.ApiHarness.call;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.env.Environment;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.signalanalyzer.dsp.SharedData;
import org.signalanalyzer.functions.ApiGatewayFunction;
import org.signalanalyzer.functions.sessions.Tokens;
import org.signalanalyzer.functions.store.Documents;
import org.signalanalyzer.functions.store.Entry;
import org.signalanalyzer.functions.store.Session;
import org.signalanalyzer.functions.store.SessionStore;
import org.signalanalyzer.functions.support.ApiHarness;
import org.signalanalyzer.functions.support.LambdaTestContext;

/**
 * The job worker and its OnFailure destination through their Lambda entry points, against S3Proxy and dynalite:
 * a queued job run by {@link JobWorkerFunction#handleRequest}; a worker invocation that fails (its DynamoDB is
 * unreachable) whose failure record, in the form Lambda sends to a destination, reaches
 * {@link JobFailureFunction#handleRequest} and fails the job; a timed-out worker's record; a job past its
 * deadline; an asynchronous invoke that fails at submit leaves no job behind.
 */
class JobWorkerLambdaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static JobWorkerFunction worker;
    private static JobFailureFunction onFailure;

    @BeforeAll
    static void start() {
        ApiHarness.handler();
        worker = new JobWorkerFunction();
        onFailure = new JobFailureFunction();
    }

    /** A new warm container made while the given system properties hold (they are restored after). */
    static <T> T with(Map<String, String> properties, Supplier<T> make) {
        ApiHarness.configureStorage();
        Map<String, String> before = new HashMap<>();
        properties.keySet().forEach(k -> before.put(k, System.getProperty(k)));
        try {
            properties.forEach(System::setProperty);
            return make.get();
        } finally {
            before.forEach((k, v) -> {
                if (v == null) System.clearProperty(k);
                else System.setProperty(k, v);
            });
        }
    }

    private static <T> T bean(Class<T> type) {
        return ApiHarness.handler().getApplicationContext().getBean(type);
    }

    /** A session with one ready desktop recording: [sessionId, token, fileId]. */
    private static String[] sessionWithFile() throws Exception {
        byte[] bytes = Files.readAllBytes(SharedData.desktop("202304_0521.atf"));
        String[] s = ApiHarness.newSession();
        var ticket = call(
                "POST",
                "/api/sessions/" + s[0] + "/uploads",
                s[1],
                Map.of(
                        "fileName",
                        "20230405_0521_1_-20mV.atf",
                        "contentType",
                        "application/octet-stream",
                        "sizeBytes",
                        bytes.length));
        JsonNode t = ticket.json();
        var put = HTTP.send(
                HttpRequest.newBuilder(URI.create(t.get("uploadUrl").asText()))
                        .header(
                                "Content-Type",
                                t.get("headers").get("Content-Type").asText())
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        assertEquals(200, put.statusCode());
        String fileId = t.get("fileId").asText();
        assertEquals(
                200,
                call("POST", "/api/sessions/" + s[0] + "/files/" + fileId + "/complete", s[1], null)
                        .status());
        return new String[] {s[0], s[1], fileId};
    }

    /** A job item as JobController writes it, but handed to no runner: only the test invokes the worker. */
    private static String queuedJob(String[] s, String status, Instant createdAt) {
        Session session =
                bean(SessionStore.class).findSession(s[0], Instant.now()).orElseThrow();
        String jobId = Tokens.newId();
        String request = "{\"kind\":\"batch\",\"fileIds\":[\"" + s[2] + "\"],\"mode\":\"desktop\","
                + "\"chain\":{\"preset\":\"raw\"},\"startingPoint\":\"35\",\"layout\":\"full\"}";
        bean(Documents.class)
                .create(
                        session,
                        JobState.KIND,
                        jobId,
                        new JobState(
                                jobId, status, 0, 1, "", List.of(s[2]), request, "full", List.of(), null, createdAt));
        return jobId;
    }

    private static JsonNode status(String[] s, String jobId) {
        var r = call("GET", "/api/sessions/" + s[0] + "/jobs/" + jobId, s[1], null);
        assertEquals(200, r.status(), r.toString());
        return r.json();
    }

    /** What Lambda sends an OnFailure destination after an asynchronous invocation failed (its documented shape). */
    private static Map<String, Object> failureRecord(
            String sessionId, String jobId, String condition, String errorMessage, String errorType) throws Exception {
        String json = """
                {"version": "1.0", "timestamp": "2026-12-04T12:00:00.000Z",
                 "requestContext": {"requestId": "6d4b3a52-1c1e-4d3a-9b5e-0f6a1e2c3d4e",
                   "functionArn": "arn:aws:lambda:eu-west-1:123456789012:function:sa-JobWorkerFunction-Ab12:live",
                   "condition": %s, "approximateInvokeCount": 1},
                 "requestPayload": {"sessionId": %s, "jobId": %s},
                 "responseContext": {"statusCode": 200, "executedVersion": "7", "functionError": "Unhandled"},
                 "responsePayload": {"errorMessage": %s, "errorType": %s, "stackTrace": []}}
                """.formatted(
                        JSON.writeValueAsString(condition),
                        JSON.writeValueAsString(sessionId),
                        JSON.writeValueAsString(jobId),
                        JSON.writeValueAsString(errorMessage),
                        JSON.writeValueAsString(errorType));
        @SuppressWarnings("unchecked")
        Map<String, Object> record = JSON.readValue(json, Map.class);
        return record;
    }

    @Test
    void theWorkerEntryPointRunsAQueuedJobToDone() throws Exception {
        String[] s = sessionWithFile();
        String jobId = queuedJob(s, JobState.QUEUED, Instant.now());
        assertEquals("queued", status(s, jobId).get("status").asText());
        worker.handleRequest(new JobRequest(s[0], jobId), new LambdaTestContext());
        JsonNode done = status(s, jobId);
        assertEquals("done", done.get("status").asText(), done.toString());
        assertEquals(1, done.get("done").asInt());
        assertTrue(done.get("export").get("url").asText().startsWith("http"), done.toString());
    }

    @Test
    void aFailedWorkerInvocationReachesTheOnFailureDestinationAndTheJobReadsFailed() throws Exception {
        String[] s = sessionWithFile();
        String jobId = queuedJob(s, JobState.QUEUED, Instant.now());
        JobWorkerFunction broken =
                with(Map.of("signal.storage.dynamodb-endpoint", "http://127.0.0.1:9"), JobWorkerFunction::new);
        RuntimeException thrown = assertThrows(
                RuntimeException.class,
                () -> broken.handleRequest(new JobRequest(s[0], jobId), new LambdaTestContext()),
                "the invocation fails, so Lambda (no retries) sends the record to OnFailure");
        broken.close();
        assertEquals("queued", status(s, jobId).get("status").asText(), "nothing else would ever change it");

        onFailure.handleRequest(
                failureRecord(
                        s[0],
                        jobId,
                        "RetriesExhausted",
                        thrown.getMessage(),
                        thrown.getClass().getName()),
                new LambdaTestContext());
        JsonNode failed = status(s, jobId);
        assertEquals("failed", failed.get("status").asText());
        assertTrue(failed.get("message").asText().contains(thrown.getMessage()), failed.toString());
    }

    @Test
    void aTimedOutWorkerIsReportedWithLambdasReasonAndKeepsItsProgress() throws Exception {
        String[] s = sessionWithFile();
        String jobId = queuedJob(s, JobState.RUNNING, Instant.now());
        onFailure.handleRequest(
                failureRecord(
                        s[0],
                        jobId,
                        "RetriesExhausted",
                        "2026-12-04T12:15:00.123Z 6d4b3a52-1c1e-4d3a-9b5e-0f6a1e2c3d4e Task timed out after 900.00 seconds",
                        null),
                new LambdaTestContext());
        JsonNode failed = status(s, jobId);
        assertEquals("failed", failed.get("status").asText());
        assertEquals(
                "The batch stopped: Task timed out after 900.00 seconds. Start it again.",
                failed.get("message").asText());
        // A record for a job that is already over changes nothing.
        onFailure.handleRequest(failureRecord(s[0], jobId, "EventAgeExceeded", null, null), new LambdaTestContext());
        assertEquals(failed, status(s, jobId));
    }

    @Test
    void aJobPastItsDeadlineReadsFailedAndALateWorkerDoesNotRunIt() throws Exception {
        String[] s = sessionWithFile();
        Duration deadline = bean(Environment.class).getRequiredProperty("signal.jobs.deadline", Duration.class);
        Instant longAgo = Clock.systemUTC().instant().minus(deadline).minusSeconds(60);
        String jobId = queuedJob(s, JobState.QUEUED, longAgo);
        JsonNode read = status(s, jobId);
        assertEquals("failed", read.get("status").asText());
        assertTrue(read.get("message").asText().contains("did not finish within"), read.toString());
        worker.handleRequest(new JobRequest(s[0], jobId), new LambdaTestContext());
        Session session =
                bean(SessionStore.class).findSession(s[0], Instant.now()).orElseThrow();
        Entry item = bean(Documents.class).find(session, JobState.KIND, jobId).orElseThrow();
        JobState stored = bean(Documents.class).read(item, JobState.class);
        assertEquals(JobState.FAILED, stored.status());
        assertTrue(stored.analysisIds().isEmpty(), "nothing was analysed after the deadline");
        assertEquals(
                0,
                call("GET", "/api/sessions/" + s[0] + "/analyses", s[1], null)
                        .json()
                        .get("analyses")
                        .size());
    }

    @Test
    void anAsynchronousInvokeThatFailsLeavesNoQueuedJob() throws Exception {
        String[] s = sessionWithFile();
        ApiGatewayFunction onLambda = with(
                Map.of(
                        "signal.jobs.runner",
                        "lambda",
                        "signal.jobs.worker-function",
                        "sa-JobWorkerFunction:live",
                        "signal.jobs.lambda-endpoint",
                        "http://127.0.0.1:9"),
                ApiGatewayFunction::new);
        try {
            var refused = ApiHarness.call(
                    onLambda,
                    "POST",
                    "/api/sessions/" + s[0] + "/jobs",
                    s[1],
                    Map.of("kind", "batch", "fileIds", List.of(s[2]), "layout", "full"));
            assertEquals(503, refused.status(), refused.toString());
            assertEquals("storage_unavailable", refused.json().get("error").asText());
            assertTrue(
                    bean(SessionStore.class).listEntries(s[0], JobState.KIND).isEmpty(),
                    "the job whose worker never started is gone, not queued forever");
        } finally {
            onLambda.close();
        }
    }
}
