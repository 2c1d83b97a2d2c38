package org.signalanalyzer.local;

import java.net.ServerSocket;
import java.nio.file.Path;
import org.signalanalyzer.functions.store.S3BlobStore;
import org.signalanalyzer.functions.store.S3UrlSigner;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The local runtime's S3Proxy on a folder, alone, with an S3 client and the functions' {@link S3BlobStore} on it: the
 * store tests compare what they write with what S3 serves over its own protocol.
 */
final class EmbeddedS3Fixture implements AutoCloseable {

    final EmbeddedS3 s3;
    final S3Client client;
    final S3Presigner presigner;
    /** The functions' blob store over the S3 API, as on AWS. */
    final S3BlobStore overS3;

    EmbeddedS3Fixture(Path data) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String secret = EmbeddedS3.newSecretKey();
        s3 = EmbeddedS3.start(data, port, secret);
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create(EmbeddedS3.ACCESS_KEY, secret));
        client = S3Client.builder()
                .endpointOverride(EmbeddedS3.endpoint(port))
                .forcePathStyle(true)
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials)
                .build();
        presigner = S3Presigner.builder()
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials)
                .endpointOverride(EmbeddedS3.endpoint(port))
                .build();
        overS3 = new S3BlobStore(client, presigner, EmbeddedS3.BUCKET);
    }

    /** URLs for the browser, signed for S3Proxy's own address. */
    S3UrlSigner signer() {
        return new S3UrlSigner(presigner, EmbeddedS3.BUCKET);
    }

    @Override
    public void close() throws Exception {
        presigner.close();
        client.close();
        s3.close();
    }
}
