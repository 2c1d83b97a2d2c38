package org.signalanalyzer.functions.support;

import java.net.URI;
import java.util.List;
import org.gaul.s3proxy.CrossOriginResourceSharing;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** S3Proxy in this JVM (in memory, signatures checked): the S3 API without Docker. One per test JVM. */
public final class S3ProxyServer {

    public static final String BUCKET = "signal-analyzer-test";
    public static final String ACCESS_KEY = "local-access";
    public static final String SECRET_KEY = "local-secret";
    public static final String SITE_ORIGIN = "http://localhost:5173";
    private static S3ProxyServer instance;

    private final URI endpoint;
    private final S3Client client;

    private S3ProxyServer() throws Exception {
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(new TransientNio2BlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .corsRules(new CrossOriginResourceSharing(
                        List.of(SITE_ORIGIN), List.of("GET", "PUT"), List.of("*"), List.of("ETag"), "false"))
                .build();
        proxy.start();
        while (!"STARTED".equals(proxy.getState())) Thread.sleep(10);
        endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
        client = S3Client.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        client.createBucket(r -> r.bucket(BUCKET));
    }

    public static synchronized S3ProxyServer get() {
        if (instance == null) {
            try {
                instance = new S3ProxyServer();
            } catch (Exception e) {
                throw new IllegalStateException("could not start S3Proxy: " + e.getMessage(), e);
            }
        }
        return instance;
    }

    public URI endpoint() {
        return endpoint;
    }

    public S3Client client() {
        return client;
    }
}
