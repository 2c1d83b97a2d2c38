package org.signalanalyzer.functions.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.signalanalyzer.functions.support.ApiHarness.call;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.signalanalyzer.dsp.analysis.StepProtocolAnalysis;
import org.signalanalyzer.functions.cleanup.SessionCleanup;
import org.signalanalyzer.functions.store.BlobKeys;
import org.signalanalyzer.functions.store.BlobStore;
import org.signalanalyzer.functions.store.SessionStore;
import org.signalanalyzer.functions.support.ApiHarness;
import org.signalanalyzer.functions.support.ManySweepAbf1;

/**
 * The presigned PUT stays valid for its 15 minutes after complete. Once a file is parsed its stored form is the
 * only truth: a second PUT to the same URL changes neither the description (sha256) nor the samples; a PUT after
 * the file's deletion lands under the session's prefix, where the session's cleanup deletes it. (An
 * {@code x-amz-acl: public-read} header cannot be shown harmless here: S3Proxy honours ACLs and has no
 * BucketOwnerEnforced, so an unsigned GET of such an object answers 200. The deployed bucket sets
 * BucketOwnerEnforced (TemplateContractTest), and the local runtime answers such a PUT as that bucket does:
 * local's BlobAclTest.)
 */
class UploadAfterCompleteTest {

    private static JsonNode ticket(String[] s, byte[] bytes) {
        var t = call(
                "POST",
                "/api/sessions/" + s[0] + "/uploads",
                s[1],
                Map.of("fileName", "steps.abf", "contentType", "application/octet-stream", "sizeBytes", bytes.length));
        assertEquals(201, t.status(), t.toString());
        return t.json();
    }

    private static HttpResponse<String> put(JsonNode ticket, byte[] bytes, Map<String, String> extra) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(
                        URI.create(ticket.get("uploadUrl").asText()))
                .header(
                        "Content-Type",
                        ticket.get("headers").get("Content-Type").asText())
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes));
        extra.forEach(b::header);
        return UploadFlowTest.HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The upload with the ticket's URL, then complete: the parsed description. */
    private static ApiHarness.Response putAndComplete(String[] s, JsonNode ticket, byte[] bytes) throws Exception {
        assertEquals(200, put(ticket, bytes, Map.of()).statusCode());
        var ready = call(
                "POST",
                "/api/sessions/" + s[0] + "/files/" + ticket.get("fileId").asText() + "/complete",
                s[1],
                null);
        assertEquals(200, ready.status(), ready.toString());
        return ready;
    }

    private static BlobStore blobs() {
        return ApiHarness.handler().getApplicationContext().getBean(BlobStore.class);
    }

    /** Same length, other samples: what a second PUT of another recording would bring. */
    private static byte[] other(byte[] original) {
        byte[] copy = original.clone();
        for (int i = 2048; i < copy.length; i++) copy[i] ^= 0x55;
        return copy;
    }

    @Test
    void aSecondPutAfterCompleteChangesNothingTheFileDescribes() throws Exception {
        byte[] first = ManySweepAbf1.write(3, 8);
        String[] s = ApiHarness.newSession();
        JsonNode t = ticket(s, first);
        String fileId = t.get("fileId").asText();
        var ready = putAndComplete(s, t, first);
        assertEquals(
                StepProtocolAnalysis.sha256(first), ready.json().get("sha256").asText());
        String upload = BlobKeys.upload(s[0], fileId);
        assertTrue(blobs().size(upload).isEmpty(), "the upload is deleted once parsed");

        assertEquals(200, put(t, other(first), Map.of()).statusCode(), "the URL is still valid (S3 cannot revoke it)");
        var again = call("POST", "/api/sessions/" + s[0] + "/files/" + fileId + "/complete", s[1], null);
        assertEquals(200, again.status());
        assertEquals(ready.json(), again.json(), "the description is the first upload's");
        assertTrue(blobs().size(upload).isEmpty(), "the stray second upload is deleted too");
        var trace = call(
                        "GET",
                        "/api/sessions/" + s[0] + "/files/" + fileId + "/trace",
                        s[1],
                        null,
                        Map.of("sweep", "2", "width", "100"))
                .json();
        for (int i = 0; i < 8; i++) {
            assertEquals(
                    ManySweepAbf1.expected(2, i), trace.get("values").get(i).asDouble(), 0.0);
        }
    }

    @Test
    void aPutAfterTheFilesDeletionIsRemovedByTheSessionsCleanup() throws Exception {
        byte[] bytes = ManySweepAbf1.write(3, 8);
        String[] s = ApiHarness.newSession();
        JsonNode t = ticket(s, bytes);
        String fileId = t.get("fileId").asText();
        putAndComplete(s, t, bytes);
        assertEquals(
                204,
                call("DELETE", "/api/sessions/" + s[0] + "/files/" + fileId, s[1], null)
                        .status());

        assertEquals(200, put(t, bytes, Map.of()).statusCode());
        String orphan = BlobKeys.upload(s[0], fileId);
        assertTrue(orphan.startsWith(BlobKeys.sessionPrefix(s[0])));
        assertTrue(blobs().size(orphan).isPresent(), "S3 took it: no file refers to it any more");

        // The session ends (here: marked for deletion, as expiry or DELETE does); the hourly cleanup runs.
        var context = ApiHarness.handler().getApplicationContext();
        assertTrue(context.getBean(SessionStore.class).markSessionDeleting(s[0]));
        SessionCleanup.Report report = context.getBean(SessionCleanup.class).run(Instant.now());
        assertTrue(report.purgedSessions().contains(s[0]), report.toString());
        assertTrue(blobs().list(BlobKeys.sessionPrefix(s[0])).isEmpty(), "the orphan went with its session");
    }
}
