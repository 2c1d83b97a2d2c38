package org.signalanalyzer.local;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.signalanalyzer.functions.store.BlobKeys;
import org.signalanalyzer.functions.store.BlobMissingException;
import org.signalanalyzer.functions.store.BlobStore;
import org.signalanalyzer.functions.store.S3UrlSigner;
import org.signalanalyzer.functions.store.StorageUnavailableException;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * This process's own reads and writes, made on the very store S3Proxy serves, in process: the same folder, the
 * same object layout and metadata, the same atomic writes, so what the browser uploads through S3Proxy is read
 * here and what is written here is what a presigned download gets. Only the S3 protocol hop is skipped (request
 * building, SigV4 payload hashing and aws-chunked framing, loopback HTTP, S3Proxy's signature check): for the
 * server's own objects, which never leave the process, it checked nothing and was most of a session's CPU under
 * load. The browser's uploads and downloads still go through S3Proxy with their presigned, size- and type-bound
 * URLs; those come from {@code signer}. On AWS the functions use {@code S3BlobStore} on the S3 API, unchanged.
 */
final class InProcessBlobStore implements BlobStore {

    private static final int LIST_PAGE = 1000;

    private final Supplier<FilesystemNio2BlobStore> served;
    private final String bucket;
    private final S3UrlSigner signer;

    /** {@code served} may block until S3Proxy is up (the API is held until then anyway). */
    InProcessBlobStore(Supplier<FilesystemNio2BlobStore> served, String bucket, S3UrlSigner signer) {
        this.served = served;
        this.bucket = bucket;
        this.signer = signer;
    }

    @Override
    public void put(String key, byte[] content, String contentType) {
        PutObjectRequest request = PutObjectRequest.builder()
                .bucket(bucket)
                .key(BlobKeys.requireSessionKey(key))
                .contentType(contentType)
                .contentLength((long) content.length)
                .build();
        call("store " + key, () -> served.get().putBlob(request, new ByteArrayInputStream(content)));
    }

    @Override
    public Optional<byte[]> get(String key) {
        GetObjectRequest request = GetObjectRequest.builder()
                .bucket(bucket)
                .key(BlobKeys.requireSessionKey(key))
                .build();
        try {
            return Optional.of(read("read " + key, request));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    @Override
    public byte[] getRange(String key, long offset, long length) {
        if (length <= 0) return new byte[0];
        String range = "bytes=" + offset + "-" + (offset + length - 1);
        GetObjectRequest request = GetObjectRequest.builder()
                .bucket(bucket)
                .key(BlobKeys.requireSessionKey(key))
                .range(range)
                .build();
        byte[] bytes;
        try {
            bytes = read("read " + key, request);
        } catch (NoSuchKeyException e) {
            throw new BlobMissingException(key + " is no longer stored");
        }
        if (bytes.length != length) throw new IllegalStateException(key + " holds fewer bytes than " + range);
        return bytes;
    }

    @Override
    public OptionalLong size(String key) {
        String checked = BlobKeys.requireSessionKey(key);
        HeadObjectResponse head = call("look up " + key, () -> served.get().blobMetadataIfPresent(bucket, checked));
        return head == null ? OptionalLong.empty() : OptionalLong.of(head.contentLength());
    }

    @Override
    public void delete(String key) {
        String checked = BlobKeys.requireSessionKey(key);
        call("delete " + key, () -> {
            served.get().removeBlob(bucket, checked);
            return null;
        });
    }

    @Override
    public List<String> list(String prefix) {
        String checked = BlobKeys.requireSessionKey(prefix);
        List<String> keys = new ArrayList<>();
        String token = null;
        do {
            ListObjectsV2Request request = ListObjectsV2Request.builder()
                    .bucket(bucket)
                    .prefix(checked)
                    .maxKeys(LIST_PAGE)
                    .continuationToken(token)
                    .build();
            ListObjectsV2Response page =
                    call("list " + prefix, () -> served.get().list(request));
            page.contents().stream().map(S3Object::key).forEach(keys::add);
            token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
        } while (token != null);
        return keys;
    }

    @Override
    public int deletePrefix(String prefix) {
        List<String> keys = list(prefix);
        keys.forEach(this::delete);
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

    private byte[] read(String what, GetObjectRequest request) {
        return call(what, () -> {
            try (InputStream in = served.get().getBlob(request)) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new StorageUnavailableException("the local store could not " + what, e);
            }
        });
    }

    /**
     * The store answers as S3 would: a missing key is S3's NoSuchKey, which callers turn into "not there". Anything
     * else is the disk failing (the store wraps I/O errors in unchecked exceptions), which the API reports as it
     * reports S3 not answering.
     */
    private static <T> T call(String what, Supplier<T> operation) {
        try {
            return operation.get();
        } catch (NoSuchKeyException | StorageUnavailableException e) {
            throw e;
        } catch (S3Exception e) {
            if (e.statusCode() == 404)
                throw NoSuchKeyException.builder().message(what).build();
            throw new StorageUnavailableException("the local store could not " + what, e);
        } catch (RuntimeException e) {
            throw new StorageUnavailableException("the local store could not " + what, e);
        }
    }
}
