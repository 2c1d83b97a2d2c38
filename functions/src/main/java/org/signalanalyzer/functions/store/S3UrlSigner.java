package org.signalanalyzer.functions.store;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.signalanalyzer.functions.store.BlobStore.PresignedUpload;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Presigned PUT and GET links for objects of one bucket. Signing is local (no call to S3), so it needs no S3
 * client: the local runtime signs with a presigner per browser origin beside one {@link S3BlobStore} for the rest.
 */
public final class S3UrlSigner {

    private final S3Presigner presigner;
    private final String bucket;

    public S3UrlSigner(S3Presigner presigner, String bucket) {
        this.presigner = presigner;
        this.bucket = bucket;
    }

    public PresignedUpload presignPut(String key, String contentType, long contentLength, Duration validity) {
        var presigned = presigner.presignPutObject(r -> r.signatureDuration(validity)
                .putObjectRequest(p -> p.bucket(bucket)
                        .key(BlobKeys.requireSessionKey(key))
                        .contentType(contentType)
                        .contentLength(contentLength)));
        return new PresignedUpload(URI.create(presigned.url().toString()), Map.of("Content-Type", contentType));
    }

    public URI presignGet(String key, String downloadFileName, Duration validity) {
        String safeName = downloadFileName.replaceAll("[^A-Za-z0-9._ -]", "_");
        var presigned = presigner.presignGetObject(r -> r.signatureDuration(validity)
                .getObjectRequest(g -> g.bucket(bucket)
                        .key(BlobKeys.requireSessionKey(key))
                        .responseContentDisposition("attachment; filename=\"" + safeName + "\"")));
        return URI.create(presigned.url().toString());
    }
}
