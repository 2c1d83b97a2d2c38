package org.signalanalyzer.local;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.signalanalyzer.functions.store.BlobStore;
import org.signalanalyzer.functions.store.S3UrlSigner;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The local blob store, with presigned URLs that point at the origin the browser is using (the request's
 * Host) instead of S3Proxy's loopback port: the browser's PUT and GET then stay same-origin (no CORS, nothing to
 * open in a firewall, and it works from another machine of a lab network), and {@link BlobProxyFilter} hands them
 * to S3Proxy with that Host, which is what the signature covers. Everything else goes to the store underneath.
 */
final class SameOriginBlobStore implements BlobStore {

    /** A Host header is a name or address and a port; anything else falls back to the configured origin. */
    private static final Pattern HOST =
            Pattern.compile("[A-Za-z0-9.-]{1,253}(:\\d{1,5})?|\\[[0-9A-Fa-f:.]{2,45}](:\\d{1,5})?");
    /** Hosts are few (localhost, 127.0.0.1, the machine's name); the bound keeps odd clients from growing it. */
    private static final int MAX_ORIGINS = 16;

    private final BlobStore direct;
    private final String fallbackHost;
    private final Function<URI, S3Presigner> presignerFor;
    private final String bucket;
    private final Map<String, S3UrlSigner> byHost = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, S3UrlSigner> eldest) {
            return size() > MAX_ORIGINS;
        }
    };

    SameOriginBlobStore(BlobStore direct, String bucket, String fallbackHost, Function<URI, S3Presigner> presignerFor) {
        this.direct = direct;
        this.bucket = bucket;
        this.fallbackHost = fallbackHost;
        this.presignerFor = presignerFor;
    }

    @Override
    public void put(String key, byte[] content, String contentType) {
        direct.put(key, content, contentType);
    }

    @Override
    public Optional<byte[]> get(String key) {
        return direct.get(key);
    }

    @Override
    public byte[] getRange(String key, long offset, long length) {
        return direct.getRange(key, offset, length);
    }

    @Override
    public OptionalLong size(String key) {
        return direct.size(key);
    }

    @Override
    public void delete(String key) {
        direct.delete(key);
    }

    @Override
    public List<String> list(String prefix) {
        return direct.list(prefix);
    }

    @Override
    public int deletePrefix(String prefix) {
        return direct.deletePrefix(prefix);
    }

    @Override
    public PresignedUpload presignPut(String key, String contentType, long contentLength, Duration validity) {
        return forCurrentOrigin().presignPut(key, contentType, contentLength, validity);
    }

    @Override
    public URI presignGet(String key, String downloadFileName, Duration validity) {
        return forCurrentOrigin().presignGet(key, downloadFileName, validity);
    }

    private S3UrlSigner forCurrentOrigin() {
        String host = ServerRequestContext.currentRequest()
                .map(SameOriginBlobStore::host)
                .filter(h -> HOST.matcher(h).matches())
                .orElse(fallbackHost);
        synchronized (byHost) {
            return byHost.computeIfAbsent(
                    host, h -> new S3UrlSigner(presignerFor.apply(URI.create("http://" + h)), bucket));
        }
    }

    private static String host(HttpRequest<?> request) {
        String host = request.getHeaders().get(HttpHeaders.HOST);
        return host == null ? "" : host.trim();
    }
}
