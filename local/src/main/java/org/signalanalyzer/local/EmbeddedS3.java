package org.signalanalyzer.local;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;

/**
 * S3Proxy in this process on {@code <data>/s3}: the functions' S3 code paths (signed requests, presigned PUT with
 * its signed type and length, presigned GET) run unchanged. It listens on a free loopback port only; browsers reach
 * it through the app's own origin ({@link BlobProxyFilter}). The secret is new at every start, so nobody can forge
 * a URL from a value in the source; links handed out before a restart stop working, like expired ones.
 */
public final class EmbeddedS3 implements AutoCloseable {

    /** Short, because it is the first path segment of every presigned URL the browser sees. */
    public static final String BUCKET = "blobs";
    static final String ACCESS_KEY = "signal-analyzer-local";

    private final S3Proxy proxy;
    private final URI endpoint;
    private final String secretKey;

    private EmbeddedS3(S3Proxy proxy, URI endpoint, String secretKey) {
        this.proxy = proxy;
        this.endpoint = endpoint;
        this.secretKey = secretKey;
    }

    public static EmbeddedS3 start(Path dataDir) throws Exception {
        Path root = dataDir.resolve("s3").toAbsolutePath();
        // The filesystem store maps buckets to folders; the bucket folder existing is the bucket existing.
        Files.createDirectories(root.resolve(BUCKET));
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        String secretKey = HexFormat.of().formatHex(secret);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(new FilesystemNio2BlobStore(root.toString()))
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, secretKey)
                // Requests reach it only through the app server, which has drained its own by the time this stops.
                .stopTimeout(2000)
                .build();
        proxy.start();
        while (!"STARTED".equals(proxy.getState())) {
            if ("FAILED".equals(proxy.getState())) throw new IllegalStateException("S3Proxy did not start");
            Thread.sleep(5);
        }
        return new EmbeddedS3(proxy, URI.create("http://127.0.0.1:" + proxy.getPort()), secretKey);
    }

    /** Where this process's own S3 client talks to S3Proxy directly. */
    public URI endpoint() { return endpoint; }

    public String accessKey() { return ACCESS_KEY; }

    public String secretKey() { return secretKey; }

    @Override
    public void close() throws Exception {
        proxy.stop();
    }
}
