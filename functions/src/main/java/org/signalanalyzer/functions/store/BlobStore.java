package org.signalanalyzer.functions.store;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Objects of the sessions, always under {@code sessions/{sessionId}/} (keys come from {@link BlobKeys} only; no
 * caller-supplied name ever becomes part of a key).
 */
public interface BlobStore {

    void put(String key, byte[] content, String contentType);

    Optional<byte[]> get(String key);

    /** {@code length} bytes from {@code offset}; the object must hold them. */
    byte[] getRange(String key, long offset, long length);

    OptionalLong size(String key);

    void delete(String key);

    /** Keys under a prefix, in key order. */
    List<String> list(String prefix);

    /** Deletes every object under a prefix; answers how many were deleted. */
    int deletePrefix(String prefix);

    /**
     * A URL for one PUT of exactly {@code contentLength} bytes of {@code contentType}: both are signed, so the
     * storage itself refuses another size or type.
     */
    PresignedUpload presignPut(String key, String contentType, long contentLength, Duration validity);

    /** A URL to download an object, offered to the browser under {@code downloadFileName}. */
    URI presignGet(String key, String downloadFileName, Duration validity);

    record PresignedUpload(URI url, Map<String, String> headers) {}
}
