package org.signalanalyzer.local;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;

/**
 * S3Proxy in this process on {@code <data>/s3}: the browser's presigned PUT (with its signed type and length) and
 * GET are checked as S3 checks them; this process's own reads and writes use its store directly
 * ({@link #served()}). It listens on a free loopback port only; browsers reach
 * it through the app's own origin ({@link BlobProxyFilter}). The secret is new at every start, so nobody can forge
 * a URL from a value in the source; links handed out before a restart stop working, like expired ones.
 */
public final class EmbeddedS3 implements AutoCloseable {

    /** Short, because it is the first path segment of every presigned URL the browser sees. */
    public static final String BUCKET = "blobs";

    static final String ACCESS_KEY = "signal-analyzer-local";

    private final S3Proxy proxy;
    private final FilesystemNio2BlobStore served;

    private EmbeddedS3(S3Proxy proxy, FilesystemNio2BlobStore served) {
        this.proxy = proxy;
        this.served = served;
    }

    /** The store behind S3Proxy, for this process's own reads and writes ({@link InProcessBlobStore}). */
    FilesystemNio2BlobStore served() {
        return served;
    }

    /** Where S3Proxy listens when started on {@code port}; this process's own S3 client talks to it there. */
    static URI endpoint(int port) {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** A secret for one run of the process. */
    static String newSecretKey() {
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        return HexFormat.of().formatHex(secret);
    }

    public static EmbeddedS3 start(Path dataDir, int port, String secretKey) throws Exception {
        Path root = dataDir.resolve("s3").toAbsolutePath();
        // The filesystem store maps buckets to folders; the bucket folder existing is the bucket existing.
        Path bucket = Files.createDirectories(root.resolve(BUCKET));
        ownerOnly(bucket);
        FilesystemNio2BlobStore served = new FilesystemNio2BlobStore(root.toString());
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(served)
                .endpoint(endpoint(port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, secretKey)
                // No graceful stop of its own: requests reach it only through the app server, which has drained them
                // by the time this stops (a grace period here only times out on the SDK's idle keep-alive connections).
                .stopTimeout(0)
                .build();
        proxy.start();
        while (!"STARTED".equals(proxy.getState())) {
            if ("FAILED".equals(proxy.getState())) throw new IllegalStateException("S3Proxy did not start");
            Thread.sleep(5);
        }
        return new EmbeddedS3(proxy, served);
    }

    /**
     * The filesystem store reads a folder that others may read (the usual umask) as a public-read bucket and then
     * answers unsigned listings and downloads; owner-only permissions keep every request signed.
     */
    private static void ownerOnly(Path bucket) throws IOException {
        if (Files.getFileStore(bucket).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(bucket, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
    }
}
