package org.signalanalyzer.functions.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.signalanalyzer.functions.ApiGatewayFunction;
import org.signalanalyzer.functions.store.BlobKeys;
import org.signalanalyzer.functions.store.BlobMissingException;
import org.signalanalyzer.functions.store.BlobStore;
import org.signalanalyzer.functions.support.ApiHarness;
import org.signalanalyzer.functions.support.ManySweepAbf1;
import org.signalanalyzer.functions.support.MissingKeyAsAccessDenied;
import org.signalanalyzer.functions.support.S3ProxyServer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Real S3 answers a GetObject of a missing key 403 AccessDenied when the role may not list the bucket. With S3Proxy
 * answering that way (an interceptor in the handler's own S3 client turns its 404 into S3's 403), a missing
 * object still reads as missing: complete before the upload is 409, a file whose stored form is gone is 404,
 * never a 500.
 */
class MissingKeyForbiddenTest {

    private static ApiGatewayFunction handler;

    @BeforeAll
    static void start() {
        ApiHarness.configureStorage();
        System.setProperty(MissingKeyAsAccessDenied.PROPERTY, "true");
        try {
            handler = new ApiGatewayFunction();
        } finally {
            System.clearProperty(MissingKeyAsAccessDenied.PROPERTY);
        }
    }

    @Test
    void theHandlersS3ClientReallySees403ForAMissingKey() {
        S3Client s3 = handler.getApplicationContext().getBean(S3Client.class);
        S3Exception e = assertThrows(
                S3Exception.class,
                () -> s3.getObjectAsBytes(
                        r -> r.bucket(S3ProxyServer.BUCKET).key("sessions/nobody-here/files/none/upload")));
        assertEquals(403, e.statusCode());
        assertEquals("AccessDenied", e.awsErrorDetails().errorCode());
    }

    @Test
    void aMissingObjectReadsAsMissingInEveryBlobStoreRead() {
        BlobStore blobs = handler.getApplicationContext().getBean(BlobStore.class);
        String key = BlobKeys.upload("nobody-here", "none-at-all");
        assertTrue(blobs.get(key).isEmpty());
        assertTrue(blobs.size(key).isEmpty(), "HEAD: a bare 403");
        assertThrows(BlobMissingException.class, () -> blobs.getRange(key, 0, 8));
    }

    @Test
    void completeBeforeTheUploadIs409AndAFileWhoseSamplesAreGoneIs404() throws Exception {
        var created = ApiHarness.call(handler, "POST", "/api/sessions", (String) null, null);
        String sid = created.json().get("sessionId").asText();
        String token = created.json().get("token").asText();
        var ticket = ApiHarness.call(
                handler,
                "POST",
                "/api/sessions/" + sid + "/uploads",
                token,
                Map.of("fileName", "a.abf", "contentType", "application/octet-stream", "sizeBytes", 100));
        String early = ticket.json().get("fileId").asText();
        var notYet =
                ApiHarness.call(handler, "POST", "/api/sessions/" + sid + "/files/" + early + "/complete", token, null);
        assertEquals(409, notYet.status(), notYet.toString());
        assertEquals("conflict", notYet.json().get("error").asText());

        byte[] bytes = ManySweepAbf1.write(3, 8);
        // The shared harness's handler uploads (its session store is the same dynalite table).
        String[] s = {sid, token};
        String fileId = UploadFlowTest.upload(s[0], s[1], "three.abf", bytes, "application/octet-stream");
        var ready = ApiHarness.call(
                handler, "POST", "/api/sessions/" + sid + "/files/" + fileId + "/complete", token, null);
        assertEquals(200, ready.status(), ready.toString());
        BlobStore blobs = handler.getApplicationContext().getBean(BlobStore.class);
        blobs.delete(BlobKeys.fileObject(sid, fileId, "c0.f64"));
        var trace =
                ApiHarness.call(handler, "GET", "/api/sessions/" + sid + "/files/" + fileId + "/trace", token, null);
        assertEquals(404, trace.status(), trace.toString());
        assertEquals("not_found", trace.json().get("error").asText());
    }
}
