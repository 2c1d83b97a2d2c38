package org.signalanalyzer.functions.store;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** The blob store on one S3 bucket (or an S3-compatible server such as S3Proxy). */
public final class S3BlobStore implements BlobStore {

    private static final int DELETE_BATCH = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(S3BlobStore.class);

    private final S3Client s3;
    private final S3UrlSigner signer;
    private final String bucket;

    public S3BlobStore(S3Client s3, S3Presigner presigner, String bucket) {
        this.s3 = s3;
        this.signer = new S3UrlSigner(presigner, bucket);
        this.bucket = bucket;
    }

    @Override
    public void put(String key, byte[] content, String contentType) {
        call(
                "store " + key,
                () -> s3.putObject(
                        r -> r.bucket(bucket)
                                .key(BlobKeys.requireSessionKey(key))
                                .contentType(contentType),
                        RequestBody.fromBytes(content)));
    }

    @Override
    public Optional<byte[]> get(String key) {
        try {
            return Optional.of(call(
                    "read " + key,
                    () -> s3.getObjectAsBytes(r -> r.bucket(bucket).key(BlobKeys.requireSessionKey(key)))
                            .asByteArray()));
        } catch (S3Exception e) {
            if (isMissing(key, e)) return Optional.empty();
            throw e;
        }
    }

    @Override
    public byte[] getRange(String key, long offset, long length) {
        if (length <= 0) return new byte[0];
        String range = "bytes=" + offset + "-" + (offset + length - 1);
        byte[] bytes;
        try {
            bytes = call(
                    "read " + key,
                    () -> s3.getObjectAsBytes(r -> r.bucket(bucket)
                                    .key(BlobKeys.requireSessionKey(key))
                                    .range(range))
                            .asByteArray());
        } catch (S3Exception e) {
            if (isMissing(key, e)) throw new BlobMissingException(key + " is no longer stored");
            throw e;
        }
        if (bytes.length != length) {
            throw new IllegalStateException(key + " holds fewer bytes than " + range);
        }
        return bytes;
    }

    @Override
    public OptionalLong size(String key) {
        try {
            return OptionalLong.of(call(
                    "look up " + key,
                    () -> s3.headObject(r -> r.bucket(bucket).key(BlobKeys.requireSessionKey(key)))
                            .contentLength()));
        } catch (S3Exception e) {
            if (isMissing(key, e)) return OptionalLong.empty();
            throw e;
        }
    }

    @Override
    public void delete(String key) {
        call("delete " + key, () -> s3.deleteObject(r -> r.bucket(bucket).key(BlobKeys.requireSessionKey(key))));
    }

    @Override
    public List<String> list(String prefix) {
        List<String> keys = new ArrayList<>();
        call("list " + prefix, () -> {
            s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(BlobKeys.requireSessionKey(prefix)))
                    .contents()
                    .forEach((S3Object o) -> keys.add(o.key()));
            return null;
        });
        return keys;
    }

    @Override
    public int deletePrefix(String prefix) {
        List<String> keys = list(prefix);
        for (int i = 0; i < keys.size(); i += DELETE_BATCH) {
            List<ObjectIdentifier> batch = keys.subList(i, Math.min(keys.size(), i + DELETE_BATCH)).stream()
                    .map(k -> ObjectIdentifier.builder().key(k).build())
                    .toList();
            var answer = call(
                    "delete under " + prefix,
                    () -> s3.deleteObjects(r -> r.bucket(bucket)
                            .delete(Delete.builder().objects(batch).quiet(true).build())));
            if (answer.hasErrors() && !answer.errors().isEmpty()) {
                throw new StorageUnavailableException(
                        "S3 could not delete under " + prefix,
                        new IllegalStateException(answer.errors().get(0).key() + ": "
                                + answer.errors().get(0).message()));
            }
        }
        return keys.size();
    }

    @Override
    public PresignedUpload presignPut(String key, String contentType, long contentLength, Duration validity) {
        return signer.presignPut(key, contentType, contentLength, validity);
    }

    @Override
    public URI presignGet(String key, String downloadFileName, Duration validity) {
        return signer.presignGet(key, downloadFileName, validity);
    }

    /**
     * 404, or 403 AccessDenied: S3 answers a read of a missing key 403 to a role that may not list the bucket
     * (template.yaml grants s3:ListBucket; this keeps a role without it from turning "not there" into a 500). A
     * HEAD answer has no body, so its 403 carries no error code. Other 403s (a bad signature, a clock skew) are not
     * a missing object and stay faults.
     */
    private static boolean isMissing(String key, S3Exception e) {
        if (e instanceof NoSuchKeyException || e.statusCode() == 404) return true;
        if (e.statusCode() != 403) return false;
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        boolean missing = code == null || code.isEmpty() || "AccessDenied".equals(code) || "Forbidden".equals(code);
        if (missing) {
            LOG.warn(
                    "S3 answered 403 for {}: taken as a missing object (give the role s3:ListBucket so S3 says 404)",
                    key);
        }
        return missing;
    }

    private static <T> T call(String what, Supplier<T> operation) {
        try {
            return operation.get();
        } catch (NoSuchKeyException e) {
            throw e;
        } catch (SdkException e) {
            if (StorageFaults.isOurFault(e)) throw e;
            throw new StorageUnavailableException("S3 could not " + what, e);
        }
    }
}
